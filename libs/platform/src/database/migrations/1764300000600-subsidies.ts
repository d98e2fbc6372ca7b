import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subsidy read models: policy items, cases, and payments (one row per disbursement or recovery). */
export class Subsidies1764300000600 implements MigrationInterface {
  name = 'Subsidies1764300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "subsidy_policy_items" ("policy_item_id" text NOT NULL, "name" text NOT NULL,
      "policy_year" integer NOT NULL, "issuing_unit" text NOT NULL, "mode" text NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_subsidy_policy_items" PRIMARY KEY ("policy_item_id"))`);
    await q.query(`CREATE TABLE "subsidy_cases" ("case_id" text NOT NULL, "enterprise_uscc" text NOT NULL,
      "policy_item_id" text NOT NULL, "policy_year" integer NOT NULL, "origin" text NOT NULL, "status" text NOT NULL,
      "opened_on" date NOT NULL, "approved_fen" bigint, "rejection_reason" text, "reviewed_on" date, "publicity_from" date,
      "publicity_to" date, "paid_fen" bigint NOT NULL, "recovered_fen" bigint NOT NULL, "payment_count" integer NOT NULL,
      "last_paid_on" date, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_subsidy_cases" PRIMARY KEY ("case_id"))`);
    await q.query(`CREATE INDEX "IX_subsidy_cases_enterprise" ON "subsidy_cases" ("enterprise_uscc")`);
    await q.query(`CREATE INDEX "IX_subsidy_cases_policy_item" ON "subsidy_cases" ("policy_item_id")`);
    await q.query(`CREATE INDEX "IX_subsidy_cases_status" ON "subsidy_cases" ("status")`);
    await q.query(`CREATE TABLE "subsidy_payments" ("payment_id" text NOT NULL, "case_id" text NOT NULL,
      "enterprise_uscc" text NOT NULL, "policy_item_id" text NOT NULL, "policy_year" integer NOT NULL, "kind" text NOT NULL,
      "amount_fen" bigint NOT NULL, "business_date" date NOT NULL, "disbursement_id" text, "reason" text,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_subsidy_payments" PRIMARY KEY ("payment_id"))`);
    await q.query(`CREATE INDEX "IX_subsidy_payments_business_date" ON "subsidy_payments" ("business_date")`);
    await q.query(`CREATE INDEX "IX_subsidy_payments_case" ON "subsidy_payments" ("case_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "subsidy_payments"`);
    await q.query(`DROP TABLE "subsidy_cases"`);
    await q.query(`DROP TABLE "subsidy_policy_items"`);
  }
}
