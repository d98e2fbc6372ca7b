import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PreviewRow } from './preview-rows';

/**
 * An uploaded list and its preview, kept until commit. A plain table, not events: an upload is working
 * data; the facts are the grants its commit appends. The content hash finds an earlier upload of the same file.
 */
@Entity({ name: 'certification_imports' })
@Index('IX_certification_imports_content_hash', ['contentHash'])
export class CertificationImportRow {
  @PrimaryColumn({ name: 'import_id', type: 'text', primaryKeyConstraintName: 'PK_certification_imports' })
  importId: string;

  /** sha256 of the uploaded bytes. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ type: 'jsonb' })
  rows: PreviewRow[];

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ name: 'committed_by', type: 'text', nullable: true })
  committedBy: string | null;
}
