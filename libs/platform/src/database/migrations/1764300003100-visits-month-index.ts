import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The visits by month read in (month, enterprise) order: each month's 家次 and distinct enterprises are then streaming
 * aggregates over an index-only scan instead of a hash of every (month, enterprise) pair — 460k of them at a
 * province's 10⁵ problems (docs/benchmarks.md). The expression must stay exactly VISIT_MONTH of visit-metrics.query.ts
 * (date_trunc on a timestamp without time zone: immutable, as an index needs).
 */
export class VisitsMonthIndex1764300003100 implements MigrationInterface {
  name = 'VisitsMonthIndex1764300003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IX_visits_month_enterprise" ON "visits" ((date_trunc('month', "visited_on"::timestamp)::date), "enterprise_uscc")
      INCLUDE ("visited_on", "logged_at", "voided_at")`);
    // The planner estimates a month range by the expression's own statistics, which only ANALYZE gathers: without
    // them it guesses a few thousand visits of 600k and plans the aggregates for that.
    await q.query(`ANALYZE "visits"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IX_visits_month_enterprise"`);
  }
}
