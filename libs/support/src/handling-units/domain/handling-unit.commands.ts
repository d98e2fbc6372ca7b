import type { Level } from '../../problems/domain/problem.events';

/**
 * What the handler found about a proposed parent unit, from the log: whether it is active and the chain
 * of its own parents (nearest first). 'unknown' when no such unit is registered. Handed in so that decide
 * stays pure and can refuse a loop (a unit under its own descendant).
 */
export type ParentLookup = { unitId: string; active: boolean; ancestors: readonly string[] } | 'unknown';

export type HandlingUnitCommand =
  | { type: 'RegisterHandlingUnit'; unitId: string; name: string; level: Level; parentId: string | null; parent: ParentLookup | null }
  | {
      /** Each field left undefined stays as it is; parentId null detaches the unit from its parent. */
      type: 'ChangeHandlingUnit';
      unitId: string;
      name?: string;
      level?: Level;
      parentId?: string | null;
      parent: ParentLookup | null;
    }
  | { type: 'DeactivateHandlingUnit'; unitId: string; reason: string | null }
  | { type: 'ReactivateHandlingUnit'; unitId: string };
