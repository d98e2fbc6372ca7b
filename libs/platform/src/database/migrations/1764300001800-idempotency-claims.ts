import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HTTP idempotency claims get an owner (claim_token) and a heartbeat stamped by the database clock, so a
 * long request is never taken over while it runs and a request that lost its claim cannot record its
 * answer; both tables get an index on created_at for the pruning job.
 */
export class IdempotencyClaims1764300001800 implements MigrationInterface {
  name = 'IdempotencyClaims1764300001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "http_idempotency_keys" ADD "claim_token" uuid`);
    await q.query(`ALTER TABLE "http_idempotency_keys" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX "IX_http_idempotency_keys_created_at" ON "http_idempotency_keys" ("created_at")`);
    await q.query(`CREATE INDEX "IX_es_idempotency_keys_created_at" ON "es_idempotency_keys" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IX_es_idempotency_keys_created_at"`);
    await q.query(`DROP INDEX "IX_http_idempotency_keys_created_at"`);
    await q.query(`ALTER TABLE "http_idempotency_keys" DROP COLUMN "heartbeat_at"`);
    await q.query(`ALTER TABLE "http_idempotency_keys" DROP COLUMN "claim_token"`);
  }
}
