import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enterprise registry's read models. */
export class Enterprises1764300000200 implements MigrationInterface {
  name = 'Enterprises1764300000200';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
