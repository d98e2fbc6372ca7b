import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
import { problemStreamId } from '../domain/problem.events';
import type { ProblemCommand } from '../domain/problem.commands';
import { problemDecider } from '../domain/problem.decider';
import { InvalidProblemChange } from '../domain/problem.errors';
import { HandlingUnitLookup } from '../../handling-units/application/handling-unit-lookup';
import { WorkingCalendar } from '../../working-calendar/read-model/working-calendar.service';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What a caller asks for: a lifecycle command without what the handler supplies — the actor, the
 * business date, and the working-day calendar where a deadline is computed.
 */
export type ProblemRequest = DistributiveOmit<
  Exclude<ProblemCommand, { type: 'RegisterProblem' }>,
  'actor' | 'on' | 'problemId' | 'deadlineAfter' | 'unitStanding'
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
    // A duplicate leaves every count; merged into a problem that does not exist, it would vanish from them.
    if (request.type === 'MergeProblem' && (await this.store.streamVersion(problemStreamId(request.intoProblemId))) === 0) {
      throw new InvalidProblemChange(`No problem ${request.intoProblemId} to merge into`, { field: 'intoProblemId' });
    }
    let command: ProblemCommand;
    if (request.type === 'AssignProblem') {
      const [calculator, standings] = await Promise.all([this.calendar.snapshot(), this.units.standings([request.leadUnitId, ...request.coUnitIds])]);
      const deadlineAfter = (from: string, days: number) => calculator.addWorkingDays(from, days);
      command = { ...base, ...request, deadlineAfter, unitStanding: (id) => standings.get(id) ?? 'unknown' };
    } else if (request.type === 'ApproveExtension') {
      const calculator = await this.calendar.snapshot();
      command = { ...base, ...request, deadlineAfter: (from, days) => calculator.addWorkingDays(from, days) };
    } else {
      command = { ...base, ...request };
    }
    const result = await this.runner.run(problemStreamId(problemId), problemDecider, command, context, { expectedVersion });
    return { problemId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
