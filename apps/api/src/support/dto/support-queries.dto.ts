import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { LEVELS, PROBLEM_CATEGORIES, UNIT_ID_PATTERN, UNIT_ID_RULE } from '@app/support';
import { IsCalendarDate } from '@app/platform';
import { AsOfQueryDto, KnownAtQueryDto, PageFieldsDto, PageQueryDto } from '../../http/query.dto';
import { IsOnOrAfter } from '../../http/date-range';
import { IsListCursor } from '../../http/list-cursor';

export const PROBLEM_STATUSES = ['registered', 'assigned', 'accepted', 'in_progress', 'resolved', 'followed_up', 'closed', 'merged', 'withdrawn'];

export class ProblemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...PROBLEM_STATUSES, 'open'], description: "A status, or 'open': assigned, accepted or in progress" })
  @IsOptional()
  @IsIn([...PROBLEM_STATUSES, 'open'])
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

  @ApiPropertyOptional({ format: 'uuid', description: 'Only problems this user registered (a caseworker’s 我登记的诉求: pass your own id)' })
  @IsOptional()
  @IsUUID('4', { message: 'registeredBy must be a user id (UUID)' })
  registeredBy?: string;

  @ApiPropertyOptional({ description: 'Registered on or after (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Registered on or before (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;

  @ApiPropertyOptional({ description: 'Only problems past their deadline today (true) or not (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['red', 'yellow', 'blue'], description: 'Only open problems of this 三色预警 colour today (red 超期, yellow 延期申请中或超时未签收, blue 临近期限): the problems behind a warning count' })
  @IsOptional()
  @IsIn(['red', 'yellow', 'blue'])
  warning?: 'red' | 'yellow' | 'blue';

  @ApiPropertyOptional({ example: 'district-drc', description: 'Only problems this unit leads (unitId also matches co-handling units)' })
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: `leadUnitId must be a unit code: ${UNIT_ID_RULE}` })
  leadUnitId?: string;

  @ApiPropertyOptional({ enum: ['registered', 'deadline'], default: 'registered', description: 'registered: newest first; deadline: soonest deadline first (an inbox)' })
  @IsOptional()
  @IsIn(['registered', 'deadline'])
  sort?: 'registered' | 'deadline';
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
  @IsOnOrAfter('from')
  to?: string;

  @ApiPropertyOptional({ type: Boolean, default: false })
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

  @ApiProperty({ description: "Start of the period (or of the cumulative count): 'YYYY-MM-DD'", format: 'date', example: '2024-01-01' })
  @IsCalendarDate()
  from: string;

  @ApiPropertyOptional({ description: "End of the period (scope 'period'); ignored for 'cumulative'" })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;

  @ApiPropertyOptional({ enum: ['none', 'unit', 'category', 'level', 'month'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'unit', 'category', 'level', 'month'])
  groupBy: 'none' | 'unit' | 'category' | 'level' | 'month' = 'none';

  @ApiPropertyOptional({ example: 'district-drc', description: "Only problems this unit leads (as of asOf). A unit handler must give its own unit: it reads only that unit's figures" })
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: `unit must be a unit code: ${UNIT_ID_RULE}` })
  unit?: string;
}

export class VisitMetricsQueryDto extends KnownAtQueryDto {
  @ApiProperty({ description: 'First visit date counted (YYYY-MM-DD)', format: 'date', example: '2024-06-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ description: 'Last visit date counted, inclusive (YYYY-MM-DD), on or after from', format: 'date', example: '2024-06-30' })
  @IsCalendarDate()
  @IsOnOrAfter('from')
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

/** GET /metrics/resolution/problems: which figure, which part of it, and optionally which group. */
export class ResolutionFigureProblemsQueryDto extends IntersectionType(ResolutionMetricsQueryDto, PageFieldsDto) {
  @ApiProperty({ enum: ['collected', 'resolutionRate', 'conclusionRate', 'satisfactionRate', 'onTimeRate', 'overdue'] })
  @IsIn(['collected', 'resolutionRate', 'conclusionRate', 'satisfactionRate', 'onTimeRate', 'overdue'])
  figure: 'collected' | 'resolutionRate' | 'conclusionRate' | 'satisfactionRate' | 'onTimeRate' | 'overdue';

  @ApiPropertyOptional({ enum: ['numerator', 'denominator'], default: 'numerator' })
  @IsOptional()
  @IsIn(['numerator', 'denominator'])
  part: 'numerator' | 'denominator' = 'numerator';

  @ApiPropertyOptional({ description: 'One group of groupBy (e.g. a unit id); all groups when absent' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  group?: string;

  @ApiPropertyOptional({
    description: "Start after this problem: a previous page's nextCursor (keyset paging; excludes offset)",
    example: '2024-06-12~0b6f1c7e-6a3f-4a57-9a0e-1f3c2d4b5a69',
  })
  @IsOptional()
  @IsListCursor()
  cursor?: string;
}
