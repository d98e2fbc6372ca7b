import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, todayInShanghai, type AuthUser } from '@app/platform';
import { ProblemWarnings } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { parseUuid } from '../http/validation';
import { ConsistentQueryDto } from '../http/query.dto';
import { ProblemListQueryDto } from './dto/support-queries.dto';
import { ProblemDetailsDto, ProblemPageDto } from './dto/support.response.dto';
import { ProblemReader } from './problem-reader';
import { problemFilterOf, visibleTo } from './problem-filter-of';

@ApiTags('problems')
@ApiBearerAuth()
@ApiStandardErrors({ unavailable: 'The read models did not reach ?position= in time (READ_MODEL_NOT_CAUGHT_UP); retry shortly' })
@Controller('api/v1/problems')
export class ProblemQueriesController {
  constructor(
    private readonly problems: ProblemReader,
    private readonly warnings: ProblemWarnings,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Problems, filtered and paginated, newest registration first; a unit handler sees only its unit’s' })
  @ApiOkResponse({ type: ProblemPageDto })
  async list(@Query() q: ProblemListQueryDto, @CurrentUser() user: AuthUser): Promise<ProblemPageDto> {
    const today = todayInShanghai();
    const filter = await problemFilterOf(q, user, today, this.warnings);
    return this.problems.list({ ...filter, sort: q.sort, limit: q.limit, offset: q.offset });
  }

  /** The problem with its full history (who did what when), from its events. 404 also for other units' problems. */
  @Get(':id')
  @ApiOperation({ summary: 'A problem with its full history (who did what when)' })
  @ApiOkResponse({ type: ProblemDetailsDto })
  @ApiErrors({ notFound: 'No such problem, or (for a unit handler) not one assigned to your unit (PROBLEM_NOT_FOUND)' })
  get(@Param('id', parseUuid()) id: string, @Query() _q: ConsistentQueryDto, @CurrentUser() user: AuthUser): Promise<ProblemDetailsDto> {
    return this.problems.get(id, visibleTo(user));
  }
}
