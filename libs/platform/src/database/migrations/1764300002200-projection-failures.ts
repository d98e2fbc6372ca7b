import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A projection that fails on one event (a poison event) records the failure on its checkpoint row — the event,
 * the error, how many attempts — and is stopped after a bounded number of attempts instead of retrying the
 * same batch forever. An admin's decision to skip such an event is kept in `projection_skips`, an audit row
 * that a rebuild honours too.
 */
export class ProjectionFailures1764300002200 implements MigrationInterface {
  name = 'ProjectionFailures1764300002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "projection_checkpoints"
      ADD "failure_attempts" integer NOT NULL DEFAULT 0,
      ADD "failure_event" jsonb,
      ADD "failure_error" text,
      ADD "failed_at" timestamptz,
      ADD "stopped_at" timestamptz`);
    await q.query(`CREATE TABLE "projection_skips" (
      "projection" text NOT NULL,
      "global_position" bigint NOT NULL,
      "transaction_id" bigint NOT NULL,
      "event_type" text NOT NULL,
      "stream_id" text NOT NULL,
      "error" text NOT NULL,
      "reason" text NOT NULL,
      "skipped_by" text NOT NULL,
      "skipped_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_projection_skips" PRIMARY KEY ("projection", "global_position"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "projection_skips"`);
    await q.query(`ALTER TABLE "projection_checkpoints" DROP COLUMN "stopped_at", DROP COLUMN "failed_at",
      DROP COLUMN "failure_error", DROP COLUMN "failure_event", DROP COLUMN "failure_attempts"`);
  }
}
