import { ApiProperty } from '@nestjs/swagger';
import {
  POLICY_MODES,
  type Money,
  type PolicyItemResult,
  type SubsidyCaseRow,
  type SubsidyCommandResult,
  type SubsidyFigures,
  type SubsidyGroupBy,
  type SubsidyMetrics,
  type SubsidyPaymentRow,
  type SubsidyPolicyItemRow,
  type SubsidyScope,
  type SubsidyStatus,
} from '@app/subsidies';

/*
 * What the subsidy routes (惠企政策奖补) answer. Each class implements the lib's own type, so a field
 * added or retyped there is a compile error here until it is documented. Amounts are integer 分.
 */

/** A case's statuses after it is opened ('none' is never answered). */
export const SUBSIDY_STATUSES = ['matched', 'applied', 'approved', 'rejected', 'announced', 'partially_paid', 'paid'] as const satisfies readonly SubsidyStatus[];

const POSITION = { type: Number, nullable: true, example: 1234, description: 'Log position of the last event appended: pass as ?position= to read your write; null when nothing changed' } as const;

export class PolicyItemResultDto implements PolicyItemResult {
  @ApiProperty({ format: 'uuid' })
  policyItemId: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty(POSITION)
  position: number | null;
}

export class PolicyItemDto implements SubsidyPolicyItemRow {
  @ApiProperty({ format: 'uuid' })
  policyItemId: string;

  @ApiProperty({ example: '2023年区级研发费用补助' })
  name: string;

  @ApiProperty({ example: 2023, description: 'The policy year the money is for (兑现2023年…), whenever it is paid' })
  policyYear: number;

  @ApiProperty({ example: '区科技局' })
  issuingUnit: string;

  @ApiProperty({ enum: POLICY_MODES, description: 'automatic: 免申即享 (cases are matched); application: 申报 (enterprises apply)' })
  mode: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;
}

export class PolicyItemListDto {
  @ApiProperty({ type: [PolicyItemDto], description: 'Newest policy year first, then by name' })
  items: PolicyItemDto[];
}

export class SubsidyCommandResultDto implements SubsidyCommandResult {
  @ApiProperty({ format: 'uuid', description: 'One case per enterprise and policy item: the id derives from both' })
  caseId: string;

  @ApiProperty({ enum: SUBSIDY_STATUSES, example: 'approved', description: 'The status after the step' })
  status: string;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty(POSITION)
  position: number | null;
}

export class SubsidyCaseDto implements SubsidyCaseRow {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: '91410100MA44L3QX54' })
  enterpriseUscc: string;

  @ApiProperty({ format: 'uuid' })
  policyItemId: string;

  @ApiProperty({ example: 2023 })
  policyYear: number;

  @ApiProperty({ enum: ['matched', 'applied'], description: 'matched: 免申即享; applied: 申报' })
  origin: string;

  @ApiProperty({ enum: SUBSIDY_STATUSES, example: 'paid' })
  status: string;

  @ApiProperty({ format: 'date', example: '2024-01-10' })
  openedOn: string;

  @ApiProperty({ type: Number, nullable: true, example: 10_000_000, description: 'Approved amount in 分; null until approved' })
  approvedFen: number | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why it was rejected, e.g. 不符合申报条件' })
  rejectionReason: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-02-20' })
  reviewedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-03-01', description: '公示 from' })
  publicityFrom: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-03-07', description: '公示 to' })
  publicityTo: string | null;

  @ApiProperty({ example: 10_000_000, description: 'Disbursed so far, in 分' })
  paidFen: number;

  @ApiProperty({ example: 250_000, description: 'Recovered (追回) so far, in 分' })
  recoveredFen: number;

  @ApiProperty({ example: 2 })
  paymentCount: number;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-04-01' })
  lastPaidOn: string | null;

  @ApiProperty({ example: 6 })
  version: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SubsidyPaymentDto implements SubsidyPaymentRow {
  @ApiProperty({ example: 'c5d1…:4', description: '`<caseId>:<stream position>`' })
  paymentId: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: '91410100MA44L3QX54' })
  enterpriseUscc: string;

  @ApiProperty({ format: 'uuid' })
  policyItemId: string;

  @ApiProperty({ example: 2023 })
  policyYear: number;

  @ApiProperty({ enum: ['disbursement', 'recovery'] })
  kind: string;

  @ApiProperty({ example: 6_000_000, description: 'In 分; positive for a recovery too' })
  amountFen: number;

  @ApiProperty({ format: 'date', example: '2024-03-15', description: 'paidOn or recoveredOn' })
  businessDate: string;

  @ApiProperty({ type: String, nullable: true, example: 'PAY-1', description: 'The disbursement’s own id; null for a recovery' })
  disbursementId: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'A recovery’s reason, e.g. 虚报研发费用; null for a disbursement' })
  reason: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class SubsidyCaseDetailsDto extends SubsidyCaseDto {
  @ApiProperty({ type: [SubsidyPaymentDto], description: 'Every disbursement and recovery behind the totals, by date' })
  payments: SubsidyPaymentDto[];
}

export class SubsidyCasePageDto {
  @ApiProperty({ type: [SubsidyCaseDto] })
  items: SubsidyCaseDto[];

  @ApiProperty({ example: 1, description: 'How many cases match the filter, over all pages' })
  total: number;
}

export class MoneyDto implements Money {
  @ApiProperty({ example: '6846620000', description: 'Exact, in 分, as a decimal string (a sum can exceed 2^53)' })
  fen: string;

  @ApiProperty({ example: '68466200.00', description: 'Exact, in 元, two decimals' })
  yuan: string;

  @ApiProperty({ example: '6846.62', description: 'In 万元, two decimals, rounded half-up' })
  wanYuan: string;
}

export class SubsidyScopeDto implements SubsidyScope {
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-01-01', description: 'Payment dates from (inclusive); null: open-ended' })
  from: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-06-30', description: 'Payment dates to (inclusive); null: open-ended' })
  to: string | null;

  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'Only payments dated on or before the report date' })
  asOf: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Only payments recorded by this instant; null: everything' })
  knownAt: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2023, description: 'Only money for this policy year; null: every year' })
  policyYear: number | null;
}

export class SubsidyFiguresDto implements SubsidyFigures {
  @ApiProperty({ example: 'all', description: '“all” for the total; otherwise the policy year, policy item, enterprise or month' })
  group: string;

  @ApiProperty({ type: () => MoneyDto, description: 'Disbursed in the period (recoveries not deducted)' })
  disbursed: MoneyDto;

  @ApiProperty({ type: () => MoneyDto, description: '追回 in the period' })
  recovered: MoneyDto;

  @ApiProperty({ type: () => MoneyDto, description: 'disbursed − recovered; negative when more was recovered than paid' })
  net: MoneyDto;

  @ApiProperty({ example: 3 })
  disbursements: number;

  @ApiProperty({ example: 1 })
  recoveries: number;

  @ApiProperty({ example: 2, description: 'Distinct enterprises with a disbursement in the group' })
  enterprisesPaid: number;
}

export class SubsidyMetricsDto implements SubsidyMetrics {
  @ApiProperty({ type: () => SubsidyScopeDto })
  scope: SubsidyScopeDto;

  @ApiProperty({ enum: ['none', 'policy_year', 'policy_item', 'enterprise', 'month'] })
  groupBy: SubsidyGroupBy;

  @ApiProperty({ example: '分 and 元 are exact; 万元 is rounded half-up to two decimals' })
  rounding: string;

  @ApiProperty({ type: () => SubsidyFiguresDto })
  total: SubsidyFiguresDto;

  @ApiProperty({ type: [SubsidyFiguresDto], description: 'Empty when groupBy is none' })
  groups: SubsidyFiguresDto[];
}
