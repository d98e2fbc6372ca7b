import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certifications read models and city/province reference totals. */
export class Certifications1764300000500 implements MigrationInterface {
  name = 'Certifications1764300000500';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
