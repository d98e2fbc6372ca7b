import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the figures over problem_snapshots filter by, indexed (docs/benchmarks.md, sixth round):
 * - a problem's unit as a figure groups it (`coalesce(lead_unit_id, 'unassigned')`, exactly groupKeySql('unit') of
 *   problem-snapshots.sql.ts) with its registration date, so the problems behind one unit's figure are read without
 *   scanning the cohort (at 10⁵ problems: 32 → 5 ms for a page of them);
 * - the latest business date and recorded-at of its facts, so the few problems a question must fold instead of
 *   reading as they stand (a fact after asOf, or recorded after knownAt) are found by two index probes instead of a
 *   scan of every row — which each figure paid (16 ms at 10⁵).
 */
export class ProblemSnapshotFigureIndexes1764300003300 implements MigrationInterface {
  name = 'ProblemSnapshotFigureIndexes1764300003300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IX_problem_snapshots_unit_group" ON "problem_snapshots" ((coalesce("lead_unit_id", 'unassigned')), "registration_on_date")`);
    await q.query(`CREATE INDEX "IX_problem_snapshots_last_on_date" ON "problem_snapshots" ("last_on_date")`);
    await q.query(`CREATE INDEX "IX_problem_snapshots_last_recorded_at" ON "problem_snapshots" ("last_recorded_at")`);
    // The expression's statistics, which only ANALYZE gathers (the planner's estimate of one unit's rows).
    await q.query(`ANALYZE "problem_snapshots"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IX_problem_snapshots_last_recorded_at"`);
    await q.query(`DROP INDEX "IX_problem_snapshots_last_on_date"`);
    await q.query(`DROP INDEX "IX_problem_snapshots_unit_group"`);
  }
}
