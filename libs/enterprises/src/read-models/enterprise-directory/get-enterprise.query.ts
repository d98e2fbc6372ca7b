import { InjectRepository } from '@nestjs/typeorm';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Repository } from 'typeorm';
import { EnterpriseNotFoundError } from '../../domain/enterprise.errors';
import { EnterpriseRow, toEnterpriseView, type EnterpriseView } from './enterprise-directory.row';

export class GetEnterpriseQuery extends Query<EnterpriseView> {
  constructor(readonly uscc: string) {
    super();
  }
}

@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery> {
  constructor(@InjectRepository(EnterpriseRow) private readonly rows: Repository<EnterpriseRow>) {}

  async execute({ uscc }: GetEnterpriseQuery): Promise<EnterpriseView> {
    const row = await this.rows.findOneBy({ uscc });
    // Same error as the decider's, so an unknown USCC is one 404 whether read or written.
    if (!row) throw new EnterpriseNotFoundError(uscc);
    return toEnterpriseView(row);
  }
}
