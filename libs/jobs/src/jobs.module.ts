import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { WorkingCalendarModule } from '@app/support';
import { CertificationExpiryJob } from './certification-expiry/certification-expiry.job';
import { ExpiringCertifications } from './certification-expiry/expiring-certifications';
import { InProcessSchedule } from './in-process/in-process-schedule';
import { IdempotencyPruningJob } from './idempotency-pruning/idempotency-pruning.job';
import { JobRunner } from './job-runner';
import { JobsService } from './jobs.service';
import { MonthlySummaryJob } from './monthly-summary/monthly-summary.job';
import { monthlySummaryGenerator } from './monthly-summary/monthly-summary.generator';
import { OverdueCheckJob } from './overdue-check/overdue-check.job';
import { JobQueues } from './queues/job-queues';
import { MissedRuns } from './catch-up/missed-runs';
import { UnitDigestJob } from './unit-digest/unit-digest.job';
import { unitDigestGenerator } from './unit-digest/unit-digest.generator';

/**
 * The scheduled jobs' bodies and queues. `inProcessSchedule`: this process runs the croner schedule when
 * there is no Redis (the API, the one instance of the embedded default); the worker and CLI leave it off.
 */
@Module({})
export class JobsModule {
  static register({ inProcessSchedule }: { inProcessSchedule: boolean }): DynamicModule {
    const providers: Provider[] = [
      JobQueues,
      JobRunner,
      JobsService,
      OverdueCheckJob,
      CertificationExpiryJob,
      ExpiringCertifications,
      MonthlySummaryJob,
      IdempotencyPruningJob,
      monthlySummaryGenerator,
      UnitDigestJob,
      unitDigestGenerator,
      MissedRuns,
      ...(inProcessSchedule ? [InProcessSchedule] : []),
    ];
    return {
      module: JobsModule,
      imports: [WorkingCalendarModule],
      providers,
      exports: [JobQueues, JobRunner, JobsService, ExpiringCertifications, MissedRuns],
    };
  }
}
