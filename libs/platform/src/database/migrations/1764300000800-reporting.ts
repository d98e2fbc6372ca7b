import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporting read models: the monthly summaries as generated. */
export class Reporting1764300000800 implements MigrationInterface {
  name = 'Reporting1764300000800';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
