import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { MAX_CALENDAR_YEAR, MAX_DAY_NAME_LENGTH, MAX_REASON_LENGTH, MIN_CALENDAR_YEAR } from '@app/support/working-calendar';
import { IsCalendarDate } from '@app/platform';
import { IsDayList } from './is-calendar-date';
import { MAX_POSITION } from '../http/bounds';

/** Longer than any published arrangement (2024 lists 26 holidays): a bound against junk, not a rule. */
const MAX_DAYS = 120;

export class CalendarDayDto {
  @ApiProperty({ example: '2024-10-01', format: 'date' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '国庆节', maxLength: MAX_DAY_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_DAY_NAME_LENGTH)
  name: string;
}

export class YearParamDto {
  @ApiProperty({ example: 2024, minimum: MIN_CALENDAR_YEAR, maximum: MAX_CALENDAR_YEAR })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number, e.g. 2024' })
  @Min(MIN_CALENDAR_YEAR)
  @Max(MAX_CALENDAR_YEAR)
  year: number;
}

/** The year's whole arrangement: what is sent replaces what was there. */
export class SetCalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'Days off, including the weekend days inside a holiday period' })
  @IsDayList(MAX_DAYS)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  holidays: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto], description: 'Weekend days worked instead (调休)' })
  @IsDayList(MAX_DAYS)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  makeUpWorkdays: CalendarDayDto[];

  @ApiProperty({ example: '按国办发明电〔2023〕7号更正', maxLength: MAX_REASON_LENGTH })
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason: string;
}

export class DeadlineQueryDto {
  @ApiProperty({ example: '2024-09-27', format: 'date', description: 'The start date (registration, assignment); it is not counted' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 1000 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  workingDays: number;

  @ApiPropertyOptional({ description: 'Wait until the read models have reached this log position (from a command response)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POSITION)
  position?: number;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ type: [CalendarDayDto] })
  holidays: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto] })
  makeUpWorkdays: CalendarDayDto[];
}

export class LoadedYearsDto {
  @ApiProperty({ type: [Number], example: [2024, 2025, 2026] })
  years: number[];
}

export class DeadlineDto {
  @ApiProperty({ example: '2024-09-27' })
  from: string;

  @ApiProperty({ example: 3 })
  workingDays: number;

  @ApiProperty({ example: '2024-10-08', description: 'The workingDays-th working day after `from`; on time means concluded on or before it' })
  deadline: string;
}

export class CalendarYearChangeDto {
  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ enum: ['loaded', 'corrected', 'unchanged'] })
  outcome: 'loaded' | 'corrected' | 'unchanged';

  @ApiProperty({ example: 2, description: 'The year stream’s version afterwards' })
  version: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Pass as ?position= to read your write; null when nothing changed' })
  position: number | null;
}
