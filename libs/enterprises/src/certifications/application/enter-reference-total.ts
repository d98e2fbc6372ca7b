import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '@app/platform';
import { REFERENCE_TOTALS_STREAM, referenceTotalsDecider, type EnterReferenceTotal } from '../domain/reference-totals';

export class EnterReferenceTotalCommand extends Command<{ version: number; position: number | null }> {
  constructor(
    readonly input: Omit<EnterReferenceTotal, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EnterReferenceTotalCommand)
export class EnterReferenceTotalHandler implements ICommandHandler<EnterReferenceTotalCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, context }: EnterReferenceTotalCommand) {
    const result = await this.runner.run(REFERENCE_TOTALS_STREAM, referenceTotalsDecider, { type: 'EnterReferenceTotal', ...input }, context);
    return { version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
