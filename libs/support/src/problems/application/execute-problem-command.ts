import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import { problemStreamId, type ProblemEvent } from '../domain/problem.events';
import type { MergeTarget, ProblemCommand } from '../domain/problem.commands';
import { problemDecider } from '../domain/problem.decider';
import { HandlingUnitLookup } from '../../handling-units/application/handling-unit-lookup';
import { WorkingCalendar } from '../../working-calendar/read-model/working-calendar.service';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What a caller asks for: a lifecycle command without what the handler supplies — the actor, the
 * business date, and the working-day calendar where a deadline is computed.
 */
export type ProblemRequest = DistributiveOmit<
  Exclude<ProblemCommand, { type: 'RegisterProblem' }>,
  'actor' | 'on' | 'problemId' | 'deadlineAfter' | 'unitStanding' | 'target'
>;

export class ExecuteProblemCommand {
  constructor(
    readonly problemId: string,
    readonly request: ProblemRequest,
    /** The business date of the act. */
    readonly on: string,
    readonly context: CommandContext & { actor: AuthUser },
    readonly expectedVersion?: number,
  ) {}
}

export interface ProblemCommandResult {
  problemId: string;
  status: string;
  version: number;
  /** Log position of the last event appended (null when nothing changed): pass as ?position= to read it back. */
  position: number | null;
}

/** The one application handler for every step of a problem's lifecycle: the rules live in problemDecider. */
@CommandHandler(ExecuteProblemCommand)
export class ExecuteProblemCommandHandler implements ICommandHandler<ExecuteProblemCommand, ProblemCommandResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly calendar: WorkingCalendar,
    private readonly units: HandlingUnitLookup,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ problemId, request, on, context, expectedVersion }: ExecuteProblemCommand): Promise<ProblemCommandResult> {
    const { id: userId, role, unitId } = context.actor;
    const base = { actor: { userId, role, unitId }, on, problemId, today: todayInShanghai() };
    let command: ProblemCommand;
    if (request.type === 'MergeProblem') {
      // A duplicate leaves every count for its target's: the decider needs the target as its own stream says it is now.
      command = { ...base, ...request, target: await this.mergeTarget(request.intoProblemId) };
    } else if (request.type === 'AssignProblem') {
      const [calculator, standings] = await Promise.all([this.calendar.snapshot(), this.units.standings([request.leadUnitId, ...request.coUnitIds])]);
      const deadlineAfter = (from: string, days: number) => calculator.addWorkingDays(from, days);
      command = { ...base, ...request, deadlineAfter, unitStanding: (id) => standings.get(id) ?? 'unknown' };
    } else if (request.type === 'ApproveExtension' || request.type === 'RecordFollowUp') {
      const calculator = await this.calendar.snapshot();
      command = { ...base, ...request, deadlineAfter: (from, days) => calculator.addWorkingDays(from, days) };
    } else {
      command = { ...base, ...request };
    }
    const result = await this.runner.run(problemStreamId(problemId), problemDecider, command, context, { expectedVersion });
    return { problemId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }

  private async mergeTarget(problemId: string): Promise<MergeTarget> {
    const stored = await this.store.readStream(problemStreamId(problemId));
    const state = stored.reduce(
      (s, e) => problemDecider.evolve(s, { type: e.type, data: e.data, schemaVersion: e.schemaVersion, businessTime: e.businessTime } as ProblemEvent),
      problemDecider.initialState(),
    );
    return { problemId, status: state.status, enterpriseUscc: state.enterpriseUscc };
  }
}
