import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Min } from 'class-validator';
import type { FailedEvent, FailingEvent, ProjectionFailure, ProjectionSkip, ProjectionStatus } from '@app/event-store';

export class ProjectionCheckpointDto {
  @ApiProperty({ example: '1042', description: 'Transaction id of the last event applied (a 64-bit integer, as a string)' })
  transactionId: string;

  @ApiProperty({ example: 18211, description: 'Global position of the last event applied' })
  globalPosition: number;
}

export class FailedEventDto implements FailedEvent {
  @ApiProperty({ example: 18212 })
  globalPosition: number;

  @ApiProperty({ example: '1043' })
  transactionId: string;

  @ApiProperty({ example: 'ProblemAssigned' })
  type: string;

  @ApiProperty({ example: 'problem-6f1c…' })
  streamId: string;

  @ApiProperty({ enum: ['catch-up', 'rebuild'], description: 'Failed in the live catch-up or while rebuilding into shadow tables' })
  during: 'catch-up' | 'rebuild';
}

export class ProjectionFailureDto implements ProjectionFailure {
  @ApiProperty({ type: FailedEventDto })
  event: FailedEventDto;

  @ApiProperty({ example: 'TypeError: Cannot read properties of undefined (reading \'unitId\')' })
  error: string;

  @ApiProperty({ example: 2, description: 'Failed attempts on this event so far' })
  attempts: number;

  @ApiProperty({ format: 'date-time' })
  failedAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'Set once the attempts ran out: the projection stands still until retried or skipped' })
  stoppedAt: string | null;
}

export class ProjectionSkipDto implements ProjectionSkip {
  @ApiProperty()
  globalPosition: number;

  @ApiProperty()
  type: string;

  @ApiProperty()
  streamId: string;

  @ApiProperty({ description: 'The error it failed with when it was skipped' })
  error: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: 'The admin who skipped it (username)' })
  skippedBy: string;

  @ApiProperty({ format: 'date-time' })
  skippedAt: string;
}

export class ProjectionSkipsDto {
  @ApiProperty({ example: 0 })
  count: number;

  @ApiProperty({ type: ProjectionSkipDto, nullable: true })
  latest: ProjectionSkipDto | null;
}

/** One projection as an admin sees it: the public health answer plus the worker that holds its lease. */
export class ProjectionStatusDto implements ProjectionStatus {
  @ApiProperty({ example: 'problem-details' })
  name: string;

  @ApiProperty({ example: 3, description: 'The version the running code builds' })
  codeVersion: number;

  @ApiProperty({ type: 'integer', nullable: true, example: 3, description: 'The version the stored read model was built by; null before the first batch' })
  storedVersion: number | null;

  @ApiProperty({ type: ProjectionCheckpointDto, nullable: true })
  checkpoint: ProjectionCheckpointDto | null;

  @ApiProperty({ example: 0, description: 'Events in the log after the checkpoint, counted up to 10,000' })
  behind: number;

  @ApiProperty({ description: 'The count stopped at its cap: at least `behind` events are left' })
  behindCapped: boolean;

  @ApiProperty({ type: 'string', nullable: true, example: 'worker-1:4711:3f2a9c1e', description: 'The lease holder (host:pid:instance); null when no worker holds it' })
  owner: string | null;

  @ApiProperty({ type: 'number', nullable: true, example: 0.4, description: "Seconds since the holder's loop last beat" })
  heartbeatAgeSeconds: number | null;

  @ApiProperty()
  healthy: boolean;

  @ApiPropertyOptional({ example: 'no heartbeat for 42 s', description: 'Why it is unhealthy (or rebuilding)' })
  problem?: string;

  @ApiProperty({ type: ProjectionFailureDto, nullable: true, description: 'The event it is failing on; null when all is well' })
  failure: ProjectionFailureDto | null;

  @ApiProperty({ type: ProjectionSkipsDto, description: 'Events an admin told it to pass by' })
  skipped: ProjectionSkipsDto;
}

export class StoredEventDto {
  @ApiProperty()
  globalPosition: number;

  @ApiProperty()
  streamId: string;

  @ApiProperty()
  streamPosition: number;

  @ApiProperty()
  type: string;

  @ApiProperty()
  schemaVersion: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As stored, before any upcaster' })
  data: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true })
  metadata: unknown;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class FailingEventDto implements FailingEvent {
  @ApiProperty({ type: ProjectionFailureDto })
  failure: ProjectionFailureDto;

  @ApiProperty({ type: StoredEventDto })
  event: StoredEventDto;
}

export class SkipEventDto {
  @ApiProperty({ example: 18212, description: 'The position of the event it is failing on (from its status): no other can be skipped' })
  @IsInt()
  @Min(1)
  globalPosition: number;

  @ApiProperty({ example: '测试数据，缺字段；已在 1.4.2 修复，前后数据已核对', description: 'Why; kept with the skip' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}
