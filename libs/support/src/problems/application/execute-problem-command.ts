import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type AuthUser, type CommandContext } from '@app/platform';
import type { Level, Outcome, ProblemCategory, Satisfaction } from '../domain/problem.events';
import { problemStreamId } from '../domain/problem.events';
import type { ProblemCommand } from '../domain/problem.commands';
import { problemDecider } from '../domain/problem.decider';
import { WORKING_DAY_CALENDAR, type WorkingDayCalendar } from '../../shared/working-day-calendar.port';

/** What a caller asks for; the handler adds the actor, and the working-day calendar where a deadline is set. */
export type ProblemRequest =
  | { type: 'CategorizeProblem'; category: ProblemCategory }
  | { type: 'AssignProblem'; leadUnitId: string; coUnitIds: string[]; level: Level; workingDays: number }
  | { type: 'AcceptProblem' }
  | { type: 'ReturnProblem'; reason: string }
  | { type: 'ReportProgress'; note: string }
  | { type: 'RequestExtension'; workingDays: number; reason: string }
  | { type: 'ApproveExtension' }
  | { type: 'RejectExtension'; reason: string }
  | { type: 'EscalateProblem'; to: Level; reason: string }
  | { type: 'IssueSupervision'; note: string; automatic?: boolean }
  | { type: 'ResolveProblem'; outcome: Outcome; summary: string }
  | { type: 'RecordFollowUp'; satisfaction: Satisfaction; note: string }
  | { type: 'CloseProblem' }
  | { type: 'MergeProblem'; intoProblemId: string }
  | { type: 'WithdrawProblem'; requestedBy: string; reason: string };

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
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute({ problemId, request, on, context, expectedVersion }: ExecuteProblemCommand): Promise<ProblemCommandResult> {
    const { id: userId, role, unitId } = context.actor;
    const base = { actor: { userId, role, unitId }, on, problemId };
    let command: ProblemCommand;
    if (request.type === 'AssignProblem' || request.type === 'ApproveExtension') {
      const calculator = await this.calendar.calculator();
      command = { ...base, ...request, deadlineAfter: (from, days) => calculator.addWorkingDays(from, days) };
    } else {
      command = { ...base, ...request };
    }
    const result = await this.runner.run(problemStreamId(problemId), problemDecider, command, context, { expectedVersion });
    return { problemId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
