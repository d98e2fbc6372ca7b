import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '@app/platform';
import { demoZoneDecider, type DemoZoneCommand, type DemoZoneState } from './demo-zone.decider';
import { DEMO_ZONE_STREAM } from './demo-zone.events';

/** Starts or completes the demo load on the marker stream. */
export class RecordDemoLoad {
  constructor(
    readonly command: DemoZoneCommand,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordDemoLoad)
export class RecordDemoLoadHandler implements ICommandHandler<RecordDemoLoad, DemoZoneState> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ command, context }: RecordDemoLoad): Promise<DemoZoneState> {
    return (await this.runner.run(DEMO_ZONE_STREAM, demoZoneDecider, command, context)).state;
  }
}
