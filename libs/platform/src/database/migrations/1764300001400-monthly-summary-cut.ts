import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The monthly summary records its cut of the log: the transaction id beside the position, and the knownAt instant. */
export class MonthlySummaryCut1764300001400 implements MigrationInterface {
  name = 'MonthlySummaryCut1764300001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "monthly_summaries" ADD "cut_transaction_id" bigint, ADD "known_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "monthly_summaries" DROP COLUMN "known_at", DROP COLUMN "cut_transaction_id"`);
  }
}
