import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProblemNotFound } from '../domain/problem.errors';
import { ProblemDetailsRow } from '../read-models/problem-details/problem-details.row';

export class GetProblem {
  constructor(
    readonly problemId: string,
    /** Set for unit handlers: a problem not assigned to this unit does not exist for them (404). */
    readonly visibleToUnit?: string | null,
  ) {}
}

@QueryHandler(GetProblem)
export class GetProblemHandler implements IQueryHandler<GetProblem, ProblemDetailsRow> {
  constructor(@InjectRepository(ProblemDetailsRow) private readonly problems: Repository<ProblemDetailsRow>) {}

  async execute({ problemId, visibleToUnit }: GetProblem): Promise<ProblemDetailsRow> {
    const row = await this.problems.findOneBy({ problemId });
    const visible =
      row && (visibleToUnit === undefined || (visibleToUnit !== null && [row.leadUnitId, ...row.coUnitIds].includes(visibleToUnit)));
    if (!visible) throw new ProblemNotFound(problemId);
    return row;
  }
}
