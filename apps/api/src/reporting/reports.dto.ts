import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { isReportMonth } from '@app/reporting';
import { MAX_POSITION, MAX_VERSION } from '../http/bounds';

export class GenerateMonthlySummaryDto {
  @ApiPropertyOptional({ description: 'A correction: regenerate the month with this reason (both versions stay visible)', example: '补录6月28日走访' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class MonthlySummaryQueryDto {
  @ApiPropertyOptional({ description: 'An earlier version; omitted: the latest', minimum: 1, maximum: MAX_VERSION })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;

  @ApiPropertyOptional({ description: 'A command response’s position: wait until the summaries reflect it' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POSITION)
  position?: number;
}

/** ':month' in the path: 'YYYY-MM', else a 400 shaped like the body's field errors. */
export class ReportMonthPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isReportMonth(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      errors: [{ field: 'month', messages: ['month must be YYYY-MM (e.g. 2024-06)'] }],
    });
  }
}
