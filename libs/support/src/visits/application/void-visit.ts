import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '@app/platform';
import { visitDecider } from '../domain/visit.decider';
import { visitStreamId } from '../domain/visit.events';

/** A visit logged twice by mistake is voided with a reason; it then counts in no report dated after the void. */
export class VoidVisit {
  constructor(
    readonly visitId: string,
    readonly reason: string,
    readonly on: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(VoidVisit)
export class VoidVisitHandler implements ICommandHandler<VoidVisit, { visitId: string; version: number; position: number | null }> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ visitId, reason, on, context }: VoidVisit) {
    const result = await this.runner.run(visitStreamId(visitId), visitDecider, { type: 'VoidVisit', reason, on }, context);
    return { visitId, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
