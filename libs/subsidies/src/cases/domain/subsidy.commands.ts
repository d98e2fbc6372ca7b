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

export type SubsidyCommand =
  | (OpenCase & { type: 'MatchSubsidy' })
  | (OpenCase & { type: 'ApplyForSubsidy' })
  | { type: 'ApproveSubsidy'; approvedAmountFen: number; on: string }
  | { type: 'RejectSubsidy'; reason: string; on: string }
  | { type: 'AnnounceSubsidy'; from: string; to: string }
  | { type: 'DisburseSubsidy'; disbursementId: string; amountFen: number; paidOn: string }
  | { type: 'RecoverSubsidy'; amountFen: number; recoveredOn: string; reason: string };

export type SubsidyCommandType = SubsidyCommand['type'];
