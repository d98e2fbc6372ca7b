import { pageWithTotal } from '@app/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProblemDetailsRow } from '../read-models/problem-details/problem-details.row';
import { applyProblemFilter, type ProblemFilter } from './problem-filter';

export interface ProblemListFilter extends ProblemFilter {
  /** 'registered' (newest first, the default) or 'deadline' (soonest first, none last: a unit's inbox). */
  sort?: 'registered' | 'deadline';
  limit: number;
  offset: number;
}

export class ListProblems {
  constructor(readonly filter: ProblemListFilter) {}
}

export type ProblemSummary = Omit<ProblemDetailsRow, 'description'>;

@QueryHandler(ListProblems)
export class ListProblemsHandler implements IQueryHandler<ListProblems, { items: ProblemSummary[]; total: number }> {
  constructor(@InjectRepository(ProblemDetailsRow) private readonly problems: Repository<ProblemDetailsRow>) {}

  async execute({ filter: f }: ListProblems) {
    // Only the columns a list row shows: every one but the description (a page need not carry its free texts).
    const listed = this.problems.metadata.columns.map((c) => c.propertyName).filter((name) => name !== 'description');
    const q = this.problems.createQueryBuilder('p').select(listed.map((name) => `p.${name}`));
    applyProblemFilter(q, f);
    if (f.sort === 'deadline') q.orderBy('p.deadline', 'ASC', 'NULLS LAST').addOrderBy('p.registered_on', 'ASC');
    else q.orderBy('p.registered_on', 'DESC');
    const [items, total] = await pageWithTotal(q.addOrderBy('p.problem_id'), f);
    return { items: items as ProblemSummary[], total };
  }
}
