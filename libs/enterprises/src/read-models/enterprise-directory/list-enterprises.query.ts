import { pageWithTotal } from '@app/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Repository } from 'typeorm';
import { EnterpriseRow, toEnterpriseView, type EnterpriseView } from './enterprise-directory.row';

export const MAX_PAGE_SIZE = 100;

export interface EnterpriseFilter {
  /** Part of the current name, case-insensitive. */
  nameContains?: string;
  park?: string;
  industry?: string;
  limit?: number;
  offset?: number;
}

export interface EnterprisePage {
  items: EnterpriseView[];
  /** How many enterprises match the filter, over all pages. */
  total: number;
  limit: number;
  offset: number;
}

export class ListEnterprisesQuery extends Query<EnterprisePage> {
  constructor(readonly filter: EnterpriseFilter = {}) {
    super();
  }
}

/** LIKE treats % and _ as wildcards; a name containing them is matched literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@QueryHandler(ListEnterprisesQuery)
export class ListEnterprisesHandler implements IQueryHandler<ListEnterprisesQuery> {
  constructor(@InjectRepository(EnterpriseRow) private readonly rows: Repository<EnterpriseRow>) {}

  async execute({ filter }: ListEnterprisesQuery): Promise<EnterprisePage> {
    // The DTO refuses out-of-range values with a 400; clamping here protects every other caller.
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 20), 1), MAX_PAGE_SIZE);
    const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
    const query = this.rows.createQueryBuilder('e');
    if (filter.nameContains) query.andWhere('e.name ILIKE :name', { name: `%${likeLiteral(filter.nameContains)}%` });
    if (filter.park) query.andWhere('e.park = :park', { park: filter.park });
    if (filter.industry) query.andWhere('e.industry = :industry', { industry: filter.industry });
    // USCC breaks ties between equal names, so pages never overlap or skip.
    const [rows, total] = await pageWithTotal(query.orderBy('e.name', 'ASC').addOrderBy('e.uscc', 'ASC'), { limit, offset });
    return { items: rows.map(toEnterpriseView), total, limit, offset };
  }
}
