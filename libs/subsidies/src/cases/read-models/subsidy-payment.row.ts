import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../money/fen-column';

/**
 * One row per disbursement and per recovery: what the subsidy metrics sum. Each row carries its tags
 * (enterprise, item, policy year) and its business date, so a report needs no join and no replay.
 */
@Entity({ name: 'subsidy_payments' })
@Index('IX_subsidy_payments_business_date', ['businessDate'])
@Index('IX_subsidy_payments_case', ['caseId'])
export class SubsidyPaymentRow {
  /** `<caseId>:<stream position>`: one event, one row, whatever its kind. */
  @PrimaryColumn({ name: 'payment_id', type: 'text', primaryKeyConstraintName: 'PK_subsidy_payments' })
  paymentId: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ name: 'enterprise_uscc', type: 'text' })
  enterpriseUscc: string;

  @Column({ name: 'policy_item_id', type: 'text' })
  policyItemId: string;

  @Column({ name: 'policy_year', type: 'integer' })
  policyYear: number;

  /** 'disbursement' | 'recovery'; amounts are positive either way. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  amountFen: number;

  /** paidOn or recoveredOn (Asia/Shanghai). */
  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ name: 'disbursement_id', type: 'text', nullable: true })
  disbursementId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** When it was recorded: `knownAt` reproduces a figure published earlier. */
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: string;
}
