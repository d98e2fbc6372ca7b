import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Visits and problems read models. */
export class Support1764300000400 implements MigrationInterface {
  name = 'Support1764300000400';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
