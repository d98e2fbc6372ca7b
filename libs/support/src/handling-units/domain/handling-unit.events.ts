/*
 * Stored event schema of the handling-unit stream (`handling-unit-<unitId>`). Version it, never edit it:
 * a changed payload is a new schemaVersion plus an upcaster.
 *
 * The unit id is the code problems and unit handlers have always carried (e.g. 'district-drc'): it is
 * fixed at registration and never changes, so every ProblemAssigned and every user row written before
 * the registry existed still names a unit by the same string. Name, level and parent may change.
 */
import type { DomainEvent } from '@app/event-store';
import type { Level } from '../../problems/domain/problem.events';

export const HandlingUnitEventType = {
  Registered: 'HandlingUnitRegistered',
  Renamed: 'HandlingUnitRenamed',
  LevelChanged: 'HandlingUnitLevelChanged',
  Moved: 'HandlingUnitMoved',
  Deactivated: 'HandlingUnitDeactivated',
  Reactivated: 'HandlingUnitReactivated',
} as const;

type E<K extends keyof typeof HandlingUnitEventType, D> = DomainEvent<(typeof HandlingUnitEventType)[K], D & { unitId: string }>;

export type HandlingUnitRegistered = E<'Registered', { name: string; level: Level; parentId: string | null }>;
export type HandlingUnitRenamed = E<'Renamed', { from: string; to: string }>;
export type HandlingUnitLevelChanged = E<'LevelChanged', { from: Level; to: Level }>;
/** parentId null: the unit stands on its own (no parent unit). */
export type HandlingUnitMoved = E<'Moved', { fromParentId: string | null; toParentId: string | null }>;
export type HandlingUnitDeactivated = E<'Deactivated', { reason: string | null }>;
export type HandlingUnitReactivated = E<'Reactivated', Record<never, never>>;

export type HandlingUnitEvent =
  | HandlingUnitRegistered
  | HandlingUnitRenamed
  | HandlingUnitLevelChanged
  | HandlingUnitMoved
  | HandlingUnitDeactivated
  | HandlingUnitReactivated;

export const HANDLING_UNIT_EVENT_TYPES: readonly string[] = Object.values(HandlingUnitEventType);

export function handlingUnitStreamId(unitId: string): string {
  return `handling-unit-${unitId}`;
}
