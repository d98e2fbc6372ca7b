import { pageWithTotal } from '@app/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SubsidyCaseNotFound } from '../domain/subsidy.errors';
import { SubsidyCaseRow } from '../read-models/subsidy-case.row';
import { SubsidyPaymentRow } from '../read-models/subsidy-payment.row';

export interface SubsidyCaseFilter {
  enterpriseUscc?: string;
  policyItemId?: string;
  policyYear?: number;
  status?: string;
  limit: number;
  offset: number;
}

export class ListSubsidyCases {
  constructor(readonly filter: SubsidyCaseFilter) {}
}

export class GetSubsidyCase {
  constructor(readonly caseId: string) {}
}

@QueryHandler(ListSubsidyCases)
export class ListSubsidyCasesHandler implements IQueryHandler<ListSubsidyCases, { items: SubsidyCaseRow[]; total: number }> {
  constructor(@InjectRepository(SubsidyCaseRow) private readonly cases: Repository<SubsidyCaseRow>) {}

  async execute({ filter: f }: ListSubsidyCases) {
    const q = this.cases.createQueryBuilder('c');
    if (f.enterpriseUscc) q.andWhere('c.enterprise_uscc = :uscc', { uscc: f.enterpriseUscc });
    if (f.policyItemId) q.andWhere('c.policy_item_id = :item', { item: f.policyItemId });
    if (f.policyYear !== undefined) q.andWhere('c.policy_year = :year', { year: f.policyYear });
    if (f.status) q.andWhere('c.status = :status', { status: f.status });
    const [items, total] = await pageWithTotal(q.orderBy('c.opened_on', 'DESC').addOrderBy('c.case_id'), f);
    return { items, total };
  }
}

/** A case with every payment and recovery behind its totals. */
@QueryHandler(GetSubsidyCase)
export class GetSubsidyCaseHandler implements IQueryHandler<GetSubsidyCase, SubsidyCaseRow & { payments: SubsidyPaymentRow[] }> {
  constructor(
    @InjectRepository(SubsidyCaseRow) private readonly cases: Repository<SubsidyCaseRow>,
    @InjectRepository(SubsidyPaymentRow) private readonly payments: Repository<SubsidyPaymentRow>,
  ) {}

  async execute({ caseId }: GetSubsidyCase) {
    const row = await this.cases.findOneBy({ caseId });
    if (!row) throw new SubsidyCaseNotFound(caseId);
    const payments = await this.payments.find({ where: { caseId }, order: { businessDate: 'ASC', paymentId: 'ASC' } });
    return { ...row, payments };
  }
}
