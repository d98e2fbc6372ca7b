import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '@app/platform';
import type { Level } from '../../problems/domain/problem.events';
import type { HandlingUnitCommand } from '../domain/handling-unit.commands';
import { handlingUnitDecider } from '../domain/handling-unit.decider';
import { handlingUnitStreamId } from '../domain/handling-unit.events';
import { HandlingUnitLookup } from './handling-unit-lookup';

/** What an administrator asks for; the handler adds what it looks up (the proposed parent). */
export type HandlingUnitRequest =
  | { type: 'RegisterHandlingUnit'; name: string; level: Level; parentId: string | null }
  | { type: 'ChangeHandlingUnit'; name?: string; level?: Level; parentId?: string | null }
  | { type: 'DeactivateHandlingUnit'; reason: string | null }
  | { type: 'ReactivateHandlingUnit' };

export interface HandlingUnitCommandResult {
  unitId: string;
  active: boolean;
  /** The unit stream's version afterwards. */
  version: number;
  /** Log position of the last event appended (null when nothing changed): pass as ?position= to read it back. */
  position: number | null;
}

export class ExecuteHandlingUnitCommand extends Command<HandlingUnitCommandResult> {
  constructor(
    readonly unitId: string,
    readonly request: HandlingUnitRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** The one handler for every change to a unit: the rules live in handlingUnitDecider. */
@CommandHandler(ExecuteHandlingUnitCommand)
export class ExecuteHandlingUnitCommandHandler implements ICommandHandler<ExecuteHandlingUnitCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly units: HandlingUnitLookup,
  ) {}

  async execute({ unitId, request, context, expectedVersion }: ExecuteHandlingUnitCommand): Promise<HandlingUnitCommandResult> {
    const parentId = 'parentId' in request ? request.parentId : undefined;
    const parent = parentId ? await this.units.parent(parentId) : null;
    const command = { ...request, unitId, parent } as HandlingUnitCommand;
    const result = await this.runner.run(handlingUnitStreamId(unitId), handlingUnitDecider, command, context, { expectedVersion });
    return { unitId, active: result.state?.active ?? false, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
