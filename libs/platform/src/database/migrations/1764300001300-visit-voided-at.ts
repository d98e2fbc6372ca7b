import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The instant a visit's void was recorded, as a column of the visits read model: a void is a correction that takes
 * effect from that instant in every period, and knownAt before it still shows the visit. Existing rows take it
 * from their VisitVoided event; the projection (version 2) rebuilds to the same.
 */
export class VisitVoidedAt1764300001300 implements MigrationInterface {
  name = 'VisitVoidedAt1764300001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "visits" ADD "voided_at" timestamptz`);
    await q.query(
      `UPDATE "visits" v SET "voided_at" = e."recorded_at"
       FROM "es_events" e WHERE e."stream_id" = 'visit-' || v."visit_id" AND e."type" = 'VisitVoided'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "visits" DROP COLUMN "voided_at"`);
  }
}
