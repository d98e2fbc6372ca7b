import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 每日提醒: the unit digests as generated (one row per zone and date). */
export class UnitDigests1764300002600 implements MigrationInterface {
  name = 'UnitDigests1764300002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "unit_digests" ("digest_id" text NOT NULL, "zone" text NOT NULL, "digest_date" date NOT NULL,
      "units" jsonb NOT NULL, "escalation" jsonb NOT NULL, "rules" jsonb NOT NULL, "cut_transaction_id" bigint NOT NULL,
      "cut_position" bigint NOT NULL, "known_at" TIMESTAMP WITH TIME ZONE, "event_position" bigint NOT NULL,
      "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "generated_by" text, CONSTRAINT "PK_unit_digests" PRIMARY KEY ("digest_id"))`);
    await q.query(`CREATE UNIQUE INDEX "IX_unit_digests_zone_date" ON "unit_digests" ("zone", "digest_date")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "unit_digests"`);
  }
}
