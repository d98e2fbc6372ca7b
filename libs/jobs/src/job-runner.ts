import { Injectable } from '@nestjs/common';
import { CertificationExpiryJob, type ExpiringCertificationsReport } from './certification-expiry/certification-expiry.job';
import { IdempotencyPruningJob, type IdempotencyPruningResult } from './idempotency-pruning/idempotency-pruning.job';
import type { JobName } from './job-definitions';
import { MonthlySummaryJob, type MonthlySummaryOutcome } from './monthly-summary/monthly-summary.job';
import { OverdueCheckJob, type OverdueCheckResult } from './overdue-check/overdue-check.job';
import { UnitDigestJob, type UnitDigestOutcome } from './unit-digest/unit-digest.job';

export type JobResult = OverdueCheckResult | ExpiringCertificationsReport | MonthlySummaryOutcome | IdempotencyPruningResult | UnitDigestOutcome;

/**
 * The job bodies, by name: what a BullMQ processor, the in-process schedule, the admin trigger and the
 * CLI all call. Each body is safe to run again for the same period (that is how retries stay correct).
 */
@Injectable()
export class JobRunner {
  constructor(
    private readonly overdue: OverdueCheckJob,
    private readonly expiry: CertificationExpiryJob,
    private readonly summary: MonthlySummaryJob,
    private readonly pruning: IdempotencyPruningJob,
    private readonly digest: UnitDigestJob,
  ) {}

  run(name: JobName, period: string, runId: string): Promise<JobResult> {
    switch (name) {
      case 'overdue-check':
        return this.overdue.run(period, runId);
      case 'certification-expiry':
        return this.expiry.run(period);
      case 'monthly-summary':
        return this.summary.run(period, runId);
      case 'idempotency-pruning':
        return this.pruning.run(period);
      case 'unit-digest':
        return this.digest.run(period, runId);
    }
  }
}
