import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the support context: problem details, problem facts (for as-of metrics), visits. */
export class Support1764300000400 implements MigrationInterface {
  name = 'Support1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "problems" ("problem_id" text NOT NULL, "enterprise_uscc" text NOT NULL, "title" text NOT NULL,
      "description" text NOT NULL, "category" text NOT NULL, "source" text NOT NULL, "visit_id" text, "status" text NOT NULL,
      "level" text, "lead_unit_id" text, "co_unit_ids" jsonb NOT NULL, "registered_on" date NOT NULL, "assigned_on" date,
      "deadline" date, "outcome" text, "resolved_on" date, "satisfaction" text, "closed_on" date, "merged_into" text,
      "pending_extension_days" integer, "supervision_count" integer NOT NULL, "reopen_count" integer NOT NULL,
      "version" integer NOT NULL, "history" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_problems" PRIMARY KEY ("problem_id"))`);
    await q.query(`CREATE INDEX "IX_problems_registered_on" ON "problems" ("registered_on")`);
    await q.query(`CREATE INDEX "IX_problems_enterprise" ON "problems" ("enterprise_uscc")`);
    await q.query(`CREATE INDEX "IX_problems_lead_unit" ON "problems" ("lead_unit_id")`);
    await q.query(`CREATE INDEX "IX_problems_status" ON "problems" ("status")`);
    await q.query(`CREATE TABLE "problem_facts" ("problem_id" text NOT NULL, "stream_position" integer NOT NULL,
      "type" text NOT NULL, "on_date" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL,
      CONSTRAINT "PK_problem_facts" PRIMARY KEY ("problem_id", "stream_position"))`);
    await q.query(`CREATE INDEX "IX_problem_facts_on_date" ON "problem_facts" ("on_date")`);
    await q.query(`CREATE TABLE "visits" ("visit_id" text NOT NULL, "enterprise_uscc" text NOT NULL, "visited_on" date NOT NULL,
      "caseworker_ids" jsonb NOT NULL, "form" text NOT NULL, "notes" text NOT NULL, "problem_ids" jsonb NOT NULL,
      "voided_on" date, "void_reason" text, "logged_at" TIMESTAMP WITH TIME ZONE NOT NULL, "logged_by" text,
      CONSTRAINT "PK_visits" PRIMARY KEY ("visit_id"))`);
    await q.query(`CREATE INDEX "IX_visits_enterprise" ON "visits" ("enterprise_uscc")`);
    await q.query(`CREATE INDEX "IX_visits_visited_on" ON "visits" ("visited_on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visits"`);
    await q.query(`DROP TABLE "problem_facts"`);
    await q.query(`DROP TABLE "problems"`);
  }
}
