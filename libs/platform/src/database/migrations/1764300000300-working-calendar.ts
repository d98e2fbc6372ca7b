import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The working-day calendar's read model. */
export class WorkingCalendar1764300000300 implements MigrationInterface {
  name = 'WorkingCalendar1764300000300';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
