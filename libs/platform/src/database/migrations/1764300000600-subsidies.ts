import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subsidy read models: policy items, cases, disbursements. */
export class Subsidies1764300000600 implements MigrationInterface {
  name = 'Subsidies1764300000600';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
