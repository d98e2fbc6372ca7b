import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { revisionsOf, type CertificationCount, type CountScope, type Revision, type TypeLevel } from './certification-counts';
import { certificationCountsInSql } from './count-in-sql';
import { loadKnownWindows, loadReferenceTotals } from './load-windows';
import { countShares, type CountShare } from './count-shares';

export interface CountsRequest extends CountScope, Partial<TypeLevel> {
  /** Only what had been recorded by this instant (reproduces a figure published then); null: everything. */
  knownAt: string | null;
}

export interface CountWithShares extends CertificationCount {
  shares: CountShare[];
}

export interface CertificationCountsView {
  scope: CountsRequest;
  counts: CountWithShares[];
  /** Revocations recorded after asOf that reach back before it: the valid counts differ from what was known on asOf. */
  revisions: Revision[];
}

export class GetCertificationCountsQuery extends Query<CertificationCountsView> {
  constructor(readonly request: CountsRequest) {
    super();
  }
}

@QueryHandler(GetCertificationCountsQuery)
export class GetCertificationCountsHandler implements IQueryHandler<GetCertificationCountsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ request }: GetCertificationCountsQuery): Promise<CertificationCountsView> {
    const filter = { type: request.type, level: request.level };
    const [counted] = await certificationCountsInSql(this.db, filter, [request], request.knownAt);
    const references = await loadReferenceTotals(this.db, request.asOf, request.knownAt);
    const counts = counted.map((count): CountWithShares => ({ ...count, shares: countShares(count, references, request) }));
    // Only revoked windows can be revisions: a few rows, folded by the same rules as ever.
    const revoked = await loadKnownWindows(this.db, filter, request.knownAt, { revokedOnly: true });
    return { scope: request, counts, revisions: revisionsOf(revoked, request.asOf) };
  }
}
