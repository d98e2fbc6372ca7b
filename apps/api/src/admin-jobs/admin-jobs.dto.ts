import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { JOB_NAMES, type JobName } from '@app/jobs';
import { IsCalendarDate } from '@app/platform';
import { ConsistentQueryDto } from '../http/query.dto';

export class RunJobDto {
  @ApiProperty({ enum: JOB_NAMES })
  @IsIn(JOB_NAMES)
  job: JobName;

  /** Which period: a month for the summary, a date for the daily jobs; the one due today when left out. */
  @ApiPropertyOptional({ example: '2024-06', description: "'YYYY-MM' (monthly-summary) or 'YYYY-MM-DD' (daily jobs)" })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}(-\d{2})?$/, { message: "period must be 'YYYY-MM' or 'YYYY-MM-DD'" })
  period?: string;
}

/** With ?position= (read your writes), like the other queries. */
export class ExpiringCertificationsQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 730 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  withinDays?: number;

  @ApiPropertyOptional({ description: 'As of this date (default: today, Asia/Shanghai)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}
