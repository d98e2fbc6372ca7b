import { BadRequestException, Controller, ForbiddenException, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, todayInShanghai, type AuthUser } from '@app/platform';
import { GetUnitPerformance, HandlingUnitDirectory, ListUnitFigureProblems, ListUnitFigureRecords, type CourseScope } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '../problem-export/export-sink';
import { ProblemExporter } from '../problem-export/problem-export.service';
import { UnitFigureExportQueryDto, UnitFigureRecordsQueryDto, UnitPerformanceQueryDto } from './unit-performance-queries.dto';
import { UnitFigureRecordsDto, UnitPerformanceDto } from './unit-performance.response.dto';
import { monthScope, previousMonthScope, rangeDays } from './unit-performance-scope';

/** Bounded work per request: a date range is at most a year. */
const MAX_RANGE_DAYS = 366;
const UNIT_SCOPE = 'A unit handler asking without unit=<its own unit>, or for another unit (NOT_YOUR_UNIT, field unit)';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
const EXPORT_DESCRIPTION =
  'One row per problem behind the figure (a problem with two 交办 to the unit is one row, its assignments listed), with the columns of GET /problems/export.xlsx';
const TOO_MANY = 'More problems than EXPORT_MAX_ROWS (EXPORT_TOO_MANY_ROWS): narrow the period';

const badField = (field: string, message: string) =>
  new BadRequestException({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'The request is invalid', errors: [{ field, messages: [message] }] });

/** 考评 of handling units: managers and admins see every unit, a unit handler only its own. */
@ApiTags('unit-performance')
@ApiBearerAuth()
@Roles('unit_handler', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Caseworkers do not read the 考评; a unit handler reads only its own unit' })
@Controller('api/v1/unit-performance')
export class UnitPerformanceController {
  constructor(
    private readonly queries: QueryBus,
    private readonly units: HandlingUnitDirectory,
    private readonly exporter: ProblemExporter,
  ) {}

  @Get()
  @ApiOperation({ summary: '及时签收率, 退回率, 办结率, 按时办结率, 回访满意率 with 参评率, 交办→签收 days per unit; rankings, change vs the month before, bounced problems' })
  @ApiOkResponse({ type: UnitPerformanceDto })
  @ApiErrors({ forbidden: UNIT_SCOPE })
  async figures(@Query() q: UnitPerformanceQueryDto, @CurrentUser() user: AuthUser): Promise<UnitPerformanceDto> {
    const unitId = await this.unitOf(user, q.unit);
    const scope = this.scope(q);
    const previous = q.month ? previousMonthScope(q.month, scope.asOf, scope.knownAt) : null;
    return this.queries.execute(new GetUnitPerformance(scope, previous, unitId));
  }

  @Get('records')
  @ApiOperation({ summary: 'The records behind one unit’s figure (numerator or denominator), in a stable order, a page at a time' })
  @ApiOkResponse({ type: UnitFigureRecordsDto })
  @ApiErrors({ forbidden: UNIT_SCOPE })
  async records(@Query() q: UnitFigureRecordsQueryDto, @CurrentUser() user: AuthUser): Promise<UnitFigureRecordsDto> {
    const unitId = await this.unitOf(user, q.unit);
    if (unitId === null) throw badField('unit', 'unit is required: the records behind one unit’s figure');
    const page = await this.queries.execute(new ListUnitFigureRecords(this.scope(q), unitId, q.figure, q.part, q.limit, q.offset));
    return { unitId, figure: q.figure, part: q.part, limit: q.limit, offset: q.offset, ...page };
  }

  @Get('records/export.xlsx')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ ...FILE, description: `诉求清单-考评-<unit>-<figure>-<part>-<period>.xlsx. ${EXPORT_DESCRIPTION}` })
  @ApiOperation({ summary: 'The problems behind one unit’s figure (as GET /unit-performance/records, unpaged), as an XLSX workbook' })
  @ApiErrors({ forbidden: UNIT_SCOPE, unprocessable: TOO_MANY })
  recordsXlsx(@Query() q: UnitFigureExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.export(q, user, 'xlsx', res);
  }

  @Get('records/export.csv')
  @ApiProduces(EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({ ...FILE, description: `诉求清单-考评-<unit>-<figure>-<part>-<period>.csv. ${EXPORT_DESCRIPTION}` })
  @ApiOperation({ summary: 'The problems behind one unit’s figure (as GET /unit-performance/records, unpaged), as CSV' })
  @ApiErrors({ forbidden: UNIT_SCOPE, unprocessable: TOO_MANY })
  recordsCsv(@Query() q: UnitFigureExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.export(q, user, 'csv', res);
  }

  private async export(q: UnitFigureExportQueryDto, user: AuthUser, format: ExportFormat, res: Response): Promise<void> {
    const unitId = await this.unitOf(user, q.unit);
    if (unitId === null) throw badField('unit', 'unit is required: the problems behind one unit’s figure');
    const scope = this.scope(q);
    const ids: string[] = await this.queries.execute(new ListUnitFigureProblems(scope, unitId, q.figure, q.part));
    const name = `${unitId}-${q.figure}-${q.part}-${q.month ?? `${scope.from}-${scope.to}`}`;
    await this.exporter.export({ problemIds: ids, today: todayInShanghai() }, format, res, { ascii: `problems-${name}`, chinese: `诉求清单-考评-${name}` });
  }

  private scope(q: UnitPerformanceQueryDto): CourseScope {
    const asOf = q.asOf ?? todayInShanghai();
    const knownAt = q.knownAt?.toISOString() ?? null;
    if (q.month) return monthScope(q.month, asOf, knownAt);
    if (rangeDays(q.from!, q.to!) > MAX_RANGE_DAYS) throw badField('to', `a date range is at most ${MAX_RANGE_DAYS} days`);
    return { from: q.from!, to: q.to!, asOf, knownAt };
  }

  /** A unit handler reads only its own unit (named with unit=); any unit asked for must be in the registry. */
  private async unitOf(user: AuthUser, unit: string | undefined): Promise<string | null> {
    if (user.role === 'unit_handler' && (unit === undefined || unit !== user.unitId)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'NOT_YOUR_UNIT',
        message: `A unit handler reads only its own unit's figures: ask with unit=${user.unitId ?? '(none)'}`,
        field: 'unit',
      });
    }
    if (unit === undefined) return null;
    if (!(await this.units.names([unit])).has(unit)) throw badField('unit', `unit ${unit} is not in the handling-unit registry`);
    return unit;
  }
}
