// The scheduled jobs' public surface: definitions, bodies, queues and the module.
export * from './job-definitions';
export * from './job-runner';
export * from './jobs.service';
export * from './jobs.module';
export * from './queues/job-queues';
export * from './in-process/in-process-schedule';
export * from './overdue-check/overdue-check.job';
export * from './idempotency-pruning/idempotency-pruning.job';
export * from './certification-expiry/expiring-certifications';
export * from './certification-expiry/certification-expiry.job';
export * from './monthly-summary/monthly-summary.job';
export * from './unit-digest/unit-digest.job';
export * from './catch-up/missed-runs';
