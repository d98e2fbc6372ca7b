import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../../money/fen-column';

/** One row per subsidy case: where it stands and its running totals, for the case list. */
@Entity({ name: 'subsidy_cases' })
@Index('IX_subsidy_cases_enterprise', ['enterpriseUscc'])
@Index('IX_subsidy_cases_policy_item', ['policyItemId'])
@Index('IX_subsidy_cases_status', ['status'])
export class SubsidyCaseRow {
  @PrimaryColumn({ name: 'case_id', type: 'text', primaryKeyConstraintName: 'PK_subsidy_cases' })
  caseId: string;

  @Column({ name: 'enterprise_uscc', type: 'text' })
  enterpriseUscc: string;

  @Column({ name: 'policy_item_id', type: 'text' })
  policyItemId: string;

  @Column({ name: 'policy_year', type: 'integer' })
  policyYear: number;

  /** 'matched' (免申即享) or 'applied' (申报). */
  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'approved_fen', type: 'bigint', nullable: true, transformer: fenColumn })
  approvedFen: number | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'reviewed_on', type: 'date', nullable: true })
  reviewedOn: string | null;

  @Column({ name: 'publicity_from', type: 'date', nullable: true })
  publicityFrom: string | null;

  @Column({ name: 'publicity_to', type: 'date', nullable: true })
  publicityTo: string | null;

  @Column({ name: 'paid_fen', type: 'bigint', transformer: fenColumn })
  paidFen: number;

  @Column({ name: 'recovered_fen', type: 'bigint', transformer: fenColumn })
  recoveredFen: number;

  @Column({ name: 'payment_count', type: 'integer' })
  paymentCount: number;

  @Column({ name: 'last_paid_on', type: 'date', nullable: true })
  lastPaidOn: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: string;
}
