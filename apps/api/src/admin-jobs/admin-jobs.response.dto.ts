import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  JOB_NAMES,
  type EnqueueResult,
  type ExpiringCertification,
  type ExpiringCertificationsReport,
  type FailedJob,
  type IdempotencyPruningResult,
  type JobName,
  type JobResult,
  type MonthlySummaryOutcome,
  type OverdueCheckResult,
  type UnitDigestOutcome,
} from '@app/jobs';

/*
 * What the admin job routes and the expiring-certifications list answer. The classes implement the
 * jobs lib's types, so a field added or retyped there is a compile error here until documented.
 */

const BULLMQ_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'];

export class JobCountsDto {
  @ApiProperty({ enum: ['bullmq', 'in-process'], description: 'bullmq with REDIS_URL; otherwise jobs run in the API process' })
  mode: 'bullmq' | 'in-process';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    example: { 'overdue-check': { waiting: 0, active: 0, delayed: 0, prioritized: 0, completed: 12, failed: 1 } },
    description: `Per queue (${JOB_NAMES.join(', ')}), the number of jobs in each state (${BULLMQ_STATES.join(', ')}); empty in-process`,
  })
  queues: Record<string, Record<string, number>>;
}

export class FailedJobDto implements FailedJob {
  @ApiProperty({ enum: JOB_NAMES, example: 'monthly-summary' })
  queue: string;

  @ApiProperty({ example: 'monthly-summary:default:2024-06' })
  jobId: string;

  @ApiProperty({ example: 'run', description: '“run” for a triggered run, “tick” for a scheduler’s' })
  name: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { period: '2024-06' } })
  data: unknown;

  @ApiProperty({ example: 'Redis is unavailable' })
  failedReason: string;

  @ApiProperty({ example: 3 })
  attemptsMade: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  failedAt: string | null;
}

export class EnqueueResultDto implements EnqueueResult {
  @ApiProperty({ enum: JOB_NAMES })
  queue: JobName;

  @ApiProperty({ example: 'overdue-check:default:2024-10-10', description: 'Deterministic: the same job, zone and period always give the same id' })
  jobId: string;

  @ApiProperty({ example: 'waiting', description: `BullMQ state right after the call (${BULLMQ_STATES.join(', ')})` })
  state: string;

  @ApiProperty({ description: 'False when a job with this id existed already (kept, or retried)' })
  created: boolean;
}

export class OverdueCheckResultDto implements OverdueCheckResult {
  @ApiProperty({ format: 'date', example: '2024-10-10' })
  on: string;

  @ApiProperty({ example: 1, description: 'Problems open past their deadline' })
  overdue: number;

  @ApiProperty({ example: 1, description: 'Problems that got an event from this run (flagged, 督办, or both)' })
  changed: number;

  @ApiProperty({ example: 1 })
  eventsAppended: number;
}

export class IdempotencyPruningResultDto implements IdempotencyPruningResult {
  @ApiProperty({ format: 'date', example: '2024-10-10' })
  on: string;

  @ApiProperty({ example: 30, description: 'IDEMPOTENCY_RETENTION_DAYS' })
  retentionDays: number;

  @ApiProperty({ format: 'date-time', description: 'Records created before this instant (database clock) were removed' })
  cutoff: string;

  @ApiProperty({ example: 120, description: 'HTTP Idempotency-Key records removed' })
  httpKeysDeleted: number;

  @ApiProperty({ example: 340, description: 'Event-store append keys removed' })
  storeKeysDeleted: number;
}

export class MonthlySummaryOutcomeDto implements MonthlySummaryOutcome {
  @ApiProperty({ example: 'monthly-summary-default-2024-06' })
  streamId: string;

  @ApiProperty({ example: '2024-06' })
  month: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ type: Number, nullable: true })
  position: number | null;

  @ApiProperty({ description: 'False when the month’s summary existed already: a no-op' })
  generated: boolean;
}

export class UnitDigestOutcomeDto implements UnitDigestOutcome {
  @ApiProperty({ example: 'unit-digest-default-2024-09-11' })
  streamId: string;

  @ApiProperty({ example: '2024-09-11' })
  date: string;

  @ApiProperty({ type: Number, nullable: true })
  position: number | null;

  @ApiProperty({ description: 'False when the date’s digest existed already: a no-op' })
  generated: boolean;

  @ApiProperty({ description: 'Units with at least one coloured problem they lead' })
  units: number;

  @ApiProperty({ description: 'Problems on the managers’ escalation list' })
  escalated: number;
}

export class ExpiringCertificationDto implements ExpiringCertification {
  @ApiProperty()
  certificationId: string;

  @ApiProperty({ example: '914403001922038216' })
  uscc: string;

  @ApiProperty({ type: String, nullable: true, example: '星河精密制造有限公司', description: 'The current name, when the registry has it' })
  enterpriseName: string | null;

  @ApiProperty({ example: 'specialized_sme' })
  type: string;

  @ApiProperty({ example: 'province' })
  level: string;

  @ApiProperty({ example: '2021年第一批' })
  batch: string;

  @ApiProperty({ format: 'date', example: '2024-12-31' })
  validTo: string;

  @ApiProperty({ example: 30, description: 'Calendar days from `on` to validTo (0: today is the last valid day)' })
  daysLeft: number;
}

export class ExpiringCertificationsReportDto implements ExpiringCertificationsReport {
  @ApiProperty({ format: 'date', example: '2024-12-01' })
  on: string;

  @ApiProperty({ example: 90 })
  withinDays: number;

  @ApiProperty({ example: 1 })
  count: number;

  @ApiProperty({ type: [ExpiringCertificationDto], description: 'Soonest first: the 复核/重新认定 follow-up list' })
  certifications: ExpiringCertificationDto[];
}

/** A manual run: enqueued (BullMQ) or run here and now (in-process), per `mode`. */
@ApiExtraModels(OverdueCheckResultDto, ExpiringCertificationsReportDto, MonthlySummaryOutcomeDto, IdempotencyPruningResultDto, UnitDigestOutcomeDto)
export class JobRunResultDto {
  @ApiProperty({ enum: ['queued', 'in-process'] })
  mode: 'queued' | 'in-process';

  @ApiProperty({ enum: JOB_NAMES })
  queue: JobName;

  @ApiProperty({ example: 'overdue-check:default:2024-10-10' })
  jobId: string;

  @ApiProperty({ example: '2024-10-10', description: 'The period run: the one asked for, or the one due today' })
  period: string;

  @ApiPropertyOptional({ example: 'waiting', description: 'queued only: the BullMQ state right after enqueueing' })
  state?: string;

  @ApiPropertyOptional({ description: 'queued only: false when a job for this period existed (retried or run again)' })
  created?: boolean;

  @ApiPropertyOptional({
    oneOf: [
      { $ref: getSchemaPath(OverdueCheckResultDto) },
      { $ref: getSchemaPath(ExpiringCertificationsReportDto) },
      { $ref: getSchemaPath(MonthlySummaryOutcomeDto) },
      { $ref: getSchemaPath(IdempotencyPruningResultDto) },
      { $ref: getSchemaPath(UnitDigestOutcomeDto) },
    ],
    description: 'in-process only: what the job did (overdue-check, certification-expiry, monthly-summary, idempotency-pruning or unit-digest)',
  })
  result?: JobResult;
}
