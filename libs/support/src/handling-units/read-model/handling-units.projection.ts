import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import type { Level } from '../../problems/domain/problem.events';
import { HANDLING_UNIT_EVENT_TYPES, type HandlingUnitEvent } from '../domain/handling-unit.events';
import { evolveHandlingUnit } from '../domain/handling-unit.state';

/** The `handling_units` table as JSON (timestamps as ISO strings), the shape RowProjection folds. */
export type HandlingUnitJsonRow = {
  unit_id: string;
  name: string;
  level: Level;
  parent_id: string | null;
  active: boolean;
  version: number;
  registered_at: string;
  updated_at: string;
};

/** Pure: the row after one event, by the same evolve the decider folds. Times come from the event. */
export function evolveHandlingUnitRow(row: HandlingUnitJsonRow | null, stored: StoredEvent): HandlingUnitJsonRow | null {
  const event = { type: stored.type, data: stored.data } as HandlingUnitEvent;
  const before = row === null ? null : { unitId: row.unit_id, name: row.name, level: row.level, parentId: row.parent_id, active: row.active };
  const after = evolveHandlingUnit(before, event);
  if (after === null) return row;
  const recordedAt = stored.recordedAt.toISOString();
  return {
    unit_id: after.unitId,
    name: after.name,
    level: after.level,
    parent_id: after.parentId,
    active: after.active,
    version: stored.streamPosition,
    registered_at: row?.registered_at ?? recordedAt,
    updated_at: recordedAt,
  };
}

@Injectable()
@ReadModelProjection()
export class HandlingUnitsProjection extends RowProjection<HandlingUnitJsonRow> {
  constructor() {
    super({
      name: 'handling-units',
      version: 1,
      handles: HANDLING_UNIT_EVENT_TYPES,
      table: 'handling_units',
      keyColumn: 'unit_id',
      columns: {
        unit_id: 'text',
        name: 'text',
        level: 'text',
        parent_id: 'text',
        active: 'boolean',
        version: 'integer',
        registered_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      rowKey: (event) => (event.data as { unitId?: unknown }).unitId as string,
      streamPositionColumn: 'version',
      evolve: evolveHandlingUnitRow,
    });
  }
}
