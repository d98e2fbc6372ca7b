import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/platform';

/** Read-your-writes: the position from a command response (see ConsistentReadInterceptor). */
export class ConsistentQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the read models include this log position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  position?: number;
}

export class PageQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

/** Reproducibility: only what had been recorded by an instant counts (a figure as published then). */
export class KnownAtQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ description: 'Only events recorded by this instant (ISO 8601): reproduces a figure published then' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'knownAt must be an ISO 8601 instant' })
  knownAt?: Date;
}

/** A figure as of a report date (business date, Asia/Shanghai), optionally as known at an instant. */
export class AsOfQueryDto extends KnownAtQueryDto {
  @ApiPropertyOptional({ description: 'Report date (YYYY-MM-DD); defaults to today in Asia/Shanghai' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
