import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The working-day calendar's read model: holidays and make-up working days (调休) per loaded year. */
export class WorkingCalendar1764300000300 implements MigrationInterface {
  name = 'WorkingCalendar1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "working_calendar_days" ("date" date NOT NULL, "year" integer NOT NULL, "kind" text NOT NULL,
      "name" text NOT NULL, CONSTRAINT "PK_working_calendar_days" PRIMARY KEY ("date"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "working_calendar_days"`);
  }
}
