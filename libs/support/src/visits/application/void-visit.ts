import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, type CommandContext } from '@app/platform';
import { ProblemEventTypes, problemStreamId } from '../../problems/domain/problem.events';
import { visitDecider } from '../domain/visit.decider';
import { visitStreamId, type VisitEvent } from '../domain/visit.events';

/**
 * A visit logged twice by mistake is voided with a reason: a correction, so from the instant it is recorded the
 * visit counts in no period (knownAt before that instant still shows it). Its problems must not count on silently.
 */
export class VoidVisit {
  constructor(
    readonly visitId: string,
    readonly reason: string,
    readonly on: string,
    readonly context: CommandContext,
  ) {}
}

/** Merged and withdrawn are the ends after which a problem is out of every count (收集问题数). */
const OUT_OF_COUNT: readonly string[] = [ProblemEventTypes.Merged, ProblemEventTypes.Withdrawn];

@CommandHandler(VoidVisit)
export class VoidVisitHandler implements ICommandHandler<VoidVisit, { visitId: string; version: number; position: number | null }> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ visitId, reason, on, context }: VoidVisit) {
    const countedProblemIds = await this.countedProblems(visitId);
    const result = await this.runner.run(visitStreamId(visitId), visitDecider, { type: 'VoidVisit', reason, on, countedProblemIds }, context);
    return { visitId, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }

  /** From the log, not the read model: a problem merged a moment ago is out already. */
  private async countedProblems(visitId: string): Promise<string[]> {
    const events = (await this.store.readStream(visitStreamId(visitId))) as unknown as VisitEvent[];
    const state = events.reduce(visitDecider.evolve, visitDecider.initialState());
    const counted: string[] = [];
    for (const problemId of state.problemIds) {
      const history = await this.store.readStream(problemStreamId(problemId));
      if (!history.some((e) => OUT_OF_COUNT.includes(e.type))) counted.push(problemId);
    }
    return counted;
  }
}
