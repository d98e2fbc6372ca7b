import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enterprise profile's timeline: every event about an enterprise, from any context. */
export class EnterpriseTimeline1764300000700 implements MigrationInterface {
  name = 'EnterpriseTimeline1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "enterprise_timeline" ("global_position" bigint NOT NULL, "uscc" text NOT NULL,
      "stream_id" text NOT NULL, "type" text NOT NULL, "on_date" date NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" text, "data" jsonb NOT NULL,
      CONSTRAINT "PK_enterprise_timeline" PRIMARY KEY ("global_position"))`);
    await q.query(`CREATE INDEX "IX_enterprise_timeline_stream" ON "enterprise_timeline" ("stream_id")`);
    await q.query(`CREATE INDEX "IX_enterprise_timeline_uscc" ON "enterprise_timeline" ("uscc", "on_date")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "enterprise_timeline"`);
    // Replaying from the start refills the table if migrated up again.
    await q.query(`DELETE FROM "projection_checkpoints" WHERE name = 'enterprise-timeline'`);
  }
}
