import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, todayInShanghai, type CommandContext } from '@app/platform';
import type { SubsidyCommand } from '../domain/subsidy.commands';
import { subsidyDecider } from '../domain/subsidy.decider';
import { subsidyStreamId } from '../domain/subsidy.events';
import type { SubsidyCommandResult } from './subsidy-command-result';

/** Every step after opening: review, 公示, disbursement, recovery. */
export type SubsidyStep = Exclude<SubsidyCommand, { type: 'MatchSubsidy' | 'ApplyForSubsidy' }>;

export class ExecuteSubsidyCommand {
  constructor(
    readonly caseId: string,
    readonly step: SubsidyStep,
    readonly context: CommandContext,
  ) {}
}

/** The one handler for a case's later steps: the rules live in subsidyDecider. */
@CommandHandler(ExecuteSubsidyCommand)
export class ExecuteSubsidyCommandHandler implements ICommandHandler<ExecuteSubsidyCommand, SubsidyCommandResult> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caseId, step, context }: ExecuteSubsidyCommand): Promise<SubsidyCommandResult> {
    const result = await this.runner.run(subsidyStreamId(caseId), subsidyDecider, { ...step, today: todayInShanghai() }, context);
    return { caseId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
