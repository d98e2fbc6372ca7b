import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, and the first responses kept for Idempotency-Key retries. */
export class UsersAndHttpIdempotency1764300000100 implements MigrationInterface {
  name = 'UsersAndHttpIdempotency1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "username" text NOT NULL, "display_name" text NOT NULL,
      "password_hash" text NOT NULL, "role" text NOT NULL, "unit_id" text, "active" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_users" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "http_idempotency_keys" ("key" text NOT NULL, "fingerprint" text NOT NULL,
      "status_code" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_http_idempotency_keys" PRIMARY KEY ("key"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "http_idempotency_keys"`);
    await q.query(`DROP TABLE "users"`);
  }
}
