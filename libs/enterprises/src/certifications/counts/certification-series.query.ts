import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { monthlySeries, type MonthlyPoint, type TypeLevel } from './certification-counts';
import { loadKnownWindows } from './load-windows';

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
    const windows = await loadKnownWindows(this.db, filter, request.knownAt);
    return { scope: request, points: monthlySeries(windows, request.from, request.to, filter) };
  }
}
