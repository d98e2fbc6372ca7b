import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per problem event, with its business date and recorded-at: what the metrics fold to know a
 * problem's state as of any date (and, with knownAt, as it was known at any instant), and the problem page's
 * history (who did what when). Appended, never rewritten: an event costs one row however long the problem's life.
 */
@Entity({ name: 'problem_facts' })
@Index('IX_problem_facts_on_date', ['onDate'])
// A figure's cohort (problems registered in a date range, as known at an instant) read from the index alone.
@Index('IX_problem_facts_registrations', ['onDate', 'problemId', 'recordedAt'], { where: `"type" = 'ProblemRegistered'` })
export class ProblemFactRow {
  @PrimaryColumn({ name: 'problem_id', type: 'text', primaryKeyConstraintName: 'PK_problem_facts' })
  problemId: string;

  @PrimaryColumn({ name: 'stream_position', type: 'integer', primaryKeyConstraintName: 'PK_problem_facts' })
  streamPosition: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'on_date', type: 'date' })
  onDate: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** Who recorded it (the event's metadata.actorId); null for the system's own steps. */
  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;
}
