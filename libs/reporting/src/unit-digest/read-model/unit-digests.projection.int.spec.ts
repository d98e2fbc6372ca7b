import { rebuildProjection, type NewEvent } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { UNIT_DIGEST_SCHEMA_VERSION, UnitDigestEventTypes as T, unitDigestStreamId, type UnitDigestSnapshot } from '../domain/unit-digest.events';
import { UnitDigestsProjection } from './unit-digests.projection';

const projection = new UnitDigestsProjection();

const digestOf = (date: string, title: string): UnitDigestSnapshot => ({
  zone: 'gaoxin',
  date,
  cut: { transactionId: '812', globalPosition: 96, knownAt: `${date}T17:15:00.000000Z` },
  rules: { blueWithinWorkingDays: 2, acceptanceLimitWorkingDays: 1, escalateAfterWorkingDays: 3 },
  units: [
    {
      unitId: 'unit-drc',
      unitName: '区发改局',
      lines: [{ problemId: 'P1', title, enterpriseUscc: 'U1', enterpriseName: '甲公司', deadline: '2024-09-06', colour: 'red', cause: { kind: 'overdue', workingDays: 3 }, reason: '已超期3个工作日' }],
    },
  ],
  escalation: [
    { problemId: 'P2', title: '用地', enterpriseUscc: 'U2', enterpriseName: null, unitId: null, cause: { kind: 'returned_not_reassigned', workingDays: 4, since: '2024-09-05' }, reason: '退回后4个工作日未重新交办' },
  ],
});
const generated = (snapshot: UnitDigestSnapshot) => ({ type: T.Generated, schemaVersion: UNIT_DIGEST_SCHEMA_VERSION, data: snapshot });

describe.each(testDatabaseKinds())('unit_digests on %s', (kind) => {
  let db: TestDatabase;
  const spec = () => projectionSpec(db.sql, projection);
  const rows = () =>
    db.sql.query<Record<string, unknown>>(
      `SELECT digest_id, digest_date::text AS digest_date, units, escalation, cut_position::int AS cut_position, event_position::int AS event_position
       FROM unit_digests ORDER BY digest_id`,
    );

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(() => spec().reset());

  it('one row per date; a redelivered event, or a second one on the stream, leaves the first digest as it was', async () => {
    const stream = unitDigestStreamId('gaoxin', '2024-09-11');
    const first = storedEvent(stream, 1, T.Generated, digestOf('2024-09-11', '融资难'), { schemaVersion: UNIT_DIGEST_SCHEMA_VERSION });
    // The decider never appends a second one; if a hand-made one appeared, the digest that was sent still stands.
    const second = storedEvent(stream, 2, T.Generated, digestOf('2024-09-11', '改过的标题'), { schemaVersion: UNIT_DIGEST_SCHEMA_VERSION });
    await spec().given([first], [first], [first, second]);

    const [row] = await rows();
    expect(await rows()).toHaveLength(1);
    expect(row).toMatchObject({ digest_id: stream, digest_date: '2024-09-11', cut_position: 96, event_position: first.globalPosition });
    expect((row.units as UnitDigestSnapshot['units'])[0].lines[0].title).toBe('融资难');
    expect((row.escalation as UnitDigestSnapshot['escalation'])[0].reason).toBe('退回后4个工作日未重新交办');
  });

  it('a rebuild from the log gives the same rows, and drops a row no event stands behind', async () => {
    const store = db.store();
    for (const [date, title] of [['2024-09-10', '甲'], ['2024-09-11', '乙']]) {
      await store.append(unitDigestStreamId('gaoxin', date), [generated(digestOf(date, title)) as NewEvent]);
    }
    const { events } = await store.readAll();
    await spec().given(events);
    const live = await rows();
    expect(live.map((r) => r.digest_date)).toEqual(['2024-09-10', '2024-09-11']);

    await db.sql.query(`DELETE FROM unit_digests WHERE digest_date = '2024-09-10'`);
    await db.sql.query(
      `INSERT INTO unit_digests (digest_id, zone, digest_date, units, escalation, rules, cut_transaction_id, cut_position, event_position, generated_at)
       VALUES ('unit-digest-stray', 'gaoxin', '2024-09-12', '[]', '[]', '{}', 0, 0, 0, now())`,
    );
    await rebuildProjection(db.sql, projection, { batchSize: 1 });
    expect(await rows()).toEqual(live);
  });
});
