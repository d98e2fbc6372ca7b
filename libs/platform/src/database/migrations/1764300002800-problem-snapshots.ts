import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each problem as it stands, for the figures (libs/support problem-snapshot.row.ts). Created empty: the
 * problem-facts projection's version 3 rebuilds it with problem_facts from the log, and until then the figures fold
 * every problem as before. With it, an index of the registrations alone: a figure's cohort without a scan of every fact.
 */
export class ProblemSnapshots1764300002800 implements MigrationInterface {
  name = 'ProblemSnapshots1764300002800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "problem_snapshots" ("problem_id" text NOT NULL, "registered_on" date, "category" text, "level" text,
      "lead_unit_id" text, "assigned_on" date, "deadline" date, "status" text NOT NULL, "outcome" text, "concluded_on" date,
      "deadline_at_conclusion" date, "satisfied" integer NOT NULL, "basically_satisfied" integer NOT NULL, "follow_ups" integer NOT NULL,
      "last_on_date" date NOT NULL, "last_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_problem_snapshots" PRIMARY KEY ("problem_id"))`);
    await q.query(`CREATE INDEX "IX_problem_facts_registrations" ON "problem_facts" ("on_date", "problem_id", "recorded_at") WHERE "type" = 'ProblemRegistered'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IX_problem_facts_registrations"`);
    await q.query(`DROP TABLE "problem_snapshots"`);
  }
}
