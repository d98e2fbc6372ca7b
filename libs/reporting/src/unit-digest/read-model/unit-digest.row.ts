import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EscalationLine, UnitDigest } from '../domain/unit-digest.events';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** One row per zone and date: the digest as generated, every unit's lines and the managers' escalation list. */
@Entity({ name: 'unit_digests' })
@Index('IX_unit_digests_zone_date', ['zone', 'digestDate'], { unique: true })
export class UnitDigestRow {
  /** The digest's stream id. */
  @PrimaryColumn({ name: 'digest_id', type: 'text', primaryKeyConstraintName: 'PK_unit_digests' })
  digestId: string;

  @Column({ type: 'text' })
  zone: string;

  /** The business date the colours are for. */
  @Column({ name: 'digest_date', type: 'date' })
  digestDate: string;

  @Column({ type: 'jsonb' })
  units: UnitDigest[];

  @Column({ type: 'jsonb' })
  escalation: EscalationLine[];

  @Column({ type: 'jsonb' })
  rules: { blueWithinWorkingDays: number; acceptanceLimitWorkingDays: number; escalateAfterWorkingDays: number };

  @Column({ name: 'cut_transaction_id', type: 'bigint' })
  cutTransactionId: string;

  @Column({ name: 'cut_position', type: 'bigint', transformer: bigintAsNumber })
  cutPosition: number;

  @Column({ name: 'known_at', type: 'timestamptz', nullable: true })
  knownAt: Date | null;

  /** The log position of the digest event itself. */
  @Column({ name: 'event_position', type: 'bigint', transformer: bigintAsNumber })
  eventPosition: number;

  /** When it was recorded (the event's recorded-at), apart from the business date. */
  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt: Date;

  @Column({ name: 'generated_by', type: 'text', nullable: true })
  generatedBy: string | null;
}
