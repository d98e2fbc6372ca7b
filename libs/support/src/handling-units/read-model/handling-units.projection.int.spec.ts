import { rebuildProjection, type NewEvent } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { handlingUnitStreamId, type HandlingUnitEvent } from '../domain/handling-unit.events';
import { HandlingUnitsProjection } from './handling-units.projection';

const projection = new HandlingUnitsProjection();
const at = (minute: number) => new Date(`2024-07-01T08:${String(minute).padStart(2, '0')}:00Z`);

const registered = (unitId: string, name: string, parentId: string | null = null): HandlingUnitEvent => ({
  type: 'HandlingUnitRegistered', data: { unitId, name, level: 'district', parentId },
});
const renamed = (unitId: string, from: string, to: string): HandlingUnitEvent => ({ type: 'HandlingUnitRenamed', data: { unitId, from, to } });
const moved = (unitId: string, toParentId: string | null): HandlingUnitEvent => ({ type: 'HandlingUnitMoved', data: { unitId, fromParentId: null, toParentId } });
const deactivated = (unitId: string): HandlingUnitEvent => ({ type: 'HandlingUnitDeactivated', data: { unitId, reason: null } });
const stored = (event: HandlingUnitEvent, streamPosition: number, minute = streamPosition) =>
  storedEvent(handlingUnitStreamId(event.data.unitId), streamPosition, event.type, event.data, { recordedAt: at(minute) });

describe.each(testDatabaseKinds())('handling_units on %s', (kind) => {
  let db: TestDatabase;
  const spec = () => projectionSpec(db.sql, projection);
  const rows = () =>
    db.sql.query<Record<string, unknown>>(
      `SELECT unit_id, name, level, parent_id, active, version, registered_at::text AS registered_at, updated_at::text AS updated_at
       FROM handling_units ORDER BY unit_id`,
    );

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(() => spec().reset());

  it('a unit is one row that follows its events; a duplicate delivery changes nothing', async () => {
    // Built in log order: a delivery never goes back before the checkpoint.
    const first = stored(registered('district-drc', '区发改局'), 1);
    const city = stored(registered('city-x', '市某局'), 1);
    const rename = stored(renamed('district-drc', '区发改局', '区发展和改革局'), 2);
    await spec().given([first, city], [first, rename], [rename]);
    await spec().given([stored(moved('district-drc', 'city-x'), 3), stored(deactivated('district-drc'), 4)]);

    const [cityRow, drc] = await rows();
    expect(cityRow).toMatchObject({ unit_id: 'city-x', active: true, version: 1 });
    expect(drc).toMatchObject({ unit_id: 'district-drc', name: '区发展和改革局', level: 'district', parent_id: 'city-x', active: false, version: 4 });
    // Registered when first recorded, updated at the last event's recording: from the events, not the clock.
    expect(new Date(drc.registered_at as string).toISOString()).toBe(at(1).toISOString());
    expect(new Date(drc.updated_at as string).toISOString()).toBe(at(4).toISOString());
  });

  it('a rebuild from the log gives the same rows', async () => {
    const store = db.store();
    const append = (event: HandlingUnitEvent) => store.append(handlingUnitStreamId(event.data.unitId), [event as NewEvent]);
    await append(registered('city-x', '市某局'));
    await append(registered('district-drc', '区发改局', 'city-x'));
    await append(renamed('district-drc', '区发改局', '区发展和改革局'));
    await append(deactivated('city-x'));
    await append(moved('district-drc', null));
    const { events } = await store.readAll();
    await spec().given(events);
    const live = await rows();
    expect(live.map((r) => [r.unit_id, r.name, r.parent_id, r.active])).toEqual([
      ['city-x', '市某局', null, false],
      ['district-drc', '区发展和改革局', null, true],
    ]);

    await db.sql.query(`INSERT INTO handling_units VALUES ('stray', 'stray', 'city', NULL, true, 9, now(), now())`);
    await rebuildProjection(db.sql, projection, { batchSize: 2 });
    expect(await rows()).toEqual(live);
  });
});
