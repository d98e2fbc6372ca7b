import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, newId, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import type { ProblemCategory, ProblemSource } from '../domain/problem.events';
import type { ProblemCommand } from '../domain/problem.commands';
import { problemStreamId } from '../domain/problem.events';
import { problemDecider } from '../domain/problem.decider';
import { enterpriseRequired } from '../../shared/enterprise-exists';
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

/** The RegisterProblem command for the decider; LogVisit builds the same one for each problem of a visit. */
export function registerProblemCommand(
  problem: NewProblem,
  actor: AuthUser,
  visitId: string | null,
  problemId: string,
): Extract<ProblemCommand, { type: 'RegisterProblem' }> {
  const { id: userId, role, unitId } = actor;
  const { raisedOn, ...rest } = problem;
  return { type: 'RegisterProblem', problemId, visitId, ...rest, actor: { userId, role, unitId }, on: raisedOn, today: todayInShanghai() };
}

@CommandHandler(RegisterProblem)
export class RegisterProblemHandler implements ICommandHandler<RegisterProblem, ProblemCommandResult> {
  constructor(
    private readonly runner: CommandRunner,
  ) {}

  async execute({ problem, context, visitId, problemId: given }: RegisterProblem): Promise<ProblemCommandResult> {
    const problemId = given ?? newId(context.idempotencyKey, 'problem');
    const command = registerProblemCommand(problem, context.actor, visitId, problemId);
    const result = await this.runner.run(problemStreamId(problemId), problemDecider, command, context, {
      requires: [enterpriseRequired(problem.enterpriseUscc)],
      // A problem id the caller gave (the demo's plan) may name a stream that exists; a minted one is new.
      newStream: given === undefined,
    });
    return { problemId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
