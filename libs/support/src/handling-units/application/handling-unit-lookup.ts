import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { ParentLookup } from '../domain/handling-unit.commands';
import { assertUnitsUsable, type UnitStanding } from '../domain/handling-unit.errors';
import { handlingUnitStreamId, type HandlingUnitEvent } from '../domain/handling-unit.events';
import { MAX_PARENT_DEPTH } from '../domain/handling-unit.rules';
import { evolveHandlingUnit, type HandlingUnitState } from '../domain/handling-unit.state';

/**
 * Units as the log has them, for commands that refer to one. Read from the unit streams, not the read
 * model: a unit registered a moment ago can be assigned at once (the demo and the browser suite do just
 * that), and a deactivation stops new assignments at once.
 */
@Injectable()
export class HandlingUnitLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async unit(unitId: string): Promise<HandlingUnitState> {
    const events = await this.store.readStream(handlingUnitStreamId(unitId));
    return events.reduce<HandlingUnitState>((s, e) => evolveHandlingUnit(s, { type: e.type, data: e.data } as HandlingUnitEvent), null);
  }

  async standings(unitIds: readonly string[]): Promise<Map<string, UnitStanding>> {
    const unique = [...new Set(unitIds)];
    const states = await Promise.all(unique.map((id) => this.unit(id)));
    return new Map(unique.map((id, i) => [id, states[i] === null ? 'unknown' : states[i]!.active ? 'active' : 'inactive']));
  }

  /** Refuses (422, naming the field) the first unit that is not registered or not active. */
  async assertUsable(units: readonly { field: string; unitId: string }[]): Promise<void> {
    const standings = await this.standings(units.map((u) => u.unitId));
    assertUnitsUsable(units, (id) => standings.get(id) ?? 'unknown');
  }

  /** A proposed parent and the chain above it, for the decider's loop check. */
  async parent(parentId: string): Promise<ParentLookup> {
    const parent = await this.unit(parentId);
    if (parent === null) return 'unknown';
    const ancestors: string[] = [];
    let next = parent.parentId;
    while (next !== null && ancestors.length < MAX_PARENT_DEPTH && !ancestors.includes(next)) {
      ancestors.push(next);
      next = (await this.unit(next))?.parentId ?? null;
    }
    return { unitId: parentId, active: parent.active, ancestors };
  }
}
