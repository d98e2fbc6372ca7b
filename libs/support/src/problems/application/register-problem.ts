import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, newId, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import type { ProblemCategory, ProblemSource } from '../domain/problem.events';
import { problemStreamId } from '../domain/problem.events';
import { problemDecider } from '../domain/problem.decider';
import { assertEnterpriseRegistered } from '../../shared/enterprise-exists';
import type { ProblemCommandResult } from './execute-problem-command';

export interface NewProblem {
  enterpriseUscc: string;
  title: string;
  description: string;
  category: ProblemCategory;
  source: ProblemSource;
  raisedOn: string;
}

/** A problem from a hotline, a letter or online; problems raised in a visit come with LogVisit. */
export class RegisterProblem {
  constructor(
    readonly problem: NewProblem,
    readonly context: CommandContext & { actor: AuthUser },
    readonly visitId: string | null = null,
    /** Given when the caller fixed the id already (a visit lists its problems' ids). */
    readonly problemId?: string,
  ) {}
}

@CommandHandler(RegisterProblem)
export class RegisterProblemHandler implements ICommandHandler<RegisterProblem, ProblemCommandResult> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ problem, context, visitId, problemId: given }: RegisterProblem): Promise<ProblemCommandResult> {
    await assertEnterpriseRegistered(this.store, problem.enterpriseUscc);
    const problemId = given ?? newId(context.idempotencyKey, 'problem');
    const { id: userId, role, unitId } = context.actor;
    const { raisedOn, ...rest } = problem;
    const result = await this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      { type: 'RegisterProblem', problemId, visitId, ...rest, actor: { userId, role, unitId }, on: raisedOn, today: todayInShanghai() },
      context,
    );
    return { problemId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
