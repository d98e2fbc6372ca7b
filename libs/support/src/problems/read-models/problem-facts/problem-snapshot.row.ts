import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Each registered problem as it stands after all its facts: the fold the metrics would run (problem-snapshots.sql.ts),
 * kept by the problem-facts projection in the transaction that adds the facts. A figure chooses its cohort from these
 * rows (by the registration's date and recorded-at), reads a row as it is when the problem's facts all fall inside
 * the question (dated by asOf, recorded by knownAt) and folds only the others from problem_facts. Disposable like
 * every read model: it is rebuilt with problem_facts, in the same transaction.
 */
@Entity({ name: 'problem_snapshots' })
// coalesce(lead_unit_id, 'unassigned') with registration_on_date: an expression TypeORM cannot declare (migration 1764300003300).
@Index('IX_problem_snapshots_unit_group', { synchronize: false })
export class ProblemSnapshotRow {
  @PrimaryColumn({ name: 'problem_id', type: 'text', primaryKeyConstraintName: 'PK_problem_snapshots' })
  problemId: string;

  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn: string | null;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text', nullable: true })
  level: string | null;

  @Column({ name: 'lead_unit_id', type: 'text', nullable: true })
  leadUnitId: string | null;

  @Column({ name: 'assigned_on', type: 'date', nullable: true })
  assignedOn: string | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  /** open, concluded, closed, merged or withdrawn (the metrics' statuses, not the workflow's). */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'concluded_on', type: 'date', nullable: true })
  concludedOn: string | null;

  @Column({ name: 'deadline_at_conclusion', type: 'date', nullable: true })
  deadlineAtConclusion: string | null;

  @Column({ type: 'integer' })
  satisfied: number;

  @Column({ name: 'basically_satisfied', type: 'integer' })
  basicallySatisfied: number;

  @Column({ name: 'follow_ups', type: 'integer' })
  followUps: number;

  /** Its registration's business date: a figure's cohort is chosen by it (problem-snapshots.sql.ts). */
  @Index('IX_problem_snapshots_cohort')
  @Column({ name: 'registration_on_date', type: 'date' })
  registrationOnDate: string;

  /** When its registration was recorded: a figure known at an earlier instant does not count the problem. */
  @Column({ name: 'registration_recorded_at', type: 'timestamptz' })
  registrationRecordedAt: Date;

  /** The latest business date among its facts: a question as of an earlier day must fold instead. */
  @Index('IX_problem_snapshots_last_on_date')
  @Column({ name: 'last_on_date', type: 'date' })
  lastOnDate: string;

  /** The latest recorded-at among its facts: a question known at an earlier instant must fold instead. */
  @Index('IX_problem_snapshots_last_recorded_at')
  @Column({ name: 'last_recorded_at', type: 'timestamptz' })
  lastRecordedAt: Date;
}
