import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One history line of a problem: who did what, when — one problem_facts row (GetProblem reads them). */
export interface ProblemHistoryEntry {
  type: string;
  on: string;
  recordedAt: string;
  actorId: string | null;
  summary: Record<string, unknown>;
  /**
   * Set on a system note (overdue flag, automatic 督办) that a step recorded later proved wrong: the business date
   * of the conclusion that was in fact on time. The note stays in the history, marked, never deleted.
   */
  correctedOn?: string;
}

/**
 * The problem-details read model: the list and the detail page read this table. Its history is not a column: it
 * is the problem's rows in problem_facts, appended one per event (a jsonb document rewritten whole on every event
 * cost O(n) per event and 412 KB at 1,500 events).
 */
@Entity({ name: 'problems' })
@Index('IX_problems_status', ['status'])
@Index('IX_problems_lead_unit', ['leadUnitId'])
@Index('IX_problems_enterprise', ['enterpriseUscc'])
// (registered_on DESC, problem_id): the list's order, which TypeORM cannot declare (migration 1764300003200).
@Index('IX_problems_list_order', { synchronize: false })
@Index('IX_problems_registered_by', ['registeredBy', 'registeredOn'])
export class ProblemDetailsRow {
  @PrimaryColumn({ name: 'problem_id', type: 'text', primaryKeyConstraintName: 'PK_problems' })
  problemId: string;

  @Column({ name: 'enterprise_uscc', type: 'text' })
  enterpriseUscc: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'visit_id', type: 'text', nullable: true })
  visitId: string | null;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  level: string | null;

  @Column({ name: 'lead_unit_id', type: 'text', nullable: true })
  leadUnitId: string | null;

  @Column({ name: 'co_unit_ids', type: 'jsonb' })
  coUnitIds: string[];

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  /** The user who registered it (the Registered event's actor); null for one registered by the system. */
  @Column({ name: 'registered_by', type: 'text', nullable: true })
  registeredBy: string | null;

  @Column({ name: 'assigned_on', type: 'date', nullable: true })
  assignedOn: string | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @Column({ type: 'text', nullable: true })
  satisfaction: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto: string | null;

  @Column({ name: 'pending_extension_days', type: 'integer', nullable: true })
  pendingExtensionDays: number | null;

  @Column({ name: 'supervision_count', type: 'integer' })
  supervisionCount: number;

  @Column({ name: 'reopen_count', type: 'integer' })
  reopenCount: number;

  /** Stream version: what a client sends back as If-Match. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: string;
}
