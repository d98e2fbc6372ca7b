import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each problem's snapshot carries the keys a figure's cohort is chosen by — its registration's business date and the
 * instant it was recorded — so a figure reads the cohort from problem_snapshots alone instead of joining the
 * registrations of problem_facts to it (that join was most of a figure's statement: docs/benchmarks.md). Filled here
 * from the facts the rows were folded from; the problem-facts projection keeps them from then on.
 */
export class ProblemSnapshotCohortKeys1764300003000 implements MigrationInterface {
  name = 'ProblemSnapshotCohortKeys1764300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "problem_snapshots" ADD COLUMN "registration_on_date" date, ADD COLUMN "registration_recorded_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "problem_snapshots" s SET "registration_on_date" = r."on_date", "registration_recorded_at" = r."recorded_at"
      FROM "problem_facts" r WHERE r."problem_id" = s."problem_id" AND r."type" = 'ProblemRegistered'`);
    // A snapshot exists only for a registered problem, so every row has its registration.
    await q.query(`ALTER TABLE "problem_snapshots" ALTER COLUMN "registration_on_date" SET NOT NULL, ALTER COLUMN "registration_recorded_at" SET NOT NULL`);
    await q.query(`CREATE INDEX "IX_problem_snapshots_cohort" ON "problem_snapshots" ("registration_on_date")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IX_problem_snapshots_cohort"`);
    await q.query(`ALTER TABLE "problem_snapshots" DROP COLUMN "registration_on_date", DROP COLUMN "registration_recorded_at"`);
  }
}
