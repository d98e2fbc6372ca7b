import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Command-side snapshots: one state per stream, a cache of its fold (docs/event-store.md, "Snapshots"). */
export class StreamSnapshots1764300002700 implements MigrationInterface {
  name = 'StreamSnapshots1764300002700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "es_snapshots" ("stream_id" text NOT NULL, "state_key" text NOT NULL, "version" integer NOT NULL,
      "state" jsonb NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_es_snapshots" PRIMARY KEY ("stream_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "es_snapshots"`);
  }
}
