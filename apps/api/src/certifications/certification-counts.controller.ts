import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetCertificationCountsQuery, GetCertificationSeriesQuery, ListCertifiedEnterprisesQuery } from '@app/enterprises';
import { Roles, todayInShanghai } from '@app/platform';
import { ApiStandardErrors } from '../http/api-errors';
import { CertifiedEnterprisesQueryDto, CountsQueryDto, SeriesQueryDto } from './dto/certification-queries.dto';
import { CertificationCountsDto, CertificationSeriesDto, CertifiedEnterprisesDto } from './dto/certifications.response.dto';

/** Scope of a count: the report date and the 新增 period (default: the asOf year up to asOf). */
function countScope(q: CountsQueryDto) {
  const asOf = q.asOf ?? todayInShanghai();
  return { asOf, from: q.from ?? `${asOf.slice(0, 4)}-01-01`, to: q.to ?? asOf, knownAt: q.knownAt?.toISOString() ?? null };
}

/** Certified-firm counts as of any date: valid, 累计培育, 新增, share of city/province, and the firms behind each. */
@ApiTags('certifications')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Unit handlers do not see certification counts' })
@Controller('api/v1/certifications')
export class CertificationCountsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('counts')
  @ApiOperation({ summary: 'Counts per type and level as of a date; `revisions` lists later retroactive revocations that changed them' })
  @ApiOkResponse({ type: CertificationCountsDto })
  counts(@Query() q: CountsQueryDto): Promise<CertificationCountsDto> {
    return this.queries.execute(new GetCertificationCountsQuery({ ...countScope(q), type: q.type, level: q.level }));
  }

  @Get('counts/series')
  @ApiOperation({ summary: 'Monthly: valid and 累计 at each month end, 新增 within the month' })
  @ApiOkResponse({ type: CertificationSeriesDto })
  series(@Query() q: SeriesQueryDto): Promise<CertificationSeriesDto> {
    return this.queries.execute(
      new GetCertificationSeriesQuery({ from: q.from, to: q.to, type: q.type, level: q.level, knownAt: q.knownAt?.toISOString() ?? null }),
    );
  }

  @Get('counts/enterprises')
  @ApiOperation({ summary: 'The enterprises behind one count, with their certification windows: a page in USCC order, with the total' })
  @ApiOkResponse({ type: CertifiedEnterprisesDto })
  enterprises(@Query() q: CertifiedEnterprisesQueryDto): Promise<CertifiedEnterprisesDto> {
    return this.queries.execute(new ListCertifiedEnterprisesQuery({ ...countScope(q), type: q.type, level: q.level, measure: q.measure }, { limit: q.limit, offset: q.offset }));
  }
}
