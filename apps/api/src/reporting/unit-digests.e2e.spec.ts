import { DataSource } from 'typeorm';
import type { TestUser } from '../../../../test/support/auth';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';
import { testDatabaseKinds } from '../../../../test/support/test-database';

/*
 * 每日提醒 of Thursday 2024-09-05 (no holiday near: Mon 09-02 … Fri 09-06 all worked), set up over HTTP.
 *  drc: R3 assigned 08-26 +5 → 09-02, accepted: 3 working days overdue (03 04 05).
 *       R1 assigned 08-28 +5 → 09-04, accepted: 1 working day overdue.
 *       Y  assigned 09-02 +10, accepted, extension of 5 asked 09-04: yellow.
 *       B  assigned 08-30 +5 → 09-06, accepted: blue, 1 working day left.
 *       D  assigned 09-02 +20, accepted: no colour, not listed.
 *  hr:  E  assigned 08-29 +5 → 09-05, never accepted: yellow (late 签收), 5 working days waiting → escalated.
 *       Y2 assigned 09-03 +5 → 09-10, never accepted: yellow, 2 working days → not escalated (N = 3).
 *  tax: T  assigned 08-26, returned 08-30, not assigned again: 4 working days → escalated; tax has no digest lines.
 */
const DATE = '2024-09-05';

describe.each(testDatabaseKinds())('daily unit digest (每日提醒) over HTTP on %s', (kind) => {
  // Without Redis the admin trigger runs the job body here (the JobRunner a BullMQ processor calls) and answers its result.
  const savedRedisUrl = process.env.REDIS_URL;
  beforeAll(() => delete process.env.REDIS_URL);
  afterAll(() => {
    if (savedRedisUrl !== undefined) process.env.REDIS_URL = savedRedisUrl;
  });
  // A digest is only made on its own day (it reads the problems as they stand): the suite runs late that evening, and
  // its retry just after midnight. Only Date is faked, advancing with real time; timers and ticks stay real (embedded
  // PGlite takes its clock from it too). The tokens issued at the start (15 minutes) stay valid over those four.
  beforeAll(() =>
    jest.useFakeTimers({
      now: new Date(`${DATE}T23:58:00+08:00`),
      advanceTimers: true,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    }),
  );
  afterAll(() => jest.useRealTimers());
  const w = useSupportWorld(kind);
  const p: Record<string, string> = {};
  let position = 0;
  const runJob = (period: string) => w.http().post('/api/v1/admin/jobs/run').set('Authorization', w.users.admin.auth).send({ job: 'unit-digest', period });
  const digest = (path: string, user: TestUser) => w.http().get(`/api/v1/digests/units/${path}`).query(position ? { position } : {}).set('Authorization', user.auth);
  const digestEvents = async () =>
    (await w.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'unit-digest-%'`))[0].n as number;

  beforeAll(async () => {
    const { caseworker, drc, tax } = w.users;
    const a = await w.registerEnterprise();
    const titles = ['R3', 'R1', 'Y', 'B', 'D', 'E', 'Y2', 'T'];
    const ids: string[] = (await w.logVisit(visitBody(a, '2024-08-26', [caseworker.id], titles.map((title) => ({ title, category: '融资' })))).expect(201)).body.problemIds;
    titles.forEach((t, i) => (p[t] = ids[i]));
    const step = async (id: string, action: string, on: string, user: TestUser, body: object = {}) => w.step(p[id], action, { on, ...body }, user).expect(200);
    const assign = (id: string, on: string, unit: string, workingDays: number) =>
      step(id, 'assign', on, caseworker, { leadUnitId: unit, coUnitIds: [], level: 'district', workingDays });
    await assign('R3', '2024-08-26', UNITS.drc, 5);
    await step('R3', 'accept', '2024-08-27', drc);
    await assign('R1', '2024-08-28', UNITS.drc, 5);
    await step('R1', 'accept', '2024-08-29', drc);
    await assign('Y', '2024-09-02', UNITS.drc, 10);
    await step('Y', 'accept', '2024-09-03', drc);
    await step('Y', 'extension-request', '2024-09-04', drc, { workingDays: 5, reason: '需要补充材料' });
    await assign('B', '2024-08-30', UNITS.drc, 5);
    await step('B', 'accept', '2024-09-02', drc);
    await assign('D', '2024-09-02', UNITS.drc, 20);
    await step('D', 'accept', '2024-09-02', drc);
    await assign('E', '2024-08-29', UNITS.hr, 5);
    await assign('Y2', '2024-09-03', UNITS.hr, 5);
    await assign('T', '2024-08-26', UNITS.tax, 5);
    await step('T', 'return', '2024-08-30', tax, { reason: '不属于本单位职责' });
  });

  it('the job run for a date lists each unit’s red, yellow and blue problems, most delayed first, with the reason', async () => {
    const run = await runJob(DATE).expect(201);
    expect(run.body).toMatchObject({ mode: 'in-process', jobId: `unit-digest:default:${DATE}`, result: { generated: true, units: 2, escalated: 2 } });
    position = run.body.result.position;

    const drc = (await digest(`${UNITS.drc}/${DATE}`, w.users.drc).expect(200)).body;
    expect(drc).toMatchObject({ date: DATE, unitId: UNITS.drc, escalation: [], rules: { blueWithinWorkingDays: 2, acceptanceLimitWorkingDays: 1, escalateAfterWorkingDays: 3 } });
    expect(drc.lines.map((l: { problemId: string; colour: string; reason: string }) => [l.problemId, l.colour, l.reason])).toEqual([
      [p.R3, 'red', '已超期3个工作日'],
      [p.R1, 'red', '已超期1个工作日'],
      [p.Y, 'yellow', '申请延期5个工作日，待审批'],
      [p.B, 'blue', '1个工作日内到期'],
    ]);
    expect(drc.lines[0]).toMatchObject({ title: 'R3', deadline: '2024-09-02', enterpriseName: expect.stringMatching(/^测试企业/) });
    // The cut is the problems read model's checkpoint, and its instant is recorded beside the business date.
    expect(drc.cut.globalPosition).toBeGreaterThan(0);
    expect(drc.cut.knownAt).toEqual(expect.any(String));
    expect(drc.generatedAt > drc.cut.knownAt).toBe(true);

    const hr = (await digest(`${UNITS.hr}/${DATE}`, w.users.hr).expect(200)).body;
    expect(hr.lines.map((l: { problemId: string; reason: string }) => [l.problemId, l.reason])).toEqual([
      [p.E, '交办后5个工作日未签收'],
      [p.Y2, '交办后2个工作日未签收'],
    ]);
    // A unit with nothing coloured has an empty digest for the date, not an error.
    expect((await digest(`${UNITS.tax}/${DATE}`, w.users.tax).expect(200)).body.lines).toEqual([]);
  });

  it('problems no unit has taken for 3 working days go to the managers’ digest, the longest waiting first', async () => {
    const managers = (await digest(`managers/${DATE}`, w.users.manager).expect(200)).body;
    expect(managers.lines).toEqual([]);
    expect(managers.escalation.map((l: { problemId: string; unitId: string | null; reason: string }) => [l.problemId, l.unitId, l.reason])).toEqual([
      [p.E, UNITS.hr, '交办后5个工作日无单位签收'],
      [p.T, null, '退回后4个工作日未重新交办'],
    ]);
    expect((await digest(`managers/${DATE}`, w.users.caseworker).expect(200)).body.escalation).toHaveLength(2);
    expect((await digest(`${UNITS.drc}/${DATE}`, w.users.admin).expect(200)).body.lines).toHaveLength(4);
  });

  it('running the job again for the same date appends nothing, even after the problems changed', async () => {
    expect(await digestEvents()).toBe(1);
    await w.step(p.B, 'resolve', { on: DATE, outcome: 'solved', summary: '已办结' }, w.users.drc).expect(200);
    // Run again after midnight (a retry): the digest made on its day stands, nothing is refused.
    jest.setSystemTime(new Date('2024-09-06T00:02:00+08:00'));
    const again = await runJob(DATE).expect(201);
    expect(again.body.result).toMatchObject({ generated: false, position: null });
    expect(await digestEvents()).toBe(1);
    expect((await digest(`${UNITS.drc}/${DATE}`, w.users.drc).expect(200)).body.lines).toHaveLength(4);
  });

  it('lists the dates with a digest, newest first, with the unit’s number of lines', async () => {
    const dates = (await digest(UNITS.drc, w.users.drc).expect(200)).body;
    expect(dates).toEqual({ items: [{ date: DATE, lines: 4 }], total: 1 });
    expect((await digest('managers', w.users.manager).expect(200)).body.items).toEqual([{ date: DATE, lines: 2 }]);
    await digest(`${UNITS.drc}?limit=101`, w.users.drc).expect(400);
  });

  it('a unit handler reads only its own unit’s digest; no token is 401', async () => {
    const other = await digest(`${UNITS.hr}/${DATE}`, w.users.drc).expect(403);
    expect(other.body).toMatchObject({ error: 'NOT_YOUR_UNIT', field: 'unitId' });
    await digest(`managers/${DATE}`, w.users.drc).expect(403);
    await digest(UNITS.hr, w.users.drc).expect(403);
    await w.http().get(`/api/v1/digests/units/${UNITS.drc}/${DATE}`).expect(401);
  });

  it('a malformed date or unit id is 400 naming the field; an unknown unit or a date without digest is 404', async () => {
    for (const bad of ['2024-9-05', '2024-02-30', 'today']) {
      const res = await digest(`${UNITS.drc}/${bad}`, w.users.manager).expect(400);
      expect(res.body.errors).toEqual([{ field: 'date', messages: [expect.stringContaining('YYYY-MM-DD')] }]);
    }
    expect((await digest(`unit%20drc/${DATE}`, w.users.manager).expect(400)).body.errors[0].field).toBe('unitId');
    await digest(`unit-nowhere/${DATE}`, w.users.manager).expect(404);
    await digest(`${UNITS.drc}/2024-09-04`, w.users.manager).expect(404);
  });

  it('refuses a digest for a day not yet begun, and one for a day gone by that was never made', async () => {
    for (const date of ['2099-01-05', '2024-09-04']) {
      const res = await runJob(date).expect(422);
      expect(res.body).toMatchObject({ error: 'DIGEST_DATE_NOT_TODAY' });
    }
    expect(await digestEvents()).toBe(1);
  });
});
