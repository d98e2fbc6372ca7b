import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProjectionStatus } from '@app/event-store';

export class ProjectionCheckpointDto {
  @ApiProperty({ example: '1042', description: 'Transaction id of the last event applied (a 64-bit integer, as a string)' })
  transactionId: string;

  @ApiProperty({ example: 18211, description: 'Global position of the last event applied' })
  globalPosition: number;
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
}
