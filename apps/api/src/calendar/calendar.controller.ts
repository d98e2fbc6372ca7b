import { Body, Controller, Get, NotFoundException, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/platform';
import { SetCalendarYearCommand, WorkingCalendar } from '@app/support/working-calendar';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  CalendarYearChangeDto,
  CalendarYearDto,
  DeadlineDto,
  DeadlineQueryDto,
  LoadedYearsDto,
  SetCalendarYearDto,
  YearParamDto,
} from './calendar.dto';

/**
 * The working-day calendar: anyone signed in reads it and computes deadlines; an administrator loads or
 * corrects a year. The correction is a PUT of the year's whole arrangement: sending the same content
 * again changes nothing (outcome "unchanged"), so a retried PUT is safe without an Idempotency-Key.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller('api/v1')
export class CalendarController {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly commands: CommandBus,
  ) {}

  @Get('calendar')
  @ApiOperation({ summary: 'The years whose calendar is loaded' })
  @ApiOkResponse({ type: LoadedYearsDto })
  async years(): Promise<LoadedYearsDto> {
    return { years: await this.calendar.loadedYears() };
  }

  // Declared before calendar/:year so that "deadline" is never taken for a year.
  @Get('calendar/deadline')
  @ApiOperation({
    summary: 'The deadline N working days after a date',
    description: 'The start date is not counted. 422 CALENDAR_YEAR_NOT_LOADED, naming the year, when the count runs past the loaded years.',
  })
  @ApiOkResponse({ type: DeadlineDto })
  @ApiErrors({ unprocessable: 'The count runs past the loaded years (CALENDAR_YEAR_NOT_LOADED, with year and loadedYears)' })
  async deadline(@Query() { from, workingDays }: DeadlineQueryDto): Promise<DeadlineDto> {
    return { from, workingDays, deadline: await this.calendar.addWorkingDays(from, workingDays) };
  }

  @Get('calendar/:year')
  @ApiOperation({ summary: 'A loaded year: its holidays and make-up working days (调休)' })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiErrors({ notFound: 'The year is not loaded (CALENDAR_YEAR_NOT_LOADED, with year)' })
  async year(@Param() { year }: YearParamDto): Promise<CalendarYearDto> {
    const content = await this.calendar.year(year);
    if (!content) {
      throw new NotFoundException({ statusCode: 404, error: 'CALENDAR_YEAR_NOT_LOADED', message: `The calendar for ${year} is not loaded`, year });
    }
    return { year, ...content };
  }

  @Put('admin/calendar/:year')
  @Roles('admin')
  @ApiOperation({
    summary: 'Load or correct a year (administrators)',
    description: 'Replaces the year’s whole arrangement, with a reason. 422 CALENDAR_YEAR_INVALID lists every broken rule by field.',
  })
  @ApiOkResponse({ type: CalendarYearChangeDto })
  @ApiErrors({
    forbidden: 'Administrators only',
    conflict: 'Someone else changed the year first (CONCURRENCY_CONFLICT): reload and retry',
    unprocessable: 'A well-formed arrangement that breaks a calendar rule (CALENDAR_YEAR_INVALID, every broken rule by field)',
  })
  set(@Param() { year }: YearParamDto, @Body() body: SetCalendarYearDto, @Ctx() ctx: RequestContext): Promise<CalendarYearChangeDto> {
    const { holidays, makeUpWorkdays, reason } = body;
    return this.commands.execute(new SetCalendarYearCommand(year, { holidays, makeUpWorkdays }, reason, ctx));
  }
}
