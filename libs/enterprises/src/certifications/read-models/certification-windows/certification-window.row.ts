import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A change after the grant, with the instant it was recorded: what knownAt folds back. */
export type CertificationChange =
  | { change: 'renewed'; batch: string; announcedOn: string; validTo: string; recordedAt: string }
  | { change: 'revoked'; effectiveFrom: string; reason: string; recordedAt: string };

/**
 * certification_windows: one row per certification, for queries and the migration drift check. The
 * projection writes it through its own column list (certification-windows.projection.ts): keep them in step.
 */
@Entity({ name: 'certification_windows' })
@Index('IX_certification_windows_uscc', ['uscc'])
@Index('IX_certification_windows_type_level', ['type', 'level'])
export class CertificationWindowRow {
  @PrimaryColumn({ name: 'certification_id', type: 'text', primaryKeyConstraintName: 'PK_certification_windows' })
  certificationId: string;

  @Column({ type: 'text' })
  uscc: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  batch: string;

  @Column({ name: 'document_number', type: 'text' })
  documentNumber: string;

  @Column({ name: 'announced_on', type: 'date' })
  announcedOn: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** The end as granted, before any 复核 (knownAt needs it). */
  @Column({ name: 'granted_valid_to', type: 'date' })
  grantedValidTo: string;

  /** The end after every recorded 复核. */
  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @Column({ name: 'revoked_from', type: 'date', nullable: true })
  revokedFrom: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  /** When the grant was recorded (from the log, so a rebuild gives the same value). */
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The position in the enterprise's certifications stream of the last event folded into this row. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  history: CertificationChange[];
}
