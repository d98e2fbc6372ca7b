import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/platform';
import {
  GenerateMonthlySummary,
  GetMonthlySummary,
  monthlySummaryNarrative,
  monthlySummaryWorkbook,
  type GenerateMonthlySummaryResult,
  type MonthlySummaryView,
} from '@app/reporting';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { GenerateMonthlySummaryDto, MonthlySummaryQueryDto, ReportMonthPipe } from './reports.dto';
import { GenerateMonthlySummaryResultDto, MonthlySummaryNarrativeDto, MonthlySummaryViewDto } from './reports.response.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 月报: the monthly summary as generated (JSON, narrative, XLSX), and generating or correcting it. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Unit handlers do not read reports; only managers and admins generate them' })
@Controller('api/v1/reports/monthly')
export class MonthlyReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':month')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Generate the month now (a no-op if it exists); with {reason}, a correction: a new version' })
  @ApiOkResponse({ type: GenerateMonthlySummaryResultDto })
  @ApiErrors({ unprocessable: 'The month has not ended yet (MONTH_NOT_ENDED)', unavailable: 'The read models did not catch up in time; retry shortly' })
  generate(
    @Param('month', ReportMonthPipe) month: string,
    @Body() dto: GenerateMonthlySummaryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<GenerateMonthlySummaryResultDto> {
    return this.commands.execute<GenerateMonthlySummary, GenerateMonthlySummaryResult>(new GenerateMonthlySummary(month, ctx, dto.reason));
  }

  @Get(':month')
  @ApiOperation({ summary: 'The latest version (or ?version=) with every figure, and every version with its reason' })
  @ApiOkResponse({ type: MonthlySummaryViewDto })
  @ApiErrors({ notFound: 'The month (or that version) was never generated' })
  get(@Param('month', ReportMonthPipe) month: string, @Query() q: MonthlySummaryQueryDto): Promise<MonthlySummaryViewDto> {
    return this.summary(month, q.version);
  }

  @Get(':month/narrative')
  @ApiOperation({ summary: 'The summary as the bureau’s Chinese paragraph' })
  @ApiOkResponse({ type: MonthlySummaryNarrativeDto })
  @ApiErrors({ notFound: 'The month (or that version) was never generated' })
  async narrative(@Param('month', ReportMonthPipe) month: string, @Query() q: MonthlySummaryQueryDto): Promise<MonthlySummaryNarrativeDto> {
    const { summary } = await this.summary(month, q.version);
    return { month, version: summary.version, asOf: summary.asOf, narrative: monthlySummaryNarrative(summary.figures) };
  }

  @Get(':month/xlsx')
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'monthly-summary-<month>-v<version>.xlsx, as an attachment' })
  @ApiErrors({ notFound: 'The month (or that version) was never generated' })
  @ApiOperation({ summary: 'The summary as an XLSX workbook: 走访, 问题, 奖补, 资质 and 说明' })
  async xlsx(@Param('month', ReportMonthPipe) month: string, @Query() q: MonthlySummaryQueryDto) {
    const view = await this.summary(month, q.version);
    const file = await monthlySummaryWorkbook({ zone: view.zone, month, ...view.summary });
    return new StreamableFile(file, {
      type: XLSX,
      disposition: `attachment; filename="monthly-summary-${month}-v${view.summary.version}.xlsx"`,
      length: file.length,
    });
  }

  private async summary(month: string, version?: number): Promise<MonthlySummaryView> {
    const view = await this.queries.execute(new GetMonthlySummary(month, version));
    if (!view) throw new NotFoundException(`No monthly summary for ${month}${version ? ` version ${version}` : ''}`);
    return view;
  }
}
