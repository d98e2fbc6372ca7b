import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, todayInShanghai, type AuthUser } from '@app/platform';
import {
  GetResolutionMetrics,
  GetVisitMetrics,
  ListResolutionFigureProblems,
  WorkingCalendar,
  type FigureMembersPage,
} from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { formatCursor, parseCursor } from '../http/list-cursor';
import { ProblemReader } from './problem-reader';
import { resolutionScope, UNIT_HANDLER_SCOPE } from './resolution-scope';
import { ResolutionFigureProblemsQueryDto, ResolutionMetricsQueryDto, VisitMetricsQueryDto } from './dto/support-queries.dto';
import { ResolutionFigureProblemsDto, ResolutionMetricsDto, VisitMetricsDto } from './dto/support.response.dto';

/** The figures managers publish; every rate comes with numerator, denominator and scope. */
@ApiTags('metrics')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Unit handlers read only their own unit\'s resolution figures' })
@Controller('api/v1/metrics')
export class SupportMetricsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: WorkingCalendar,
    private readonly problems: ProblemReader,
  ) {}

  @Get('resolution')
  @ApiOperation({ summary: '问题解决率, 办结率, 满意率, 按期办结率 and overdue for a period or cumulatively, as of a report date' })
  @ApiOkResponse({ type: ResolutionMetricsDto })
  @Roles('caseworker', 'unit_handler', 'manager', 'admin')
  @ApiErrors({ forbidden: UNIT_HANDLER_SCOPE })
  async resolution(@Query() q: ResolutionMetricsQueryDto, @CurrentUser() user: AuthUser): Promise<ResolutionMetricsDto> {
    const scope = resolutionScope(q, user);
    const workingDays = (await this.calendar.snapshot()).dayCounts();
    return this.queries.execute(
      new GetResolutionMetrics(scope, q.groupBy, workingDays),
    );
  }

  /** The problems behind one figure of GET /metrics/resolution (same scope): what a click on a number opens. */
  @Get('resolution/problems')
  @ApiOperation({ summary: 'The problems behind one figure (numerator or denominator) of GET /metrics/resolution' })
  @ApiOkResponse({ type: ResolutionFigureProblemsDto })
  @Roles('caseworker', 'unit_handler', 'manager', 'admin')
  @ApiErrors({ forbidden: UNIT_HANDLER_SCOPE })
  async resolutionProblems(@Query() q: ResolutionFigureProblemsQueryDto, @CurrentUser() user: AuthUser): Promise<ResolutionFigureProblemsDto> {
    const scope = resolutionScope(q, user);
    const after = q.cursor === undefined ? null : parseCursor(q.cursor);
    const members: FigureMembersPage = await this.queries.execute(
      new ListResolutionFigureProblems(scope, q.groupBy, q.group ?? null, q.figure, q.part, { limit: q.limit, offset: q.offset, after }),
    );
    // The page's rows by id; the list orders them as the figure's query did.
    const page = await this.problems.list({ problemIds: members.problemIds, today: todayInShanghai(), limit: q.limit, offset: 0 });
    return {
      figure: q.figure,
      part: q.part,
      group: q.group ?? null,
      total: members.total,
      items: page.items,
      limit: q.limit,
      offset: q.offset,
      nextCursor: members.next === null ? null : formatCursor(members.next),
    };
  }

  @Get('visits')
  @ApiOperation({
    summary: '走访家次 and 走访企业数 in a period, as of a report date, optionally as known at an instant',
    description: 'A voided visit counts in no period from the instant its void was recorded; knownAt before that instant still shows it.',
  })
  @ApiOkResponse({ type: VisitMetricsDto })
  visits(@Query() q: VisitMetricsQueryDto): Promise<VisitMetricsDto> {
    return this.queries.execute(new GetVisitMetrics(q.from, q.to, q.asOf ?? todayInShanghai(), q.groupBy, q.knownAt?.toISOString() ?? null));
  }
}
