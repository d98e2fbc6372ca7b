import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A problem's history moves from a jsonb column of `problems`, rewritten whole on every event (O(n) per event),
 * to its rows in `problem_facts`, appended one per event: those rows already held the type, business date,
 * recorded-at and data; they gain who recorded each event, taken from the log. A rebuild of problem-facts (its
 * version 2) gives the same.
 */
export class ProblemHistoryRows1764300002100 implements MigrationInterface {
  name = 'ProblemHistoryRows1764300002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "problem_facts" ADD "actor_id" text`);
    await q.query(`UPDATE "problem_facts" f SET "actor_id" = e."metadata"->>'actorId'
      FROM "es_events" e WHERE e."stream_id" = 'problem-' || f."problem_id" AND e."stream_position" = f."stream_position"`);
    await q.query(`ALTER TABLE "problems" DROP COLUMN "history"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "problems" ADD "history" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`UPDATE "problems" p SET "history" = h."entries" FROM (
        SELECT "problem_id", jsonb_agg(jsonb_build_object('type', "type", 'on', to_char("on_date", 'YYYY-MM-DD'),
          'recordedAt', to_char("recorded_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'actorId', "actor_id", 'summary', "data") ORDER BY "stream_position") AS "entries"
        FROM "problem_facts" GROUP BY "problem_id") h
      WHERE h."problem_id" = p."problem_id"`);
    await q.query(`ALTER TABLE "problems" ALTER COLUMN "history" DROP DEFAULT`);
    await q.query(`ALTER TABLE "problem_facts" DROP COLUMN "actor_id"`);
  }
}
