import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteHandlingUnitCommand, type Level } from '@app/support';

const SETUP = { actor: { id: 'test-setup' }, correlationId: 'test-setup' };

/**
 * Registers handling units straight through the command bus (what POST /admin/units does), so a spec can
 * assign to them. Registering a unit again with the same content changes nothing.
 */
export async function registerUnits(app: INestApplication, units: readonly (string | { id: string; name?: string; level?: Level; parentId?: string })[]): Promise<void> {
  const bus = app.get(CommandBus);
  for (const unit of units) {
    const { id, name = `单位 ${typeof unit === 'string' ? unit : unit.id}`, level = 'district', parentId = null } = typeof unit === 'string' ? { id: unit } : unit;
    await bus.execute(new ExecuteHandlingUnitCommand(id, { type: 'RegisterHandlingUnit', name, level, parentId }, SETUP));
  }
}
