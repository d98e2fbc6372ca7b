import type { DataSource } from 'typeorm';
import { LOG_START, UpcasterRegistry, applyBatch, rebuildProjection } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { EnterpriseTimelineProjection } from './enterprise-timeline.projection';
import { GetEnterpriseTimelineHandler, GetEnterpriseTimelineQuery } from './get-enterprise-timeline.query';

const USCC = '91350100M000100Y43';
const OTHER = '91110108551385082Q';
const THIRD = '91330106MA2H0T0X1C';

describe.each(testDatabaseKinds())('enterprise timeline on %s', (kind) => {
  let db: TestDatabase;
  const projection = new EnterpriseTimelineProjection();
  const rows = () =>
    db.sql.query<{ uscc: string; type: string; on_date: string }>(
      `SELECT uscc, type, on_date::text AS on_date FROM enterprise_timeline ORDER BY global_position`,
    );

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(() => projectionSpec(db.sql, projection).reset());

  it('collects events about an enterprise from every stream that names it, in a later batch too', async () => {
    const registered = storedEvent(`enterprise-${USCC}`, 1, 'EnterpriseRegistered', { uscc: USCC, name: '甲公司' });
    const visit = storedEvent('visit-v1', 1, 'VisitLogged', { enterpriseUscc: USCC }, { businessTime: '2024-06-14T16:00:00.000Z' });
    const problem = storedEvent('problem-p1', 1, 'ProblemRegistered', { enterpriseUscc: USCC });
    const calendar = storedEvent('calendar-2024', 1, 'CalendarYearLoaded', { year: 2024 });
    const otherVisit = storedEvent('visit-v2', 1, 'VisitLogged', { enterpriseUscc: OTHER });
    await projectionSpec(db.sql, projection).given([registered, visit, problem, calendar, otherVisit]);
    // A later event of the problem stream carries no USCC: it inherits the stream's.
    const resolved = storedEvent('problem-p1', 2, 'ProblemResolved', { outcome: 'solved' });
    const voided = storedEvent('visit-v1', 2, 'VisitVoided', { reason: '重复' });
    await projectionSpec(db.sql, projection).given([resolved, voided], [resolved]);

    const result = await rows();
    expect(result.filter((r) => r.uscc === USCC).map((r) => r.type)).toEqual([
      'EnterpriseRegistered',
      'VisitLogged',
      'ProblemRegistered',
      'ProblemResolved',
      'VisitVoided',
    ]);
    expect(result.find((r) => r.type === 'VisitLogged' && r.uscc === USCC)?.on_date).toBe('2024-06-15'); // Shanghai day
    expect(result.filter((r) => r.uscc === OTHER)).toHaveLength(1);
    expect(result.some((r) => r.type === 'CalendarYearLoaded')).toBe(false);
  });

  it('a rebuild from the log gives the same rows', async () => {
    const store = db.store();
    await store.append(`enterprise-${USCC}`, [{ type: 'EnterpriseRegistered', data: { uscc: USCC, name: '甲公司' } }]);
    await store.append('problem-p9', [{ type: 'ProblemRegistered', data: { enterpriseUscc: USCC } }]);
    await store.append('problem-p9', [{ type: 'ProblemClosed', data: {} }]);
    const { events } = await store.readAll({ limit: 100 });
    await applyBatch(db.sql, projection, { readAfter: LOG_START, events });
    const live = await rows();
    await db.sql.query('DELETE FROM enterprise_timeline');
    await rebuildProjection(db.sql, projection, { batchSize: 2 });
    expect(await rows()).toEqual(live);
    expect(live.map((r) => r.type)).toEqual(['EnterpriseRegistered', 'ProblemRegistered', 'ProblemClosed']);
  });

  it('answers the latest events, oldest first, with the total; each event’s data read from the log and upcast', async () => {
    const store = db.store(); // the log is not reset between tests: an enterprise of its own
    for (const [n, day] of ['2024-03-05', '2024-01-10', '2024-02-20', '2024-04-01', '2024-02-20'].entries()) {
      await store.append(`visit-t${n}`, [{ type: 'VisitLogged', schemaVersion: 1, data: { enterpriseUscc: THIRD, note: `n${n}` }, businessTime: `${day}T02:00:00.000Z` }]);
    }
    await store.append('visit-other', [{ type: 'VisitLogged', data: { enterpriseUscc: OTHER } }]);
    const { events } = await store.readAll({ limit: 100 });
    await applyBatch(db.sql, projection, { readAfter: LOG_START, events });
    // Version 1 visits had `note`; today's shape calls it `summary`: the timeline shows today's shape.
    const upcasters = new UpcasterRegistry([{ type: 'VisitLogged', fromVersion: 1, upcast: ({ note, ...rest }) => ({ ...rest, summary: note }) }]);
    const handler = new GetEnterpriseTimelineHandler(db.dataSource as DataSource, upcasters);

    const page = await handler.execute(new GetEnterpriseTimelineQuery(THIRD, 3));
    expect(page.total).toBe(5);
    // The three latest by business date (2024-04-01, 03-05 and the later-logged of the two 02-20s), oldest first.
    expect(page.items.map((i) => [i.on, i.data.summary])).toEqual([['2024-02-20', 'n4'], ['2024-03-05', 'n0'], ['2024-04-01', 'n3']]);
    expect(page.items.every((i) => i.streamId.startsWith('visit-t') && !('note' in i.data))).toBe(true);
    expect(await handler.execute(new GetEnterpriseTimelineQuery('91110000000000000X', 3))).toEqual({ items: [], total: 0 });
  });
});
