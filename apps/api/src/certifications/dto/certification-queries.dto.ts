import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CERTIFICATION_LEVELS, CERTIFICATION_TYPE_CODES, COUNT_MEASURES, REFERENCE_MEASURES, REFERENCE_SCOPES, type PreviewStatus } from '@app/enterprises';
import { IsCalendarDate } from '@app/platform';
import { TrimmedText } from '../../enterprises/dto/trimmed-text';
import { KnownAtQueryDto, PageFieldsDto, PageQueryDto } from '../../http/query.dto';
import { PREVIEW_STATUSES } from './certifications.response.dto';
import { IsOnOrAfter } from '../../http/date-range';
import { MAX_TOTAL } from '../../http/bounds';

class FilterDto extends KnownAtQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATION_TYPE_CODES })
  @IsOptional()
  @IsIn(CERTIFICATION_TYPE_CODES)
  type?: string;

  @ApiPropertyOptional({ enum: CERTIFICATION_LEVELS })
  @IsOptional()
  @IsIn(CERTIFICATION_LEVELS)
  level?: string;

}

export class CountsQueryDto extends FilterDto {
  @ApiPropertyOptional({ description: 'Report date (YYYY-MM-DD); default today in Shanghai' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: '新增 period start; default 1 January of the asOf year' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: '新增 period end; default asOf (and never after it)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;
}

export class CertifiedEnterprisesQueryDto extends IntersectionType(CountsQueryDto, PageFieldsDto) {
  @ApiProperty({ enum: COUNT_MEASURES })
  @IsIn(COUNT_MEASURES)
  measure: (typeof COUNT_MEASURES)[number];

  @ApiProperty({ enum: CERTIFICATION_TYPE_CODES })
  @IsIn(CERTIFICATION_TYPE_CODES)
  declare type: string;

  @ApiProperty({ enum: CERTIFICATION_LEVELS })
  @IsIn(CERTIFICATION_LEVELS)
  declare level: string;
}

/** Five years of month ends: a series is one point per month, each with every type and level. */
const SERIES_MAX_MONTHS = 60;

export class SeriesQueryDto extends FilterDto {
  @ApiProperty({ example: '2024-01-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2024-12-31', description: `Last day counted; the series spans at most ${SERIES_MAX_MONTHS} months` })
  @IsCalendarDate()
  @IsOnOrAfter('from', { maxMonths: SERIES_MAX_MONTHS })
  to: string;
}

export class ReferenceTotalDto {
  @ApiProperty({ enum: CERTIFICATION_TYPE_CODES })
  @IsIn(CERTIFICATION_TYPE_CODES)
  type: string;

  @ApiProperty({ enum: CERTIFICATION_LEVELS })
  @IsIn(CERTIFICATION_LEVELS)
  level: string;

  @ApiProperty({ enum: REFERENCE_SCOPES })
  @IsIn(REFERENCE_SCOPES)
  scope: (typeof REFERENCE_SCOPES)[number];

  @ApiPropertyOptional({
    enum: REFERENCE_MEASURES,
    default: 'currently_valid',
    description: 'The city/province figure it is: firms valid on asOf, 累计培育 by asOf, or 新增 from 1 January of asOf’s year to asOf',
  })
  @IsOptional()
  @IsIn(REFERENCE_MEASURES)
  measure: (typeof REFERENCE_MEASURES)[number] = 'currently_valid';

  @ApiProperty({ example: '2024-06-30', description: 'The date the total refers to' })
  @IsCalendarDate()
  asOf: string;

  @ApiProperty({ example: 232, minimum: 1, maximum: MAX_TOTAL })
  @IsInt()
  @Min(1)
  @Max(MAX_TOTAL)
  total: number;

  @TrimmedText(200, '市工信局 2024年6月通报', 'Where the figure comes from')
  source: string;
}

export class CommitImportDto {
  @ApiPropertyOptional({ default: false, description: 'Register enterprises the preview did not find, under the name in the sheet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  registerUnknown?: boolean;
}

/** GET /certifications/imports/:importId/rows */
export class ImportRowsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PREVIEW_STATUSES, description: 'Only rows of this status (e.g. error: the rows to fix)' })
  @IsOptional()
  @IsIn(PREVIEW_STATUSES)
  status?: PreviewStatus;
}
