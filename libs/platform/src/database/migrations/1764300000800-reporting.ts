import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporting read models: the monthly summaries as generated (one row per version). */
export class Reporting1764300000800 implements MigrationInterface {
  name = 'Reporting1764300000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "monthly_summaries" ("summary_id" text NOT NULL, "zone" text NOT NULL, "month" text NOT NULL,
      "version" integer NOT NULL, "kind" text NOT NULL, "reason" text, "supersedes_version" integer, "as_of" date NOT NULL,
      "computed_at_position" bigint NOT NULL, "figures" jsonb NOT NULL, "event_position" bigint NOT NULL,
      "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "generated_by" text, CONSTRAINT "PK_monthly_summaries" PRIMARY KEY ("summary_id"))`);
    await q.query(`CREATE UNIQUE INDEX "IX_monthly_summaries_zone_month" ON "monthly_summaries" ("zone", "month", "version")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "monthly_summaries"`);
  }
}
