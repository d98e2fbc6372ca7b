import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enterprise registry's read models: the directory (libs/enterprises, enterprise-directory). */
export class Enterprises1764300000200 implements MigrationInterface {
  name = 'Enterprises1764300000200';

  async up(q: QueryRunner): Promise<void> {
    // A read model, rebuilt from the log at will: no defaults, the projection writes every column.
    await q.query(`CREATE TABLE "enterprises" ("uscc" text NOT NULL, "name" text NOT NULL, "address" text NOT NULL,
      "park" text NOT NULL, "industry" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, "history" jsonb NOT NULL,
      CONSTRAINT "PK_enterprises" PRIMARY KEY ("uscc"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "enterprises"`);
    // Forget how far the directory had read, so migrating up again refills the new table from the log.
    await q.query(`DELETE FROM "projection_checkpoints" WHERE "name" IN ('enterprise-directory', 'enterprise-directory__rebuild')`);
  }
}
