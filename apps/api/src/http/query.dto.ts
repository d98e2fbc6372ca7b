import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/platform';
import { MAX_OFFSET, MAX_POSITION } from './bounds';
import { isInstant } from './instant';

/** Read-your-writes: the position from a command response (see ConsistentReadInterceptor). */
export class ConsistentQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the read models include this log position', minimum: 1, maximum: MAX_POSITION })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POSITION)
  position?: number;
}

/**
 * A page of a list: every paged endpoint takes these two, with the same bounds. Mix it into a query DTO with
 * IntersectionType (its validators and defaults come along).
 */
export class PageFieldsDto {
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

export class PageQueryDto extends IntersectionType(ConsistentQueryDto, PageFieldsDto) {}

/** Reproducibility: only what had been recorded by an instant counts (a figure as published then). */
export class KnownAtQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2024-07-01T02:00:00Z',
    description:
      'Only events recorded by this instant: reproduces a figure published then. An ISO 8601 instant with its offset (2024-07-01T10:00:00+08:00, with + sent as %2B, or …Z); a bare date or number is refused',
  })
  @IsOptional()
  @Transform(({ value }) => (isInstant(value) ? new Date(value) : value))
  @IsDate({ message: 'knownAt must be an ISO 8601 instant with a time and an offset, e.g. 2024-07-01T10:00:00+08:00 or 2024-07-01T02:00:00Z' })
  knownAt?: Date;
}

/** A figure as of a report date (business date, Asia/Shanghai), optionally as known at an instant. */
export class AsOfQueryDto extends KnownAtQueryDto {
  @ApiPropertyOptional({ description: 'Report date (YYYY-MM-DD); defaults to today in Asia/Shanghai' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
