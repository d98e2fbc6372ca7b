import { pageWithTotal } from '@app/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { VisitRow } from '../read-models/visit.row';

export interface VisitListFilter {
  enterpriseUscc?: string;
  caseworkerId?: string;
  from?: string;
  to?: string;
  includeVoided: boolean;
  limit: number;
  offset: number;
}

export class ListVisits {
  constructor(readonly filter: VisitListFilter) {}
}

@QueryHandler(ListVisits)
export class ListVisitsHandler implements IQueryHandler<ListVisits, { items: VisitRow[]; total: number }> {
  constructor(@InjectRepository(VisitRow) private readonly visits: Repository<VisitRow>) {}

  async execute({ filter: f }: ListVisits) {
    const q = this.visits.createQueryBuilder('v');
    if (f.enterpriseUscc) q.andWhere('v.enterprise_uscc = :uscc', { uscc: f.enterpriseUscc });
    if (f.caseworkerId) q.andWhere('jsonb_exists(v.caseworker_ids, :cw)', { cw: f.caseworkerId });
    if (f.from) q.andWhere('v.visited_on >= :from', { from: f.from });
    if (f.to) q.andWhere('v.visited_on <= :to', { to: f.to });
    if (!f.includeVoided) q.andWhere('v.voided_on IS NULL');
    const [items, total] = await pageWithTotal(q.orderBy('v.visited_on', 'DESC').addOrderBy('v.visit_id'), f);
    return { items, total };
  }
}
