import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every entered city/province total, corrections included (append-only, so knownAt can find older ones). */
@Entity({ name: 'certification_reference_totals' })
export class ReferenceTotalRow {
  /** The entry's position in the reference-totals stream. */
  @PrimaryColumn({ name: 'entry', type: 'integer', primaryKeyConstraintName: 'PK_certification_reference_totals' })
  entry: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'text' })
  measure: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'integer' })
  total: number;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'text', nullable: true })
  recordedBy: string | null;
}
