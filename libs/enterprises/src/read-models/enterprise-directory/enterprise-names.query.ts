import { InjectRepository } from '@nestjs/typeorm';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { In, type Repository } from 'typeorm';
import { EnterpriseRow } from './enterprise-directory.row';

/** At most one page's worth: the names behind a list another context shows (problems, visits). */
export const MAX_NAMES_PER_QUERY = 500;

/** The current names of these enterprises, by USCC; an unknown USCC is absent from the map. */
export class EnterpriseNamesQuery extends Query<Map<string, string>> {
  constructor(readonly usccs: readonly string[]) {
    super();
    if (usccs.length > MAX_NAMES_PER_QUERY) throw new RangeError(`At most ${MAX_NAMES_PER_QUERY} names per query, asked for ${usccs.length}`);
  }
}

@QueryHandler(EnterpriseNamesQuery)
export class EnterpriseNamesHandler implements IQueryHandler<EnterpriseNamesQuery> {
  constructor(@InjectRepository(EnterpriseRow) private readonly rows: Repository<EnterpriseRow>) {}

  execute({ usccs }: EnterpriseNamesQuery): Promise<Map<string, string>> {
    return readEnterpriseNames(this.rows, usccs);
  }
}

/**
 * The same lookup on a given repository: an export reads it on its own transaction's manager, so the names
 * come from the same snapshot as the rows (and, on a one-connection pool, the export does not wait on itself).
 */
export async function readEnterpriseNames(rows: Repository<EnterpriseRow>, usccs: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(usccs)];
  if (distinct.length === 0) return new Map();
  const found = await rows.find({ where: { uscc: In(distinct) }, select: { uscc: true, name: true } });
  return new Map(found.map((r) => [r.uscc, r.name]));
}
