import { DataSource } from 'typeorm';
import type { TestUser } from '../../../../test/support/auth';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/*
 * A small June 2024 cohort, logged late through HTTP with each step's business date in `on`.
 * June 2024 working days: 06-08/09 weekend and Mon 06-10 端午节 off, then weekends 15/16, 22/23, 29/30.
 *
 *  P1 融资 visit 06-03  unit-drc  assigned 06-03 +5 → 06-11 (04 05 06 07, [08 09 10 off], 11); solved 06-07: on time,
 *                                  4 working days; follow-up satisfied 06-12; closed 06-13.
 *  P2 用工 visit 06-03  unit-hr   assigned 06-04 +5 → 06-12 (05 06 07 11 12); solved 06-14: late, 7 working days
 *                                  (05 06 07 11 12 13 14); follow-up basically satisfied 06-17.
 *  P3 政策 hotline 06-05 unit-drc assigned 06-05 +3 → 06-11 (06 07 11); extension +3 approved 06-07 → 06-14 (12 13 14);
 *                                  explained-policy 06-13: on time only thanks to the extension, 5 working days.
 *  P4 用工 visit 06-17  unit-hr   assigned 06-17 +5 → 06-24 (18 19 20 21 24); accepted, progress; still open.
 *  P5 其他→融资 letter 06-06 unit-drc assigned 06-06 +5 → 06-14 (07 11 12 13 14); solved 06-13: on time, 4 working days
 *                                  (07 11 12 13); follow-up unsatisfied 06-25 → reopened (重办) with the original 5 working
 *                                  days again: new deadline 07-02 (26 27 28, 07-01, 07-02).
 *  P6 市场 hotline 06-11, withdrawn 06-12.   P7 用工 visit 06-17 (duplicate of P4), merged 06-18.
 *  P8 审批 hotline 2024-05-31: outside June; only the cumulative scope sees it.
 */
describe.each(testDatabaseKinds())('resolution metrics for a known June 2024 cohort on %s', (kind) => {
  const w = useSupportWorld(kind);
  const p: Record<string, string> = {};
  let position = 0;
  let beforeP5FollowUp = '';

  const metrics = async (query: Record<string, string>) =>
    (await w.http().get('/api/v1/metrics/resolution').query({ ...query, position }).set('Authorization', w.users.manager.auth).expect(200)).body;
  /** The problems counted as collected (the denominator of the rates), through the paged drill-down. */
  const collected = async (query: Record<string, string>, user: TestUser = w.users.manager) =>
    ((await w.http().get('/api/v1/metrics/resolution/problems').query({ ...query, figure: 'collected', limit: '100', position }).set('Authorization', user.auth).expect(200))
      .body.items as { problemId: string }[]).map((i) => i.problemId).sort();
  const step = async (id: string, action: string, on: string, user: TestUser, body: object = {}) => {
    position = (await w.step(p[id], action, { on, ...body }, user).expect(200)).body.position;
  };
  const assign = (id: string, on: string, unit: string, workingDays: number) =>
    step(id, 'assign', on, w.users.caseworker, { leadUnitId: unit, coUnitIds: [], level: 'district', workingDays });
  const register = async (name: string, enterpriseUscc: string, source: string, raisedOn: string, category: string) => {
    const body = { enterpriseUscc, title: `${name} 问题`, description: '热线/来信登记', category, source, raisedOn };
    p[name] = (await w.http().post('/api/v1/problems').set('Authorization', w.users.caseworker.auth).send(body).expect(201)).body.problemId;
  };

  beforeAll(async () => {
    const { caseworker, manager, drc, hr } = w.users;
    const [a, b] = [await w.registerEnterprise(), await w.registerEnterprise()];
    const v1 = await w.logVisit(visitBody(a, '2024-06-03', [caseworker.id], [{ title: 'P1', category: '融资' }, { title: 'P2', category: '用工' }])).expect(201);
    [p.P1, p.P2] = v1.body.problemIds;
    await register('P3', b, 'hotline', '2024-06-05', '政策');
    await register('P5', a, 'letter', '2024-06-06', '其他');
    await register('P6', b, 'hotline', '2024-06-11', '市场');
    await register('P8', a, 'hotline', '2024-05-31', '审批');
    const v2 = await w.logVisit(visitBody(b, '2024-06-17', [caseworker.id], [{ title: 'P4', category: '用工' }, { title: 'P7', category: '用工' }])).expect(201);
    [p.P4, p.P7] = v2.body.problemIds;

    await assign('P1', '2024-06-03', UNITS.drc, 5);
    await step('P1', 'accept', '2024-06-04', drc);
    await step('P1', 'resolve', '2024-06-07', drc, { outcome: 'solved', summary: '贷款已发放' });
    await step('P1', 'follow-up', '2024-06-12', caseworker, { satisfaction: 'satisfied', note: '满意' });
    await step('P1', 'close', '2024-06-13', caseworker);

    await assign('P2', '2024-06-04', UNITS.hr, 5);
    await step('P2', 'accept', '2024-06-05', hr);
    await step('P2', 'resolve', '2024-06-14', hr, { outcome: 'solved', summary: '已推荐技工' });
    await step('P2', 'follow-up', '2024-06-17', caseworker, { satisfaction: 'basically_satisfied', note: '基本满意' });

    await assign('P3', '2024-06-05', UNITS.drc, 3);
    await step('P3', 'accept', '2024-06-06', drc);
    await step('P3', 'extension-request', '2024-06-07', drc, { workingDays: 3, reason: '需会商' });
    await step('P3', 'extension-approval', '2024-06-07', manager);
    await step('P3', 'resolve', '2024-06-13', drc, { outcome: 'explained_policy', summary: '已做政策解释' });

    await step('P5', 'categorize', '2024-06-06', caseworker, { category: '融资' });
    await assign('P5', '2024-06-06', UNITS.drc, 5);
    await step('P5', 'accept', '2024-06-07', drc);
    await step('P5', 'resolve', '2024-06-13', drc, { outcome: 'solved', summary: '已协调' });

    await step('P6', 'withdraw', '2024-06-12', caseworker, { requestedBy: '企业负责人', reason: '已自行解决' });
    await step('P7', 'merge', '2024-06-18', caseworker, { intoProblemId: p.P4 });
    await assign('P4', '2024-06-17', UNITS.hr, 5);
    await step('P4', 'accept', '2024-06-18', hr);
    // P4's progress changes no figure: it is the last event before P5's follow-up (see knownAt below).
    await step('P4', 'progress', '2024-06-19', hr, { note: '材料审核中' });
    await step('P5', 'follow-up', '2024-06-25', caseworker, { satisfaction: 'unsatisfied', note: '仍未解决' });

    // An instant just before P5's follow-up was recorded (recorded_at, not the business date).
    const [{ recorded_at }] = await w.api.app
      .get(DataSource)
      .query(`SELECT recorded_at FROM es_events WHERE stream_id = $1 AND type = 'ProblemFollowedUp'`, [`problem-${p.P5}`]);
    beforeP5FollowUp = new Date((recorded_at as Date).getTime() - 1).toISOString();
  });

  it('each deadline is the hand-computed working-day deadline (the 端午节 Monday is not a working day)', async () => {
    const deadlines: Record<string, string | null> = {};
    for (const name of ['P1', 'P2', 'P3', 'P4', 'P5']) deadlines[name] = (await w.problem(p[name], w.users.manager, position).expect(200)).body.deadline;
    expect(deadlines).toEqual({ P1: '2024-06-11', P2: '2024-06-12', P3: '2024-06-14', P4: '2024-06-24', P5: '2024-07-02' });
  });

  it('June as of 06-28: collected, the rates with numerator and denominator, overdue, median, and the scope', async () => {
    const res = await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28' });
    expect(res.scope).toEqual({ kind: 'period', from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', knownAt: null, unitId: null });
    expect(res.total).toEqual({
      group: 'all',
      collected: 5, // P1–P5; P6 withdrawn, P7 merged, P8 registered in May
      resolutionRate: { numerator: 2, denominator: 5, percent: 40, display: '40.0%' }, // P1, P2 solved; P5 reopened
      conclusionRate: { numerator: 3, denominator: 5, percent: 60, display: '60.0%' }, // + P3 explained-policy
      satisfactionRate: { numerator: 2, denominator: 3, percent: 66.7, display: '66.7%' }, // satisfied P1 + basically P2 of 3
      strictSatisfactionRate: { numerator: 1, denominator: 3, percent: 33.3, display: '33.3%' }, // satisfied only
      onTimeRate: { numerator: 2, denominator: 3, percent: 66.7, display: '66.7%' }, // P1, P3 (extended); P2 late
      overdue: 1, // P4 (06-24); P5 was reopened on 06-25 with a new deadline (07-02)
      medianWorkingDaysToResolve: 5, // P1 4, P3 5, P2 7
    });
    expect(await collected({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28' })).toEqual(['P1', 'P2', 'P3', 'P4', 'P5'].map((n) => p[n]).sort());
    expect(res).not.toHaveProperty('problemIds'); // unbounded at scale: the drill-down pages them
    expect(res.groups).toEqual([]);
    // Past 重办's deadline (07-02) the reopened P5 is overdue again.
    expect((await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-07-03' })).total.overdue).toBe(2);
  });

  it('the same query as of an earlier date gives that date’s figures', async () => {
    // 06-20: P5 not yet reopened (solved 06-13, on time); P4's deadline 06-24 not yet passed.
    const june20 = (await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-20' })).total;
    expect(june20).toMatchObject({
      collected: 5,
      resolutionRate: { numerator: 3, denominator: 5, percent: 60 }, // P1 P2 P5
      conclusionRate: { numerator: 4, denominator: 5, percent: 80 },
      satisfactionRate: { numerator: 2, denominator: 2, percent: 100 }, // P5's follow-up is on 06-25
      onTimeRate: { numerator: 3, denominator: 4, percent: 75 }, // P1 P3 P5
      overdue: 0,
      medianWorkingDaysToResolve: 4.5, // 4, 4, 5, 7
    });
    // 06-11: P6 registered that day and not yet withdrawn counts; P4 and P7 not yet registered.
    const june11 = await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-11' });
    expect(await collected({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-11' })).toEqual(['P1', 'P2', 'P3', 'P5', 'P6'].map((n) => p[n]).sort());
    expect(june11.total).toMatchObject({ collected: 5, resolutionRate: { numerator: 1, denominator: 5, percent: 20 }, overdue: 0 });
  });

  it('knownAt reproduces the figures as they were known before a later recording', async () => {
    const res = await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', knownAt: beforeP5FollowUp });
    expect(res.scope.knownAt).toBe(beforeP5FollowUp);
    expect(res.total).toMatchObject({
      resolutionRate: { numerator: 3, denominator: 5 }, // P5 still solved: its unsatisfied follow-up was not recorded yet
      satisfactionRate: { numerator: 2, denominator: 2 },
      overdue: 1, // P4 only
    });
  });

  it('a figure opens the problems behind it: the hand-identified ones, as many as the number says', async () => {
    const june = { from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28' };
    const behind = async (figure: string, part: string, extra: Record<string, string> = {}) => {
      const res = await w.http().get('/api/v1/metrics/resolution/problems').query({ ...june, figure, part, ...extra, position })
        .set('Authorization', w.users.manager.auth).expect(200);
      expect(res.body.items).toHaveLength(res.body.total); // one page holds them all here
      return (res.body.items as { problemId: string }[]).map((i) => i.problemId).sort();
    };
    const ids = (...names: string[]) => names.map((n) => p[n]).sort();
    expect(await behind('resolutionRate', 'numerator')).toEqual(ids('P1', 'P2'));
    expect(await behind('resolutionRate', 'denominator')).toEqual(ids('P1', 'P2', 'P3', 'P4', 'P5'));
    expect(await behind('conclusionRate', 'numerator')).toEqual(ids('P1', 'P2', 'P3'));
    expect(await behind('onTimeRate', 'numerator')).toEqual(ids('P1', 'P3'));
    expect(await behind('onTimeRate', 'denominator')).toEqual(ids('P1', 'P2', 'P3'));
    expect(await behind('satisfactionRate', 'denominator')).toEqual(ids('P1', 'P2', 'P5'));
    expect(await behind('overdue', 'numerator')).toEqual(ids('P4'));
    expect(await behind('resolutionRate', 'numerator', { groupBy: 'unit', group: UNITS.drc })).toEqual(ids('P1'));
    // A unit handler reads no figures, so it opens none; a bad figure name is a field error.
    await w.http().get('/api/v1/metrics/resolution/problems').query({ ...june, figure: 'resolutionRate' }).set('Authorization', w.users.drc.auth).expect(403);
    const bad = await w.http().get('/api/v1/metrics/resolution/problems').query({ ...june, figure: 'happiness' }).set('Authorization', w.users.manager.auth).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['figure']);
  });

  it('a figure’s records page by cursor in the list’s order, each page counting them all; a bad cursor is a field error', async () => {
    const june = { from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', figure: 'resolutionRate', part: 'denominator' };
    const get = (extra: Record<string, string | number>) =>
      w.http().get('/api/v1/metrics/resolution/problems').query({ ...june, ...extra, position }).set('Authorization', w.users.manager.auth);
    const whole = (await get({ limit: 100 }).expect(200)).body;
    expect(whole.nextCursor).toBeNull();
    const walked: { problemId: string; registeredOn: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = (await get({ limit: 2, ...(cursor ? { cursor } : {}) }).expect(200)).body;
      expect(page.total).toBe(5);
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked.map((i) => i.problemId)).toEqual(whole.items.map((i: { problemId: string }) => i.problemId));
    expect(walked).toHaveLength(5);
    const order = walked.map((i) => `${i.registeredOn}`);
    expect(order).toEqual([...order].sort().reverse()); // newest registration first, as GET /problems
    const second = (await get({ limit: 2, offset: 2 }).expect(200)).body;
    expect(second.items.map((i: { problemId: string }) => i.problemId)).toEqual(walked.slice(2, 4).map((i) => i.problemId));

    for (const [extra, message] of [
      [{ cursor: 'not-a-cursor' }, /nextCursor/],
      [{ cursor: '2024-02-30~abc' }, /nextCursor/],
      [{ cursor: `2024-06-10~${walked[0].problemId}`, offset: 2 }, /leave offset out/],
    ] as const) {
      const bad = await get(extra).expect(400);
      expect(bad.body.errors).toMatchObject([{ field: 'cursor', messages: [expect.stringMatching(message)] }]);
    }
  });

  it('a unit inbox: open problems by deadline, soonest first', async () => {
    const res = await w.http().get('/api/v1/problems').query({ status: 'open', sort: 'deadline', position }).set('Authorization', w.users.hr.auth).expect(200);
    const deadlines = (res.body.items as { deadline: string; status: string; leadUnitId: string }[]);
    expect(deadlines.every((i) => ['assigned', 'accepted', 'in_progress'].includes(i.status) && i.leadUnitId === UNITS.hr)).toBe(true);
    expect(deadlines.map((i) => i.deadline)).toEqual([...deadlines.map((i) => i.deadline)].sort());
    await w.http().get('/api/v1/problems').query({ sort: 'urgency' }).set('Authorization', w.users.hr.auth).expect(400);
  });

  it('grouped by lead unit and by category', async () => {
    const byUnit = await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', groupBy: 'unit' });
    expect(byUnit.groups.map((g: { group: string }) => g.group)).toEqual([UNITS.drc, UNITS.hr]);
    // Each unit group says the unit's name from the registry; other groupings have none.
    expect(byUnit.groups.map((g: { groupName: string | null }) => g.groupName)).toEqual([`单位 ${UNITS.drc}`, `单位 ${UNITS.hr}`]);
    const [drc, hr] = byUnit.groups;
    // unit-drc: P1 solved on time, P3 explained on time, P5 reopened and not yet due (07-02).
    expect(drc).toMatchObject({
      collected: 3,
      resolutionRate: { numerator: 1, denominator: 3, percent: 33.3 },
      conclusionRate: { numerator: 2, denominator: 3, percent: 66.7 },
      satisfactionRate: { numerator: 1, denominator: 2, percent: 50 },
      onTimeRate: { numerator: 2, denominator: 2, percent: 100 },
      overdue: 0,
      medianWorkingDaysToResolve: 4.5, // 4, 5
    });
    // unit-hr: P2 solved late, P4 open and overdue.
    expect(hr).toMatchObject({
      collected: 2,
      resolutionRate: { numerator: 1, denominator: 2, percent: 50 },
      onTimeRate: { numerator: 0, denominator: 1, percent: 0 },
      overdue: 1,
      medianWorkingDaysToResolve: 7,
    });

    const byCategory = await metrics({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', groupBy: 'category' });
    const summary = Object.fromEntries(
      byCategory.groups.map((g: { group: string; collected: number; resolutionRate: { numerator: number }; overdue: number }) => [
        g.group,
        [g.collected, g.resolutionRate.numerator, g.overdue],
      ]),
    );
    // P5 counts under 融资, its category after recategorization; no 其他 group.
    expect(summary).toEqual({ 融资: [2, 1, 0], 用工: [2, 1, 1], 政策: [1, 0, 0] });
    expect(byCategory.groups.every((g: { groupName: string | null }) => g.groupName === null)).toBe(true);
  });

  it("a unit handler reads its own unit's figures, the same as the manager's group for it, and no other unit's", async () => {
    const june = { from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', position: String(position) };
    const get = (user: TestUser, query: Record<string, string>) => w.http().get('/api/v1/metrics/resolution').query({ ...june, ...query }).set('Authorization', user.auth);
    const byUnit = (await get(w.users.manager, { groupBy: 'unit' }).expect(200)).body;
    const own = (await get(w.users.drc, { unit: UNITS.drc }).expect(200)).body;
    expect(own.scope).toMatchObject({ unitId: UNITS.drc });
    const { groupName: _name, ...drcGroup } = byUnit.groups[0];
    expect(own.total).toEqual({ ...drcGroup, group: 'all' });
    expect(own.total.collected).toBe(3);
    // Another unit's, or the zone's (no unit named): refused, naming the field.
    const other = await get(w.users.drc, { unit: UNITS.hr }).expect(403);
    expect(other.body).toMatchObject({ error: 'NOT_YOUR_UNIT', field: 'unit' });
    await get(w.users.drc, {}).expect(403);
    await get(w.users.hr, { unit: UNITS.drc, groupBy: 'unit' }).expect(403);
    // The drill-down too: its own unit's numerator opens its own problems only.
    const behind = await w.http().get('/api/v1/metrics/resolution/problems').query({ ...june, unit: UNITS.drc, figure: 'collected' })
      .set('Authorization', w.users.drc.auth).expect(200);
    expect(behind.body.items).toHaveLength(3);
    expect(behind.body.total).toBe(own.total.collected);
    await w.http().get('/api/v1/metrics/resolution/problems').query({ ...june, unit: UNITS.hr, figure: 'collected' }).set('Authorization', w.users.drc.auth).expect(403);
    // A manager may ask for any one unit; visits stay closed to unit handlers.
    expect((await get(w.users.manager, { unit: UNITS.hr }).expect(200)).body.total.collected).toBe(2);
    await w.http().get('/api/v1/metrics/visits').query({ from: '2024-06-01', to: '2024-06-30', unit: UNITS.drc }).set('Authorization', w.users.drc.auth).expect(403);
  });

  it('the cumulative scope since May counts P8 too, and says so', async () => {
    const res = await metrics({ scope: 'cumulative', from: '2024-05-01', asOf: '2024-06-28', groupBy: 'month' });
    expect(res.scope).toEqual({ kind: 'cumulative', from: '2024-05-01', to: '2024-06-28', asOf: '2024-06-28', knownAt: null, unitId: null });
    expect(res.total).toMatchObject({
      collected: 6,
      resolutionRate: { numerator: 2, denominator: 6, percent: 33.3 },
      conclusionRate: { numerator: 3, denominator: 6, percent: 50 },
      overdue: 1, // P4; P8 was never assigned: no deadline, not overdue
    });
    expect(res.groups.map((g: { group: string; collected: number }) => [g.group, g.collected])).toEqual([
      ['2024-05', 1],
      ['2024-06', 5],
    ]);
  });
});
