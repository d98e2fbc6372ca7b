import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The visits read model: the visit list and the visit metrics read this table. */
@Entity({ name: 'visits' })
@Index('IX_visits_visited_on', ['visitedOn'])
@Index('IX_visits_enterprise', ['enterpriseUscc'])
// An expression index TypeORM cannot declare (migration 1764300003100): the visits by month read it in order.
@Index('IX_visits_month_enterprise', { synchronize: false })
export class VisitRow {
  @PrimaryColumn({ name: 'visit_id', type: 'text', primaryKeyConstraintName: 'PK_visits' })
  visitId: string;

  @Column({ name: 'enterprise_uscc', type: 'text' })
  enterpriseUscc: string;

  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Column({ name: 'caseworker_ids', type: 'jsonb' })
  caseworkerIds: string[];

  @Column({ type: 'text' })
  form: string;

  @Column({ type: 'text' })
  notes: string;

  @Column({ name: 'problem_ids', type: 'jsonb' })
  problemIds: string[];

  @Column({ name: 'voided_on', type: 'date', nullable: true })
  voidedOn: string | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;

  /** The instant the void was recorded: a correction, effective from then in every period. */
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: string | null;

  @Column({ name: 'logged_at', type: 'timestamptz' })
  loggedAt: string;

  @Column({ name: 'logged_by', type: 'text', nullable: true })
  loggedBy: string | null;
}
