import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SubsidyPolicyItemRow } from './subsidy-policy-item.row';

export class ListPolicyItems {
  constructor(readonly policyYear?: number) {}
}

@QueryHandler(ListPolicyItems)
export class ListPolicyItemsHandler implements IQueryHandler<ListPolicyItems, { items: SubsidyPolicyItemRow[] }> {
  constructor(@InjectRepository(SubsidyPolicyItemRow) private readonly items: Repository<SubsidyPolicyItemRow>) {}

  async execute({ policyYear }: ListPolicyItems) {
    const items = await this.items.find({
      where: policyYear === undefined ? {} : { policyYear },
      order: { policyYear: 'DESC', name: 'ASC', policyItemId: 'ASC' },
    });
    return { items };
  }
}
