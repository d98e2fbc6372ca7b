import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandGroupRunner, CommandRunner, todayInShanghai, type AuthUser, type CommandContext } from '@app/platform';
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
  // TakeInDuplicate is the target's half of a merge: only MergeProblem issues it.
  Exclude<ProblemCommand, { type: 'RegisterProblem' | 'TakeInDuplicate' }>,
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
    private readonly groupRunner: CommandGroupRunner,
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
      return this.merge(command, context, expectedVersion);
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

  /**
   * Both halves of a merge in one atomic append, each at the version its stream was decided at: two merges racing
   * over the same pair (A→B and B→A) write the same two streams, so one loses, is re-decided, and finds the other
   * merged. The target's half re-checks the rules against the target's stream as read inside that attempt.
   */
  private async merge(
    command: Extract<ProblemCommand, { type: 'MergeProblem' }>,
    context: ExecuteProblemCommand['context'],
    expectedVersion: number | undefined,
  ): Promise<ProblemCommandResult> {
    const problemId = command.problemId!;
    // The caller's If-Match covers the duplicate's stream, and is checked against the version the group appends at.
    const source = { streamId: problemStreamId(problemId), decider: problemDecider, command, expectedVersion };
    if (command.intoProblemId === problemId || command.target.status === 'none') {
      // Refused by the duplicate's own rules (into itself, or nothing to merge into): no target stream to take part.
      const result = await this.runner.run(source.streamId, problemDecider, command, context, { expectedVersion });
      return { problemId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
    }
    // An enterprise never changes on a problem: read apart from the append, it cannot go stale.
    const duplicate = await this.mergeTarget(problemId);
    const takeIn: ProblemCommand = {
      type: 'TakeInDuplicate', actor: command.actor, on: command.on, today: command.today, problemId: command.intoProblemId,
      duplicateProblemId: problemId, duplicateEnterpriseUscc: duplicate.enterpriseUscc ?? '',
    };
    const [result] = await this.groupRunner.run([source, { streamId: problemStreamId(command.intoProblemId), decider: problemDecider, command: takeIn }], context);
    const state = result.state as { status: string };
    return { problemId, status: state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
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
