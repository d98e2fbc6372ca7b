import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-user counter that every token carries: deactivating a user, changing their role or unit, or changing
 * their password bumps it, and a token minted before the bump stops working at once.
 */
export class UserCredentialsGeneration1764300001100 implements MigrationInterface {
  name = 'UserCredentialsGeneration1764300001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "credentials_generation" integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "credentials_generation"`);
  }
}
