import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProblemNotFound } from '../domain/problem.errors';
import { ProblemDetailsRow, type ProblemHistoryEntry } from '../read-models/problem-details/problem-details.row';
import { ProblemFactRow } from '../read-models/problem-facts/problem-fact.row';
import { markCorrectedSystemNotes } from './corrected-system-notes';

export class GetProblem {
  constructor(
    readonly problemId: string,
    /** Set for unit handlers: a problem not assigned to this unit does not exist for them (404). */
    readonly visibleToUnit?: string | null,
  ) {}
}

export type ProblemDetails = ProblemDetailsRow & { history: ProblemHistoryEntry[] };

@QueryHandler(GetProblem)
export class GetProblemHandler implements IQueryHandler<GetProblem, ProblemDetails> {
  constructor(
    @InjectRepository(ProblemDetailsRow) private readonly problems: Repository<ProblemDetailsRow>,
    @InjectRepository(ProblemFactRow) private readonly facts: Repository<ProblemFactRow>,
  ) {}

  async execute({ problemId, visibleToUnit }: GetProblem): Promise<ProblemDetails> {
    const row = await this.problems.findOneBy({ problemId });
    const visible =
      row && (visibleToUnit === undefined || (visibleToUnit !== null && [row.leadUnitId, ...row.coUnitIds].includes(visibleToUnit)));
    if (!visible) throw new ProblemNotFound(problemId);
    // The history is the problem's own rows of problem_facts, in stream order (its primary key's order), up to the
    // version the row shows: both read models are written by their own projections, and the page must not show a
    // step the status does not know yet.
    const facts = await this.facts
      .createQueryBuilder('f')
      .where('f.problem_id = :problemId AND f.stream_position <= :version', { problemId, version: row.version })
      .orderBy('f.stream_position', 'ASC')
      .getMany();
    const history = markCorrectedSystemNotes(
      facts.map((f) => ({
        type: f.type,
        on: f.onDate,
        recordedAt: f.recordedAt.toISOString(),
        actorId: f.actorId,
        summary: f.data,
      })),
    );
    return { ...row, history };
  }
}
