import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai } from '@app/platform';
import { ListVisits, LogVisit, VoidVisit } from '@app/support';
import { Ctx, type RequestContext } from '../http/request-context';
import { parseUuid } from '../http/validation';
import { LogVisitDto, VoidVisitDto } from './dto/register-problem.dto';
import { VisitListQueryDto } from './dto/support-queries.dto';

@ApiTags('visits')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@Controller('api/v1/visits')
export class VisitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Logs a visit (走访) and registers the problems raised in it, in one request. */
  @Post()
  log(@Body() dto: LogVisitDto, @Ctx() ctx: RequestContext) {
    const { enterpriseUscc, visitedOn, caseworkerIds, form, notes, problems } = dto;
    return this.commands.execute(
      new LogVisit(
        {
          enterpriseUscc,
          visitedOn,
          caseworkerIds,
          form,
          notes,
          problems: problems.map(({ title, description, category }) => ({ title, description, category })),
        },
        ctx,
      ),
    );
  }

  /** A visit logged by mistake (e.g. twice) is voided with a reason; it stays in the log. */
  @Post(':id/void')
  @HttpCode(200)
  void(@Param('id', parseUuid()) id: string, @Body() dto: VoidVisitDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new VoidVisit(id, dto.reason, todayInShanghai(), ctx));
  }

  @Get()
  list(@Query() q: VisitListQueryDto) {
    const { enterpriseUscc, caseworkerId, from, to, includeVoided, limit, offset } = q;
    return this.queries.execute(new ListVisits({ enterpriseUscc, caseworkerId, from, to, includeVoided, limit, offset }));
  }
}
