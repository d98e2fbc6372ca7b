import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { FIGURE_NAMES, UNIT_ID_PATTERN, UNIT_ID_RULE } from '@app/support';
import { IsCalendarDate } from '@app/platform';
import { AsOfQueryDto, PageFieldsDto } from '../http/query.dto';
import { IsOnOrAfter } from '../http/date-range';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month (YYYY-MM, compared with the month before) or a date range from–to; as of a date, as known at an instant. */
export class UnitPerformanceQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '2024-06', description: 'The month (Asia/Shanghai), YYYY-MM; or give from and to instead' })
  @ValidateIf((q: UnitPerformanceQueryDto) => q.month !== undefined || (q.from === undefined && q.to === undefined))
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM (e.g. 2024-06), or give from and to' })
  month?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day of a date range (with to), instead of month' })
  @ValidateIf((q: UnitPerformanceQueryDto) => q.month === undefined && (q.from !== undefined || q.to !== undefined))
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the date range (with from)' })
  @ValidateIf((q: UnitPerformanceQueryDto) => q.month === undefined && (q.from !== undefined || q.to !== undefined))
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;

  @ApiPropertyOptional({ example: 'unit-drc', description: "One unit only. A unit handler must give its own unit" })
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: `unit must be a unit code: ${UNIT_ID_RULE}` })
  unit?: string;
}

export class UnitFigureRecordsQueryDto extends IntersectionType(UnitPerformanceQueryDto, PageFieldsDto) {
  @ApiProperty({ enum: FIGURE_NAMES })
  @IsIn(FIGURE_NAMES as string[], { message: `figure must be one of ${FIGURE_NAMES.join(', ')}` })
  figure: (typeof FIGURE_NAMES)[number];

  @ApiPropertyOptional({ enum: ['numerator', 'denominator'], default: 'denominator' })
  @IsOptional()
  @IsIn(['numerator', 'denominator'])
  part: 'numerator' | 'denominator' = 'denominator';
}

/** The records' query without paging: the problems behind the whole numerator or denominator, one row each. */
export class UnitFigureExportQueryDto extends OmitType(UnitFigureRecordsQueryDto, ['limit', 'offset'] as const) {}
