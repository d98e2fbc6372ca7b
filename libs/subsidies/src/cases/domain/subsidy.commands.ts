import type { PolicyMode } from '../../policy-items/domain/policy-item.events';

/** The policy item as the application layer found it in its stream (null: no such item). */
export interface PolicyItemFacts {
  policyItemId: string;
  policyYear: number;
  mode: PolicyMode;
}

interface OpenCase {
  caseId: string;
  enterpriseUscc: string;
  policyItemId: string;
  policyItem: PolicyItemFacts | null;
  on: string;
}

/**
 * Today in Asia/Shanghai, set by the command handler: a 公示 cannot start, and money cannot move, on a day that
 * has not come. Absent (replays, the demo plan's fixed past dates) means no check.
 */
interface Dated {
  today?: string;
}

export type SubsidyCommand =
  | (OpenCase & { type: 'MatchSubsidy' })
  | (OpenCase & { type: 'ApplyForSubsidy' })
  | ({ type: 'ApproveSubsidy'; approvedAmountFen: number; on: string } & Dated)
  | ({ type: 'RejectSubsidy'; reason: string; on: string } & Dated)
  | ({ type: 'AnnounceSubsidy'; from: string; to: string } & Dated)
  | ({ type: 'DisburseSubsidy'; disbursementId: string; amountFen: number; paidOn: string } & Dated)
  | ({ type: 'RecoverSubsidy'; amountFen: number; recoveredOn: string; reason: string } & Dated);

export type SubsidyCommandType = SubsidyCommand['type'];
