import { assertNever, type Decider } from '@app/event-store';
import type { Level } from '../../problems/domain/problem.events';
import type { HandlingUnitCommand, ParentLookup } from './handling-unit.commands';
import { HandlingUnitExists, HandlingUnitInvalid, HandlingUnitNotFound } from './handling-unit.errors';
import { HandlingUnitEventType as T, type HandlingUnitEvent } from './handling-unit.events';
import { MAX_UNIT_NAME_LENGTH, RESERVED_UNIT_IDS } from './handling-unit.rules';
import { evolveHandlingUnit, type HandlingUnitState } from './handling-unit.state';

/**
 * A proposed parent must be registered, active, and not the unit itself or one of its descendants
 * (a loop would leave the tree without a root). The lookup comes from the handler: decide stays pure.
 */
function assertParent(unitId: string, parentId: string | null, parent: ParentLookup | null): void {
  if (parentId === null) return;
  if (parentId === unitId) throw new HandlingUnitInvalid(unitId, 'parentId', 'parentId: a unit cannot be its own parent');
  if (parent === null || parent === 'unknown' || parent.unitId !== parentId) {
    throw new HandlingUnitInvalid(unitId, 'parentId', `parentId: no handling unit ${parentId} is registered`);
  }
  if (parent.ancestors.includes(unitId)) {
    throw new HandlingUnitInvalid(unitId, 'parentId', `parentId: ${parentId} is under ${unitId} already; a unit cannot be placed under its own sub-unit`);
  }
  if (!parent.active) throw new HandlingUnitInvalid(unitId, 'parentId', `parentId: the handling unit ${parentId} is deactivated`);
}

/** The DTO bounds the length; a name of spaces only passes it and is refused here. */
function assertName(unitId: string, name: string | undefined): void {
  if (name !== undefined && (name.length === 0 || name.length > MAX_UNIT_NAME_LENGTH)) {
    throw new HandlingUnitInvalid(unitId, 'name', `name: must be 1-${MAX_UNIT_NAME_LENGTH} characters, not blank`);
  }
}

function changes(state: NonNullable<HandlingUnitState>, name: string | undefined, level: Level | undefined, parentId: string | null | undefined): HandlingUnitEvent[] {
  const { unitId } = state;
  const events: HandlingUnitEvent[] = [];
  if (name !== undefined && name !== state.name) events.push({ type: T.Renamed, data: { unitId, from: state.name, to: name } });
  if (level !== undefined && level !== state.level) events.push({ type: T.LevelChanged, data: { unitId, from: state.level, to: level } });
  if (parentId !== undefined && parentId !== state.parentId) {
    events.push({ type: T.Moved, data: { unitId, fromParentId: state.parentId, toParentId: parentId } });
  }
  return events;
}

export const handlingUnitDecider: Decider<HandlingUnitCommand, HandlingUnitState, HandlingUnitEvent> = {
  initialState: () => null,

  decide(command, state) {
    switch (command.type) {
      case 'RegisterHandlingUnit': {
        const { unitId, level, parentId } = command;
        const name = command.name.trim();
        if (state !== null) {
          // A retried registration of the same unit changes nothing; another unit under a taken code is refused.
          if (state.name === name && state.level === level && state.parentId === parentId) return [];
          throw new HandlingUnitExists(unitId, state.name);
        }
        if (RESERVED_UNIT_IDS.includes(unitId.toLowerCase())) {
          throw new HandlingUnitInvalid(unitId, 'unitId', `unitId: '${unitId}' is reserved (it names the managers' escalation list)`);
        }
        assertName(unitId, name);
        assertParent(unitId, parentId, command.parent);
        return [{ type: T.Registered, data: { unitId, name, level, parentId } }];
      }
      case 'ChangeHandlingUnit': {
        if (state === null) throw new HandlingUnitNotFound(command.unitId);
        const name = command.name?.trim();
        assertName(state.unitId, name);
        if (command.parentId !== undefined && command.parentId !== state.parentId) assertParent(state.unitId, command.parentId, command.parent);
        return changes(state, name, command.level, command.parentId);
      }
      case 'DeactivateHandlingUnit': {
        if (state === null) throw new HandlingUnitNotFound(command.unitId);
        if (!state.active) return [];
        const reason = command.reason?.trim() || null;
        return [{ type: T.Deactivated, data: { unitId: state.unitId, reason } }];
      }
      case 'ReactivateHandlingUnit':
        if (state === null) throw new HandlingUnitNotFound(command.unitId);
        if (state.active) return [];
        return [{ type: T.Reactivated, data: { unitId: state.unitId } }];
      default:
        return assertNever(command, 'handling unit command');
    }
  },

  evolve: evolveHandlingUnit,
};
