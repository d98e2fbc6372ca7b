import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The problem list's order — newest registration first, then id — as an index, so a page reads its 20 rows in order
 * instead of sorting every problem of the latest day (a day that registers thousands, as an import or the
 * benchmark's does, made each page sort them all: docs/benchmarks.md). It also serves every registration-date range,
 * so it replaces the plain index on registered_on.
 */
export class ProblemsListOrderIndex1764300003200 implements MigrationInterface {
  name = 'ProblemsListOrderIndex1764300003200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IX_problems_list_order" ON "problems" ("registered_on" DESC, "problem_id")`);
    await q.query(`DROP INDEX "IX_problems_registered_on"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IX_problems_registered_on" ON "problems" ("registered_on")`);
    await q.query(`DROP INDEX "IX_problems_list_order"`);
  }
}
