import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who registered each problem, as a column of the problem-details read model, so a caseworker can list the
 * problems they registered. Existing rows take it from their first history entry (the Registered event's actor);
 * a rebuild of the read model gives the same.
 */
export class ProblemRegisteredBy1764300001200 implements MigrationInterface {
  name = 'ProblemRegisteredBy1764300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "problems" ADD "registered_by" text`);
    await q.query(`UPDATE "problems" SET "registered_by" = "history"->0->>'actorId'`);
    await q.query(`CREATE INDEX "IX_problems_registered_by" ON "problems" ("registered_by", "registered_on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IX_problems_registered_by"`);
    await q.query(`ALTER TABLE "problems" DROP COLUMN "registered_by"`);
  }
}
