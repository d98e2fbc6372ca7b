import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, todayInShanghai, type AuthUser } from '@app/platform';
import { ListResolutionFigureProblems, ProblemWarnings, type FigureMembersPage } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { problemFilterOf } from '../support/problem-filter-of';
import { resolutionScope, UNIT_HANDLER_SCOPE } from '../support/resolution-scope';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from './export-sink';
import { ProblemExportQueryDto, ResolutionFigureExportQueryDto } from './problem-export.dto';
import { ProblemExporter } from './problem-export.service';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
const TOO_MANY = 'More matching problems than EXPORT_MAX_ROWS (EXPORT_TOO_MANY_ROWS, with rows and maxRows): narrow the filters';
const COLUMNS =
  'One row per problem: 诉求编号, 企业名称, 统一社会信用代码, 类别, 提出日期, 牵头单位, 协办单位, 交办记录, 签收日期, 办理时限, 延期, 办结日期, 办结方式, 是否按期, 回访评价, 关闭日期, 流转次数, 预警. ' +
  'Streamed from one consistent snapshot; CSV is UTF-8 with a BOM, RFC 4180 quoting; text that would start a formula is prefixed with an apostrophe.';

/**
 * Downloads of problem lists. Declared before ProblemQueriesController in the module, so `export.xlsx` is this
 * route and not a problem id. Each writes the response itself (streamed), hence @Res().
 */
@ApiTags('problems')
@ApiBearerAuth()
@ApiStandardErrors({ unavailable: 'The read models did not reach ?position= in time (READ_MODEL_NOT_CAUGHT_UP); retry shortly' })
@Controller('api/v1')
export class ProblemExportController {
  constructor(
    private readonly exporter: ProblemExporter,
    private readonly warnings: ProblemWarnings,
    private readonly queries: QueryBus,
  ) {}

  @Get('problems/export.xlsx')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ ...FILE, description: `诉求清单-<today>.xlsx. ${COLUMNS}` })
  @ApiErrors({ unprocessable: TOO_MANY })
  @ApiOperation({ summary: 'The problems GET /problems lists for the same filters, as an XLSX workbook (a unit handler: only its unit’s)' })
  problemsXlsx(@Query() q: ProblemExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.problems(q, user, 'xlsx', res);
  }

  @Get('problems/export.csv')
  @ApiProduces(EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({ ...FILE, description: `诉求清单-<today>.csv. ${COLUMNS}` })
  @ApiErrors({ unprocessable: TOO_MANY })
  @ApiOperation({ summary: 'The problems GET /problems lists for the same filters, as CSV (a unit handler: only its unit’s)' })
  problemsCsv(@Query() q: ProblemExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.problems(q, user, 'csv', res);
  }

  @Get('metrics/resolution/problems/export.xlsx')
  @Roles('caseworker', 'unit_handler', 'manager', 'admin')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ ...FILE, description: `诉求清单-<figure>-<part>.xlsx. ${COLUMNS}` })
  @ApiErrors({ forbidden: UNIT_HANDLER_SCOPE, unprocessable: TOO_MANY })
  @ApiOperation({ summary: 'The problems behind one figure (as GET /metrics/resolution/problems, unpaged), as an XLSX workbook' })
  figureXlsx(@Query() q: ResolutionFigureExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.figure(q, user, 'xlsx', res);
  }

  @Get('metrics/resolution/problems/export.csv')
  @Roles('caseworker', 'unit_handler', 'manager', 'admin')
  @ApiProduces(EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({ ...FILE, description: `诉求清单-<figure>-<part>.csv. ${COLUMNS}` })
  @ApiErrors({ forbidden: UNIT_HANDLER_SCOPE, unprocessable: TOO_MANY })
  @ApiOperation({ summary: 'The problems behind one figure (as GET /metrics/resolution/problems, unpaged), as CSV' })
  figureCsv(@Query() q: ResolutionFigureExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.figure(q, user, 'csv', res);
  }

  private async problems(q: ProblemExportQueryDto, user: AuthUser, format: ExportFormat, res: Response): Promise<void> {
    const today = todayInShanghai();
    const filter = await problemFilterOf(q, user, today, this.warnings);
    await this.exporter.export(filter, format, res, { ascii: `problems-${today}`, chinese: `诉求清单-${today}` });
  }

  private async figure(q: ResolutionFigureExportQueryDto, user: AuthUser, format: ExportFormat, res: Response): Promise<void> {
    const scope = resolutionScope(q, user);
    // At most a file's worth of ids is read: a figure with more is refused by its count, as a list export is.
    const page = { limit: this.exporter.maxRows, offset: 0, after: null };
    const members: FigureMembersPage = await this.queries.execute(new ListResolutionFigureProblems(scope, q.groupBy, q.group ?? null, q.figure, q.part, page));
    this.exporter.refuseOver(members.total);
    const name = `${q.figure}-${q.part}-${scope.from}-${scope.to}`;
    const filter = { problemIds: members.problemIds, today: todayInShanghai() };
    await this.exporter.export(filter, format, res, { ascii: `problems-${name}`, chinese: `诉求清单-${name}` });
  }
}
