import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

const SMART = '智能制造产业园';
const BIO = '生物医药产业园';

/*
 * Visits of March/April 2024 (logged now, late: each belongs to its visit date):
 *   VA  A 03-04 [cw1]        VB  A 03-12 [cw1, cw2]    VC  B 03-20 [cw2]
 *   VE  D 03-25 [cw1]  — logged by mistake, voided after the others are logged (a correction: from that instant on)
 *   VF  B 03-31 [cw2]  (last day of the period)        VG  C 04-01 [cw1]  (first day after it)
 * A and B are in the 智能制造产业园, C and D in the 生物医药产业园.
 */
describe.each(testDatabaseKinds())('visit metrics (走访家次, 走访企业数) on %s', (kind) => {
  const w = useSupportWorld(kind);
  let position = 0;
  let beforeVoid: unknown;
  /** Just before / at the instant the void of VE was recorded (recorded_at, not a business date). */
  let justBeforeVoid = '';
  let voidRecordedAt = '';

  const metrics = async (query: Record<string, string>) =>
    (await w.http().get('/api/v1/metrics/visits').query({ ...query, position }).set('Authorization', w.users.manager.auth).expect(200)).body;
  const march = { from: '2024-03-01', to: '2024-03-31' };

  beforeAll(async () => {
    const { caseworker: cw1, caseworker2: cw2 } = w.users;
    const [a, b, c, d] = [await w.registerEnterprise(SMART), await w.registerEnterprise(SMART), await w.registerEnterprise(BIO), await w.registerEnterprise(BIO)];
    const log = async (uscc: string, on: string, caseworkers: string[]) => {
      const res = await w.logVisit(visitBody(uscc, on, caseworkers)).expect(201);
      position = res.body.position;
      return res.body.visitId as string;
    };
    await log(a, '2024-03-04', [cw1.id]);
    await log(a, '2024-03-12', [cw1.id, cw2.id]);
    await log(b, '2024-03-20', [cw2.id]);
    const mistaken = await log(d, '2024-03-25', [cw1.id]);
    await log(b, '2024-03-31', [cw2.id]);
    await log(c, '2024-04-01', [cw1.id]);
    beforeVoid = (await metrics(march)).total;
    const voided = await w.http().post(`/api/v1/visits/${mistaken}/void`).set('Authorization', cw1.auth).send({ reason: '误录' }).expect(200);
    position = voided.body.position;
    const [{ recorded_at }] = await w.api.app
      .get(DataSource)
      .query(`SELECT recorded_at FROM es_events WHERE stream_id = $1 AND type = 'VisitVoided'`, [`visit-${mistaken}`]);
    voidRecordedAt = (recorded_at as Date).toISOString();
    justBeforeVoid = new Date((recorded_at as Date).getTime() - 1).toISOString();
  });

  it('counts every visit (家次) and, separately, the distinct enterprises; a voided visit no longer counts', async () => {
    // Before the void, March: VA VB VC VE VF = 5 visits, to A B D = 3 enterprises (two visits each to A and B: 家次 counts both).
    expect(beforeVoid).toEqual({ group: 'all', visits: 5, enterprises: 3 });
    // After it, without VE: 4 visits to A and B.
    const after = await metrics(march);
    expect(after).toEqual({ total: { group: 'all', visits: 4, enterprises: 2 }, groups: [] });
  });

  it('a void is a correction: March as of its last day no longer counts VE, whenever the void was recorded', async () => {
    expect((await metrics({ ...march, asOf: '2024-03-31' })).total).toEqual({ group: 'all', visits: 4, enterprises: 2 });
    // Visits dated after the report date are not counted yet: VA and VB only.
    expect((await metrics({ ...march, asOf: '2024-03-15' })).total).toEqual({ group: 'all', visits: 2, enterprises: 1 });
  });

  it('knownAt before the void was recorded reproduces the figure published then (VE counts); from that instant it is gone', async () => {
    expect((await metrics({ ...march, asOf: '2024-03-31', knownAt: justBeforeVoid })).total).toEqual({ group: 'all', visits: 5, enterprises: 3 });
    expect((await metrics({ ...march, asOf: '2024-03-31', knownAt: voidRecordedAt })).total).toEqual({ group: 'all', visits: 4, enterprises: 2 });
    // A visit is known from the instant it was logged: before the first one, nothing.
    expect((await metrics({ ...march, knownAt: '2024-01-01T00:00:00Z' })).total).toEqual({ group: 'all', visits: 0, enterprises: 0 });
  });

  it('refuses a knownAt that is not an instant with an offset, naming the field', async () => {
    const res = await w.http().get('/api/v1/metrics/visits').query({ ...march, knownAt: '2024-07-01' }).set('Authorization', w.users.manager.auth).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
  });

  it('grouped by month, by caseworker and by park', async () => {
    const byMonth = await metrics({ from: '2024-03-01', to: '2024-04-30', groupBy: 'month' });
    expect(byMonth.total).toEqual({ group: 'all', visits: 5, enterprises: 3 });
    expect(byMonth.groups).toEqual([
      { group: '2024-03', visits: 4, enterprises: 2 },
      { group: '2024-04', visits: 1, enterprises: 1 },
    ]);

    // A visit by two caseworkers counts for each of them (VB), so the groups add up to more than the total.
    const byCaseworker = await metrics({ ...march, groupBy: 'caseworker' });
    const { caseworker: cw1, caseworker2: cw2 } = w.users;
    expect(Object.fromEntries(byCaseworker.groups.map((g: { group: string; visits: number; enterprises: number }) => [g.group, [g.visits, g.enterprises]]))).toEqual({
      [cw1.id]: [2, 1], // VA, VB → A
      [cw2.id]: [3, 2], // VB, VC, VF → A, B
    });
    expect(byCaseworker.total.visits).toBe(4);

    const byPark = await metrics({ from: '2024-03-01', to: '2024-04-30', groupBy: 'park' });
    expect(Object.fromEntries(byPark.groups.map((g: { group: string; visits: number; enterprises: number }) => [g.group, [g.visits, g.enterprises]]))).toEqual({
      [SMART]: [4, 2],
      [BIO]: [1, 1], // VG to C; VE (to D) is void
    });
  });

  it('an empty period is zero, not missing', async () => {
    expect(await metrics({ from: '2023-01-01', to: '2023-01-31', groupBy: 'month' })).toEqual({
      total: { group: 'all', visits: 0, enterprises: 0 },
      groups: [],
    });
  });
});
