import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certifications read models and city/province reference totals. */
export class Certifications1764300000500 implements MigrationInterface {
  name = 'Certifications1764300000500';

  async up(q: QueryRunner): Promise<void> {
    // Read models, rebuilt from the log at will: no defaults, the projections write every column.
    await q.query(`CREATE TABLE "certification_windows" ("certification_id" text NOT NULL, "uscc" text NOT NULL, "type" text NOT NULL,
      "level" text NOT NULL, "batch" text NOT NULL, "document_number" text NOT NULL, "announced_on" date NOT NULL,
      "valid_from" date NOT NULL, "granted_valid_to" date NOT NULL, "valid_to" date NOT NULL, "revoked_from" date,
      "revocation_reason" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "version" integer NOT NULL, "history" jsonb NOT NULL, CONSTRAINT "PK_certification_windows" PRIMARY KEY ("certification_id"))`);
    await q.query(`CREATE INDEX "IX_certification_windows_uscc" ON "certification_windows" ("uscc")`);
    await q.query(`CREATE INDEX "IX_certification_windows_type_level" ON "certification_windows" ("type", "level")`);
    await q.query(`CREATE TABLE "certification_reference_totals" ("entry" integer NOT NULL, "type" text NOT NULL, "level" text NOT NULL,
      "scope" text NOT NULL, "measure" text NOT NULL, "as_of" date NOT NULL, "total" integer NOT NULL, "source" text NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" text,
      CONSTRAINT "PK_certification_reference_totals" PRIMARY KEY ("entry"))`);
    // Import previews: working data of an upload, not facts (commit turns their rows into events).
    await q.query(`CREATE TABLE "certification_imports" ("import_id" text NOT NULL, "content_hash" text NOT NULL,
      "file_name" text NOT NULL, "uploaded_by" text NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rows" jsonb NOT NULL,
      "committed_at" TIMESTAMP WITH TIME ZONE, "committed_by" text, CONSTRAINT "PK_certification_imports" PRIMARY KEY ("import_id"))`);
    await q.query(`CREATE INDEX "IX_certification_imports_content_hash" ON "certification_imports" ("content_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "certification_imports"`);
    await q.query(`DROP TABLE "certification_reference_totals"`);
    await q.query(`DROP TABLE "certification_windows"`);
    // Forget how far the projections had read, so migrating up again refills the new tables from the log.
    await q.query(`DELETE FROM "projection_checkpoints" WHERE "name" IN ('certification-windows', 'certification-windows__rebuild',
      'certification-reference-totals', 'certification-reference-totals__rebuild')`);
  }
}
