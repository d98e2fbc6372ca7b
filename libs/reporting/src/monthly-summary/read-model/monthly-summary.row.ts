import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MonthlySummaryFigures } from '../domain/monthly-summary.figures';

/** One row per version of a monthly summary, as generated: what the report GETs read. */
@Entity({ name: 'monthly_summaries' })
@Index('IX_monthly_summaries_zone_month', ['zone', 'month', 'version'], { unique: true })
export class MonthlySummaryRow {
  /** `<stream id>:<version>`. */
  @PrimaryColumn({ name: 'summary_id', type: 'text', primaryKeyConstraintName: 'PK_monthly_summaries' })
  summaryId: string;

  @Column({ type: 'text' })
  zone: string;

  /** 'YYYY-MM'. */
  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'integer' })
  version: number;

  /** 'generated' | 'regenerated'. */
  @Column({ type: 'text' })
  kind: string;

  /** The correction's reason; null for the first version. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'supersedes_version', type: 'integer', nullable: true })
  supersedesVersion: number | null;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'computed_at_position', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  computedAtPosition: number;

  /** The cut's transaction id (null on a summary stored before cuts were recorded). */
  @Column({ name: 'cut_transaction_id', type: 'bigint', nullable: true })
  cutTransactionId: string | null;

  /** The instant every figure was computed as known at: recompute with it to get the figures again. */
  @Column({ name: 'known_at', type: 'timestamptz', nullable: true })
  knownAt: Date | null;

  @Column({ type: 'jsonb' })
  figures: MonthlySummaryFigures;

  /** The log position of the summary event itself. */
  @Column({ name: 'event_position', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  eventPosition: number;

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt: Date;

  @Column({ name: 'generated_by', type: 'text', nullable: true })
  generatedBy: string | null;
}
