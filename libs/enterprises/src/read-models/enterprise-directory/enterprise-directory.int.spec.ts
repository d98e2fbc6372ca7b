import { rebuildProjection } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { ENTERPRISE_REGISTERED, enterpriseRegistered, enterpriseRelocated, enterpriseRenamed } from '../../domain/enterprise.events';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { EnterpriseDirectoryProjection } from './enterprise-directory.projection';

const HUAWEI = '914403001922038216';
const XIAOMI = '91110108551385082Q';
const CASEWORKER = { actorId: 'caseworker-7' };

const registered = (uscc: string, name: string) =>
  enterpriseRegistered({
    uscc,
    name,
    address: '科创大道 88 号',
    park: '智能制造产业园',
    industry: '通用设备制造业',
    registeredAt: '2024-05-06T01:00:00.000Z',
  });
const renamed = enterpriseRenamed({ from: '星河精密', to: '星河智能', effectiveOn: '2024-06-15' });
const relocated = enterpriseRelocated({ address: '生物谷路 9 号', park: '生物医药产业园', effectiveOn: '2024-06-20' });

describe.each(testDatabaseKinds())('enterprise directory projection on %s', (kind) => {
  let db: TestDatabase;
  const projection = new EnterpriseDirectoryProjection();
  const spec = () => projectionSpec(db.sql, projection);
  const rows = () => db.sql.query<Record<string, unknown>>('SELECT * FROM enterprises ORDER BY uscc');

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(() => spec().reset());

  it('folds a registration, a rename and a relocation into one row with its history; a duplicate delivery changes nothing', async () => {
    const stream = enterpriseStreamId(HUAWEI);
    const e1 = storedEvent(stream, 1, ENTERPRISE_REGISTERED, registered(HUAWEI, '星河精密').data, { metadata: CASEWORKER });
    const e2 = storedEvent(stream, 2, renamed.type, renamed.data, { metadata: CASEWORKER });
    const e3 = storedEvent(stream, 3, relocated.type, relocated.data, { metadata: {} });
    await spec().given([e1, e2], [e2], [e3], [e1, e2, e3]);

    const [row] = await rows();
    expect(row).toEqual({
      uscc: HUAWEI,
      name: '星河智能',
      address: '生物谷路 9 号',
      park: '生物医药产业园',
      industry: '通用设备制造业',
      registered_at: new Date('2024-05-06T01:00:00.000Z'),
      updated_at: e3.recordedAt,
      version: 3,
      history: [
        {
          change: 'renamed',
          from: '星河精密',
          to: '星河智能',
          effectiveOn: '2024-06-15',
          recordedAt: e2.recordedAt.toISOString(),
          recordedBy: 'caseworker-7',
        },
        {
          change: 'relocated',
          from: { address: '科创大道 88 号', park: '智能制造产业园' },
          to: { address: '生物谷路 9 号', park: '生物医药产业园' },
          effectiveOn: '2024-06-20',
          recordedAt: e3.recordedAt.toISOString(),
          recordedBy: null,
        },
      ],
    });
  });

  it('keeps enterprises apart, and ignores a change to one it never saw registered', async () => {
    await spec().given([
      storedEvent(enterpriseStreamId(HUAWEI), 1, ENTERPRISE_REGISTERED, registered(HUAWEI, '星河精密').data),
      storedEvent(enterpriseStreamId(XIAOMI), 2, renamed.type, renamed.data),
    ]);
    expect((await rows()).map((r) => [r.uscc, r.name, r.version])).toEqual([[HUAWEI, '星河精密', 1]]);
  });

  it('a rebuild from the log gives the same rows', async () => {
    const store = db.store();
    const byCaseworker = <E extends object>(e: E) => ({ ...e, metadata: CASEWORKER });
    await store.append(enterpriseStreamId(HUAWEI), [registered(HUAWEI, '星河精密'), renamed].map(byCaseworker));
    await store.append(enterpriseStreamId(XIAOMI), [registered(XIAOMI, '北辰软件')]);
    await store.append(enterpriseStreamId(HUAWEI), [byCaseworker(relocated)]);
    await store.append('visit-1', [{ type: 'VisitLogged', data: { uscc: HUAWEI } }]);
    const { events } = await store.readAll();
    expect(events).toHaveLength(5);

    await spec().given(events.slice(0, 2), events, events.slice(3));
    const live = await rows();
    expect(live.map((r) => [r.uscc, r.name, r.park, r.version, (r.history as unknown[]).length])).toEqual([
      [XIAOMI, '北辰软件', '智能制造产业园', 1, 0],
      [HUAWEI, '星河智能', '生物医药产业园', 3, 2],
    ]);

    // Spoil the live rows first, so only a real replay from the log can bring them back.
    await db.sql.query(`UPDATE enterprises SET name = 'tampered', history = '[]' WHERE uscc = $1`, [HUAWEI]);
    await db.sql.query('DELETE FROM enterprises WHERE uscc = $1', [XIAOMI]);
    await rebuildProjection(db.sql, projection, { batchSize: 2 });
    expect(await rows()).toEqual(live);
  });
});
