import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, newId, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import { assertEnterpriseRegistered } from '../../shared/enterprise-exists';
import { RegisterProblem, type NewProblem } from '../../problems/application/register-problem';
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
 * Logs a visit and registers the problems raised in it, each on its own stream. Ids derive from the
 * request's Idempotency-Key, so a retry after a crash half-way finishes the rest and duplicates nothing.
 */
@CommandHandler(LogVisit)
export class LogVisitHandler implements ICommandHandler<LogVisit, LogVisitResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ visit, context }: LogVisit): Promise<LogVisitResult> {
    await assertEnterpriseRegistered(this.store, visit.enterpriseUscc);
    const visitId = newId(context.idempotencyKey, 'visit');
    const problemIds = visit.problems.map((_, i) => newId(context.idempotencyKey, `visit-problem-${i}`));
    const { problems, ...rest } = visit;
    const logged = await this.runner.run(visitStreamId(visitId), visitDecider, { type: 'LogVisit', visitId, ...rest, problemIds, today: todayInShanghai() }, context);
    let position = logged.append?.lastGlobalPosition ?? null;
    for (const [i, problem] of problems.entries()) {
      const registered = await this.commands.execute(
        new RegisterProblem(
          { ...problem, enterpriseUscc: visit.enterpriseUscc, raisedOn: visit.visitedOn, source: 'visit' },
          context,
          visitId,
          problemIds[i],
        ),
      );
      position = registered.position ?? position;
    }
    return { visitId, problemIds, position };
  }
}
