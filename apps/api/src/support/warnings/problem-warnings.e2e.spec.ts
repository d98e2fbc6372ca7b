import { testDatabaseKinds } from '../../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../../test/support/support-fixtures';

/** 三色预警 counted per lead unit, judged on a given day (2024-06-12, a Wednesday after the 端午 holiday 06-10). */
describe.each(testDatabaseKinds())('warning counts per unit on %s', (kind) => {
  const w = useSupportWorld(kind);
  let position = 0;
  let ids: string[] = [];

  beforeAll(async () => {
    const { caseworker, drc, hr } = w.users;
    const uscc = await w.registerEnterprise();
    const titles = ['超期', '未签收', '临近', '延期', '无预警'].map((title) => ({ title, category: '融资' }));
    ids = (await w.logVisit(visitBody(uscc, '2024-06-03', [caseworker.id], titles), caseworker).expect(201)).body.problemIds;
    const assign = (id: string, on: string, unit: string, workingDays: number) =>
      w.step(id, 'assign', { on, leadUnitId: unit, coUnitIds: [], level: 'district', workingDays }, caseworker).expect(200);
    await assign(ids[0], '2024-06-03', UNITS.drc, 3);
    await w.step(ids[0], 'accept', { on: '2024-06-03' }, drc).expect(200);
    await assign(ids[1], '2024-06-06', UNITS.drc, 20);
    await assign(ids[2], '2024-06-11', UNITS.drc, 2);
    await w.step(ids[2], 'accept', { on: '2024-06-11' }, drc).expect(200);
    await assign(ids[3], '2024-06-11', UNITS.hr, 20);
    await w.step(ids[3], 'accept', { on: '2024-06-11' }, hr).expect(200);
    await w.step(ids[3], 'extension-request', { on: '2024-06-11', workingDays: 5, reason: '需要补充材料' }, hr).expect(200);
    await assign(ids[4], '2024-06-11', UNITS.drc, 20);
    position = (await w.step(ids[4], 'accept', { on: '2024-06-11' }, drc).expect(200)).body.position;
  });

  const counts = (query: object, auth: string) =>
    w.http().get('/api/v1/problem-warnings/units').query({ position, ...query }).set('Authorization', auth);

  it('counts red, yellow and blue per lead unit for a manager', async () => {
    const res = await counts({ asOf: '2024-06-12' }, w.users.manager.auth).expect(200);
    expect(res.body).toEqual({
      asOf: '2024-06-12',
      blueWithinWorkingDays: 2,
      acceptanceLimitWorkingDays: 1,
      units: [
        { unitId: UNITS.drc, red: 1, yellow: 1, blue: 1 },
        { unitId: UNITS.hr, red: 0, yellow: 1, blue: 0 },
      ],
    });
  });

  it('gives a unit handler its own unit only, and refuses another unit', async () => {
    const own = await counts({ asOf: '2024-06-12' }, w.users.hr.auth).expect(200);
    expect(own.body.units).toEqual([{ unitId: UNITS.hr, red: 0, yellow: 1, blue: 0 }]);
    const other = await counts({ asOf: '2024-06-12', unit: UNITS.drc }, w.users.hr.auth).expect(403);
    expect(other.body).toMatchObject({ error: 'NOT_YOUR_UNIT', field: 'unit' });
  });

  it('refuses caseworkers and anonymous callers', async () => {
    await counts({}, w.users.caseworker.auth).expect(403);
    await w.http().get('/api/v1/problem-warnings/units').expect(401);
  });

  it('answers bad input with 400 and the field', async () => {
    const res = await counts({ asOf: '2024-02-30', unit: 'no spaces!' }, w.users.manager.auth).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'unit']);
  });

  it('shows the colour on the list and on the problem page (as of today: these 2024 problems are overdue)', async () => {
    const list = await w.http().get('/api/v1/problems').query({ position, status: 'open' }).set('Authorization', w.users.manager.auth).expect(200);
    const byId = new Map(list.body.items.map((p: { problemId: string; warning: string | null }) => [p.problemId, p.warning]));
    expect(ids.map((id) => byId.get(id))).toEqual(['red', 'red', 'red', 'red', 'red']);
    const page = await w.problem(ids[0], w.users.drc, position).expect(200);
    expect(page.body.warning).toBe('red');
  });

  it('lists the problems behind a count: one colour, one lead unit (the same definition as the counts)', async () => {
    const list = (query: object, auth = w.users.manager.auth) => w.http().get('/api/v1/problems').query({ position, limit: 100, ...query }).set('Authorization', auth);
    const mine = (res: { body: { items: { problemId: string; warning: string | null; leadUnitId: string }[] } }) => res.body.items.filter((p) => ids.includes(p.problemId));
    const hrRed = mine(await list({ warning: 'red', leadUnitId: UNITS.hr }).expect(200));
    expect(hrRed.map((p) => p.problemId)).toEqual([ids[3]]);
    const drcRed = mine(await list({ warning: 'red', leadUnitId: UNITS.drc }).expect(200));
    expect(drcRed.map((p) => p.problemId).sort()).toEqual([ids[0], ids[1], ids[2], ids[4]].sort());
    expect(drcRed.every((p) => p.warning === 'red' && p.leadUnitId === UNITS.drc)).toBe(true);
    // Today every open 2024 problem is past its deadline: none is blue.
    expect(mine(await list({ warning: 'blue' }).expect(200))).toEqual([]);
    // A unit handler still sees only its own unit's problems.
    expect(mine(await list({ warning: 'red', leadUnitId: UNITS.drc }, w.users.hr.auth).expect(200))).toEqual([]);
    const bad = await list({ warning: 'green', leadUnitId: 'no spaces!' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['leadUnitId', 'warning']);
  });
});
