import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The handling-unit registry's read model (the units themselves are events on handling-unit-<id>). */
export class HandlingUnits1764300000950 implements MigrationInterface {
  name = 'HandlingUnits1764300000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "handling_units" ("unit_id" text NOT NULL, "name" text NOT NULL, "level" text NOT NULL,
      "parent_id" text, "active" boolean NOT NULL, "version" integer NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_handling_units" PRIMARY KEY ("unit_id"))`);
    await q.query(`CREATE INDEX "IDX_handling_units_parent_id" ON "handling_units" ("parent_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "handling_units"`);
  }
}
