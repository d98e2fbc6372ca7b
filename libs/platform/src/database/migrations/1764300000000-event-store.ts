import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The event log, stream versions, idempotency records, and projection checkpoints and leases. */
export class EventStore1764300000000 implements MigrationInterface {
  name = 'EventStore1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "es_streams" ("stream_id" text NOT NULL, "version" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_es_streams" PRIMARY KEY ("stream_id"))`);
    await q.query(`CREATE TABLE "es_events" ("global_position" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "transaction_id" bigint NOT NULL, "stream_id" text NOT NULL, "stream_position" integer NOT NULL, "type" text NOT NULL,
      "schema_version" integer NOT NULL, "data" jsonb NOT NULL, "metadata" jsonb NOT NULL,
      "business_time" TIMESTAMP WITH TIME ZONE, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_es_events_stream_position" UNIQUE ("stream_id", "stream_position"),
      CONSTRAINT "PK_es_events" PRIMARY KEY ("global_position"))`);
    // Serves readAll's (transaction_id, global_position) order — the gap-safe log order.
    await q.query(`CREATE INDEX "IX_es_events_log_order" ON "es_events" ("transaction_id", "global_position")`);
    await q.query(`CREATE TABLE "es_idempotency_keys" ("key" text NOT NULL, "stream_id" text NOT NULL,
      "next_expected_version" integer NOT NULL, "first_global_position" bigint NOT NULL, "last_global_position" bigint NOT NULL,
      "transaction_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_es_idempotency_keys" PRIMARY KEY ("key"))`);
    await q.query(`CREATE TABLE "projection_checkpoints" ("name" text NOT NULL, "version" integer NOT NULL,
      "transaction_id" bigint NOT NULL, "global_position" bigint NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_projection_checkpoints" PRIMARY KEY ("name"))`);
    await q.query(`CREATE TABLE "projection_leases" ("name" text NOT NULL, "owner" text NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_projection_leases" PRIMARY KEY ("name"))`);
    await q.query(`CREATE TABLE "es_event_type_counts" ("type" text NOT NULL, "event_count" bigint NOT NULL,
      "last_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_es_event_type_counts" PRIMARY KEY ("type"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "es_event_type_counts"`);
    await q.query(`DROP TABLE "projection_leases"`);
    await q.query(`DROP TABLE "projection_checkpoints"`);
    await q.query(`DROP TABLE "es_idempotency_keys"`);
    await q.query(`DROP TABLE "es_events"`);
    await q.query(`DROP TABLE "es_streams"`);
  }
}
