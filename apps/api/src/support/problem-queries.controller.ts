import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, todayInShanghai, type AuthUser } from '@app/platform';
import { GetProblem, ListProblems } from '@app/support';
import { parseUuid } from '../http/validation';
import { ConsistentQueryDto } from '../http/query.dto';
import { ProblemListQueryDto } from './dto/support-queries.dto';

/** A unit handler sees only what is assigned or co-assigned to its unit; everyone else sees all. */
const visibleTo = (user: AuthUser) => (user.role === 'unit_handler' ? user.unitId : undefined);

@ApiTags('problems')
@ApiBearerAuth()
@Controller('api/v1/problems')
export class ProblemQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Query() q: ProblemListQueryDto, @CurrentUser() user: AuthUser) {
    return this.queries.execute(
      new ListProblems({
        status: q.status,
        unitId: q.unitId,
        category: q.category,
        level: q.level,
        enterpriseUscc: q.enterpriseUscc,
        registeredFrom: q.from,
        registeredTo: q.to,
        overdue: q.overdue,
        today: todayInShanghai(),
        visibleToUnit: visibleTo(user),
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
      }),
    );
  }

  /** The problem with its full history (who did what when), from its events. 404 also for other units' problems. */
  @Get(':id')
  get(@Param('id', parseUuid()) id: string, @Query() _q: ConsistentQueryDto, @CurrentUser() user: AuthUser) {
    return this.queries.execute(new GetProblem(id, visibleTo(user)));
  }
}
