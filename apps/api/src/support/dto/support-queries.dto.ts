import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { LEVELS, PROBLEM_CATEGORIES } from '@app/support';
import { IsCalendarDate } from '@app/platform';
import { AsOfQueryDto, ConsistentQueryDto, PageQueryDto } from '../../http/query.dto';

export const PROBLEM_STATUSES = ['registered', 'assigned', 'accepted', 'in_progress', 'resolved', 'followed_up', 'closed', 'merged', 'withdrawn'];

export class ProblemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 40)
  unitId?: string;

  @ApiPropertyOptional({ enum: PROBLEM_CATEGORIES })
  @IsOptional()
  @IsIn(PROBLEM_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS)
  level?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(18, 18)
  enterpriseUscc?: string;

  @ApiPropertyOptional({ description: 'Registered on or after (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Registered on or before (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Only problems past their deadline today (true) or not (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class VisitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(18, 18)
  enterpriseUscc?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseworkerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeVoided = false;
}

export class ResolutionMetricsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ['period', 'cumulative'], default: 'period' })
  @IsOptional()
  @IsIn(['period', 'cumulative'])
  scope: 'period' | 'cumulative' = 'period';

  @ApiPropertyOptional({ description: "Start of the period (or of the cumulative count): 'YYYY-MM-DD'" })
  @IsCalendarDate()
  from: string;

  @ApiPropertyOptional({ description: "End of the period (scope 'period'); ignored for 'cumulative'" })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['none', 'unit', 'category', 'level', 'month'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'unit', 'category', 'level', 'month'])
  groupBy: 'none' | 'unit' | 'category' | 'level' | 'month' = 'none';
}

export class VisitMetricsQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional()
  @IsCalendarDate()
  from: string;

  @ApiPropertyOptional()
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ description: 'Report date; defaults to today (Asia/Shanghai)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['none', 'month', 'caseworker', 'park'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'month', 'caseworker', 'park'])
  groupBy: 'none' | 'month' | 'caseworker' | 'park' = 'none';
}
