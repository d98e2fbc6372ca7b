import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai, UsersService } from '@app/platform';
import { ListVisits, LogVisit, VoidVisit } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { parseUuid } from '../http/validation';
import { refuseUnknownCaseworkers } from './caseworker-ids';
import { LogVisitDto, VoidVisitDto } from './dto/register-problem.dto';
import { VisitListQueryDto } from './dto/support-queries.dto';
import { LogVisitResultDto, VisitPageDto, VoidVisitResultDto } from './dto/support.response.dto';

@ApiTags('visits')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Unit handlers do not log or read visits' })
@Controller('api/v1/visits')
export class VisitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly users: UsersService,
  ) {}

  /** Logs a visit (走访) and registers the problems raised in it, in one request. */
  @Post()
  @ApiOperation({ summary: 'Log a visit (走访) and register the problems raised in it' })
  @ApiCreatedResponse({ type: LogVisitResultDto })
  @ApiErrors({
    conflict: 'A visit to this enterprise on this date by the same caseworker was logged minutes ago (VISIT_POSSIBLE_DUPLICATE, naming it in duplicateOf; send confirmSecondVisit: true if it is a second visit), this visit is logged already (VISIT_ALREADY_LOGGED), or a request with this Idempotency-Key is still running',
    badRequest: 'Malformed input, or a caseworker id that is not an active caseworker (VALIDATION_FAILED naming caseworkerIds[i])',
    unprocessable: 'The enterprise is not registered (ENTERPRISE_NOT_REGISTERED), the visit is dated in the future, or the Idempotency-Key was used for a different request',
  })
  async log(@Body() dto: LogVisitDto, @Ctx() ctx: RequestContext): Promise<LogVisitResultDto> {
    const { enterpriseUscc, visitedOn, caseworkerIds, form, notes, problems, confirmSecondVisit } = dto;
    await refuseUnknownCaseworkers(this.users, caseworkerIds);
    return this.commands.execute(
      new LogVisit(
        {
          enterpriseUscc,
          visitedOn,
          caseworkerIds,
          form,
          notes,
          problems: problems.map(({ title, description, category }) => ({ title, description, category })),
          confirmSecondVisit,
        },
        ctx,
      ),
    );
  }

  /** A visit logged by mistake (e.g. twice) is voided with a reason; it stays in the log. */
  @Post(':id/void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void a visit logged by mistake, with a reason (it stays in the log)' })
  @ApiOkResponse({ type: VoidVisitResultDto })
  @ApiErrors({ notFound: 'No such visit (VISIT_NOT_FOUND)', conflict: 'The visit is voided already (VISIT_ALREADY_VOIDED)' })
  void(@Param('id', parseUuid()) id: string, @Body() dto: VoidVisitDto, @Ctx() ctx: RequestContext): Promise<VoidVisitResultDto> {
    return this.commands.execute(new VoidVisit(id, dto.reason, todayInShanghai(), ctx));
  }

  @Get()
  @ApiOperation({ summary: 'Visits, filtered and paginated, newest first' })
  @ApiOkResponse({ type: VisitPageDto })
  list(@Query() q: VisitListQueryDto): Promise<VisitPageDto> {
    const { enterpriseUscc, caseworkerId, from, to, includeVoided, limit, offset } = q;
    return this.queries.execute(new ListVisits({ enterpriseUscc, caseworkerId, from, to, includeVoided, limit, offset }));
  }
}
