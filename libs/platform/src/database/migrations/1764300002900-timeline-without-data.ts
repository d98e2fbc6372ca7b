import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enterprise timeline stops copying each event's data: it was a second copy of most of the log (every visit,
 * problem step and payment), written again on every rebuild — the slowest read model to rebuild (docs/benchmarks.md).
 * The timeline query reads a page's data from es_events by position, upcast as the store reads it. The projection's
 * version 2 rebuilds the rows; until then the old rows (minus data) still answer.
 */
export class TimelineWithoutData1764300002900 implements MigrationInterface {
  name = 'TimelineWithoutData1764300002900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "enterprise_timeline" DROP COLUMN "data"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "enterprise_timeline" ADD COLUMN "data" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE "enterprise_timeline" t SET "data" = e."data" FROM "es_events" e WHERE e."global_position" = t."global_position"`);
    await q.query(`ALTER TABLE "enterprise_timeline" ALTER COLUMN "data" DROP DEFAULT`);
  }
}
