import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { seriesDays, type MonthlyPoint, type TypeLevel } from './certification-counts';
import { certificationCountsInSql } from './count-in-sql';

export interface SeriesRequest extends Partial<TypeLevel> {
  from: string;
  to: string;
  knownAt: string | null;
}

export class GetCertificationSeriesQuery extends Query<{ scope: SeriesRequest; points: MonthlyPoint[] }> {
  constructor(readonly request: SeriesRequest) {
    super();
  }
}

@QueryHandler(GetCertificationSeriesQuery)
export class GetCertificationSeriesHandler implements IQueryHandler<GetCertificationSeriesQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ request }: GetCertificationSeriesQuery) {
    const filter = { type: request.type, level: request.level };
    // monthlySeries (the definition) in one statement: every month end counted in the database at once.
    const days = seriesDays(request.from, request.to);
    const counts = await certificationCountsInSql(this.db, filter, days.map((d) => d.scope), request.knownAt);
    return { scope: request, points: days.map(({ month, scope }, i) => ({ month, asOf: scope.asOf, counts: counts[i] })) };
  }
}
