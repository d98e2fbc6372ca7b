import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandGroupRunner, newId, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import { assertEnterpriseRegistered } from '../../shared/enterprise-exists';
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
 * is written. Ids derive from the request's Idempotency-Key, so a retry appends nothing a second time.
 */
@CommandHandler(LogVisit)
export class LogVisitHandler implements ICommandHandler<LogVisit, LogVisitResult> {
  constructor(
    private readonly runner: CommandGroupRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ visit, context }: LogVisit): Promise<LogVisitResult> {
    await assertEnterpriseRegistered(this.store, visit.enterpriseUscc);
    const visitId = newId(context.idempotencyKey, 'visit');
    const problemIds = visit.problems.map((_, i) => newId(context.idempotencyKey, `visit-problem-${i}`));
    const { problems, ...rest } = visit;
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
    );
    const positions = results.flatMap((r) => (r.append ? [r.append.lastGlobalPosition] : []));
    return { visitId, problemIds, position: positions.length > 0 ? Math.max(...positions) : null };
  }
}
