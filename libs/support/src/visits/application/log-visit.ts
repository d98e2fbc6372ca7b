import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_DB, type Sql } from '@app/event-store';
import { AppConfig, CommandGroupRunner, newId, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import { recentDuplicateVisit, VisitPossibleDuplicate } from './recent-duplicate-visit';
import { enterpriseRequired } from '../../shared/enterprise-exists';
import { registerProblemCommand, type NewProblem } from '../../problems/application/register-problem';
import { problemDecider } from '../../problems/domain/problem.decider';
import { problemStreamId } from '../../problems/domain/problem.events';
import { visitDecider } from '../domain/visit.decider';
import { visitStreamId, type VisitForm } from '../domain/visit.events';

export interface NewVisit {
  enterpriseUscc: string;
  visitedOn: string;
  caseworkerIds: string[];
  form: VisitForm;
  notes: string;
  problems: Omit<NewProblem, 'enterpriseUscc' | 'raisedOn' | 'source'>[];
  /** The caseworker says this is a second visit, not a retry of one logged minutes ago. */
  confirmSecondVisit?: boolean;
}

export class LogVisit {
  constructor(
    readonly visit: NewVisit,
    readonly context: CommandContext & { actor: AuthUser },
  ) {}
}

export interface LogVisitResult {
  visitId: string;
  problemIds: string[];
  position: number | null;
}

/**
 * Logs a visit and registers the problems raised in it, each on its own stream, as one fact: every
 * command is decided first and the visit commits with all its problems in one transaction, or nothing
 * is written. Ids derive from the request's Idempotency-Key, so a retry appends nothing a second time. A retry
 * without a key (a phone that lost the answer and sent the form again) is caught by its likeness to a visit logged
 * minutes ago — same enterprise, date and a caseworker in common — and refused (VISIT_POSSIBLE_DUPLICATE, naming
 * it) unless the caseworker confirms a second visit.
 */
@CommandHandler(LogVisit)
export class LogVisitHandler implements ICommandHandler<LogVisit, LogVisitResult> {
  constructor(
    private readonly runner: CommandGroupRunner,
    @Inject(EVENT_DB) private readonly db: Sql,
    private readonly config: AppConfig,
  ) {}

  async execute({ visit, context }: LogVisit): Promise<LogVisitResult> {
    const visitId = newId(context.idempotencyKey, 'visit');
    const problemIds = visit.problems.map((_, i) => newId(context.idempotencyKey, `visit-problem-${i}`));
    const window = this.config.visitDuplicateWindowMinutes;
    if (!visit.confirmSecondVisit && window > 0) {
      const duplicate = await recentDuplicateVisit(this.db, visit, visitId, window);
      if (duplicate) throw new VisitPossibleDuplicate(duplicate);
    }
    const { problems, confirmSecondVisit: _confirmed, ...rest } = visit;
    const results = await this.runner.run(
      [
        { streamId: visitStreamId(visitId), decider: visitDecider, command: { type: 'LogVisit', visitId, ...rest, problemIds, today: todayInShanghai() } },
        ...problems.map((problem, i) => ({
          streamId: problemStreamId(problemIds[i]),
          decider: problemDecider,
          command: registerProblemCommand(
            { ...problem, enterpriseUscc: visit.enterpriseUscc, raisedOn: visit.visitedOn, source: 'visit' },
            context.actor,
            visitId,
            problemIds[i],
          ),
        })),
      ],
      context,
      { requires: [enterpriseRequired(visit.enterpriseUscc)], newStreams: true },
    );
    const positions = results.flatMap((r) => (r.append ? [r.append.lastGlobalPosition] : []));
    return { visitId, problemIds, position: positions.length > 0 ? Math.max(...positions) : null };
  }
}
