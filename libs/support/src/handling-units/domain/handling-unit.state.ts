import type { Level } from '../../problems/domain/problem.events';
import type { HandlingUnitEvent } from './handling-unit.events';

/** One unit's stream folded; null before its registration. */
export type HandlingUnitState = {
  unitId: string;
  name: string;
  level: Level;
  parentId: string | null;
  active: boolean;
} | null;

export function evolveHandlingUnit(state: HandlingUnitState, event: HandlingUnitEvent): HandlingUnitState {
  if (event.type === 'HandlingUnitRegistered') {
    const { unitId, name, level, parentId } = event.data;
    return { unitId, name, level, parentId, active: true };
  }
  if (state === null) return state; // not reachable in a valid stream; evolve never throws
  switch (event.type) {
    case 'HandlingUnitRenamed':
      return { ...state, name: event.data.to };
    case 'HandlingUnitLevelChanged':
      return { ...state, level: event.data.to };
    case 'HandlingUnitMoved':
      return { ...state, parentId: event.data.toParentId };
    case 'HandlingUnitDeactivated':
      return { ...state, active: false };
    case 'HandlingUnitReactivated':
      return { ...state, active: true };
    default:
      return state;
  }
}
