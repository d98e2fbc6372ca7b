import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The published policy items (惠企政策事项), for pickers and report labels. */
@Entity({ name: 'subsidy_policy_items' })
export class SubsidyPolicyItemRow {
  @PrimaryColumn({ name: 'policy_item_id', type: 'text', primaryKeyConstraintName: 'PK_subsidy_policy_items' })
  policyItemId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'policy_year', type: 'integer' })
  policyYear: number;

  @Column({ name: 'issuing_unit', type: 'text' })
  issuingUnit: string;

  @Column({ type: 'text' })
  mode: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: string;
}
