import ExcelJS from 'exceljs';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestUser } from '../../../../test/support/auth';
import { binary } from '../../../../test/support/binary-body';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/*
 * June 2024 (06-08/09 weekend, Mon 06-10 端午 off, then 15/16, 22/23, 29/30), acceptance limit 1 working day.
 *  P1 unit-drc  交办 06-03 (签收 due 06-04), accepted 06-04 on time; deadline 06-11, solved 06-07; satisfied 06-12.
 *  P2 bounced:  unit-hr 交办 06-03 (due 06-04), returned 06-05 late (属地不符);
 *               unit-tax 交办 06-05 (due 06-06), returned 06-06 on time (职能交叉);
 *               unit-hr 交办 06-07 (due 06-11), accepted 06-11 on time → 流转 3, limbo 06-03→06-11 = 5 working days.
 *  P3 unit-drc  交办 06-12 (due 06-13), accepted 06-14: late, 2 working days.
 */

describe.each(testDatabaseKinds())('unit performance (考评) for June 2024 on %s', (kind) => {
  const w = useSupportWorld(kind);
  const p: Record<string, string> = {};
  let position = 0;
  let beforeP1Accepted = '';

  const get = (path: string, query: Record<string, string | number>, user: TestUser = w.users.manager) =>
    w.http().get(`/api/v1/unit-performance${path}`).query({ ...query, position }).set('Authorization', user.auth);
  const step = async (id: string, action: string, on: string, user: TestUser, body: object = {}) => {
    position = (await w.step(p[id], action, { on, ...body }, user).expect(200)).body.position;
  };
  const assign = (id: string, on: string, unit: string) =>
    step(id, 'assign', on, w.users.caseworker, { leadUnitId: unit, coUnitIds: [], level: 'district', workingDays: 5 });
  const JUNE = { month: '2024-06', asOf: '2024-06-28' };

  beforeAll(async () => {
    const { caseworker, drc, hr, tax } = w.users;
    const a = await w.registerEnterprise();
    const v = await w.logVisit(visitBody(a, '2024-06-03', [caseworker.id], [{ title: 'P1', category: '融资' }, { title: 'P2', category: '用地' }, { title: 'P3', category: '用工' }])).expect(201);
    [p.P1, p.P2, p.P3] = v.body.problemIds;
    await assign('P1', '2024-06-03', UNITS.drc);
    const [{ recorded_at }] = await w.api.app.get(DataSource).query(`SELECT max(recorded_at) AS recorded_at FROM es_events WHERE stream_id = $1`, [`problem-${p.P1}`]);
    beforeP1Accepted = new Date((recorded_at as Date).getTime() + 1).toISOString();
    await step('P1', 'accept', '2024-06-04', drc);
    await step('P1', 'resolve', '2024-06-07', drc, { outcome: 'solved', summary: '贷款已发放' });
    await step('P1', 'follow-up', '2024-06-12', caseworker, { satisfaction: 'satisfied', note: '满意' });

    await assign('P2', '2024-06-03', UNITS.hr);
    await step('P2', 'return', '2024-06-05', hr, { reason: '属地不符' });
    await assign('P2', '2024-06-05', UNITS.tax);
    await step('P2', 'return', '2024-06-06', tax, { reason: '职能交叉' });
    await assign('P2', '2024-06-07', UNITS.hr);
    await step('P2', 'accept', '2024-06-11', hr);

    await assign('P3', '2024-06-12', UNITS.drc);
    await step('P3', 'accept', '2024-06-14', drc);
  });

  it('every figure per unit with numerator and denominator; an empty denominator has no score', async () => {
    const res = (await get('', JUNE).expect(200)).body;
    expect(res.scope).toEqual({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28', knownAt: null });
    expect(res.previousScope).toMatchObject({ from: '2024-05-01', to: '2024-05-31' });
    const byUnit = Object.fromEntries(res.units.map((u: { unitId: string }) => [u.unitId, u]));
    const nd = (u: string, f: string) => [byUnit[u][f].numerator, byUnit[u][f].denominator];
    expect(nd(UNITS.drc, 'timelyAcceptance')).toEqual([1, 2]); // P1 on time, P3 late
    expect(nd(UNITS.hr, 'timelyAcceptance')).toEqual([1, 2]); // P2 returned late, then accepted on time
    expect(nd(UNITS.tax, 'timelyAcceptance')).toEqual([1, 1]); // a return with a reason within the limit counts
    expect(nd(UNITS.hr, 'returnRate')).toEqual([1, 2]);
    expect(nd(UNITS.tax, 'returnRate')).toEqual([1, 1]);
    expect(nd(UNITS.drc, 'returnRate')).toEqual([0, 2]);
    expect(nd(UNITS.drc, 'conclusionRate')).toEqual([1, 2]);
    expect(nd(UNITS.drc, 'onTimeRate')).toEqual([1, 1]);
    expect(nd(UNITS.drc, 'satisfactionRate')).toEqual([1, 1]);
    expect(nd(UNITS.drc, 'ratedRate')).toEqual([1, 1]);
    expect(nd(UNITS.hr, 'conclusionRate')).toEqual([0, 1]);
    expect(byUnit[UNITS.hr].onTimeRate).toMatchObject({ denominator: 0, percent: null, display: '—' });
    expect(byUnit[UNITS.tax].conclusionRate).toMatchObject({ denominator: 0, percent: null });
    expect(byUnit[UNITS.drc].acceptanceDays).toEqual({ count: 2, average: 1.5, worst: 2 });
    expect(byUnit[UNITS.drc].unitName).toBe(`单位 ${UNITS.drc}`); // the registry's name

    const conclusion = res.rankings.find((r: { by: string }) => r.by === 'conclusionRate');
    expect(conclusion.unscored).toEqual([UNITS.tax]); // 无应办结问题的单位: listed apart
    expect(conclusion.ranked.map((r: { unitId: string }) => r.unitId)).toEqual([UNITS.drc, UNITS.hr]);
  });

  it('the ranking names the lowest three with the cause, and the change against the previous month', async () => {
    const res = (await get('', JUNE).expect(200)).body;
    const timely = res.rankings.find((r: { by: string }) => r.by === 'timelyAcceptance');
    expect(timely.ranked.map((r: { rank: number; unitId: string; cause: string }) => [r.rank, r.unitId, r.cause])).toEqual([
      [1, UNITS.tax, null], // 100%: no cause, though one of the lowest three by count
      [2, UNITS.drc, '2件中1件超时签收'],
      [2, UNITS.hr, '2件中1件超时签收'],
    ]);
    expect(timely.ranked[0].change).toBeNull(); // nothing in May: no change, rather than +100
  });

  it('流转次数 and limbo: the problem that bounced between units is listed', async () => {
    const res = (await get('', JUNE).expect(200)).body;
    expect(res.bouncedTotal).toBe(1);
    expect(res.bounced).toEqual([
      { problemId: p.P2, title: 'P2', firstAssignedOn: '2024-06-03', transfers: 3, limboWorkingDays: 5, units: [UNITS.hr, UNITS.tax, UNITS.hr], acceptedBy: UNITS.hr },
    ]);
    expect(res.transfers).toEqual({ problems: 3, averageTransfers: 1.7, worstLimboWorkingDays: 5 });
  });

  it('the records behind each figure, paged in a stable order, numerator or denominator', async () => {
    const q = { ...JUNE, unit: UNITS.hr, figure: 'timelyAcceptance' };
    const all = (await get('/records', q).expect(200)).body;
    expect(all.total).toBe(2);
    expect(all.items.map((r: { problemId: string; title: string; assignmentSeq: number; on: string; inNumerator: boolean }) => [r.problemId, r.title, r.assignmentSeq, r.on, r.inNumerator])).toEqual([
      [p.P2, 'P2', 1, '2024-06-04', false],
      [p.P2, 'P2', 3, '2024-06-11', true],
    ]);
    const numerator = (await get('/records', { ...q, part: 'numerator' }).expect(200)).body;
    expect(numerator.items.map((r: { assignmentSeq: number }) => r.assignmentSeq)).toEqual([3]);
    const page2 = (await get('/records', { ...q, limit: 1, offset: 1 }).expect(200)).body;
    expect(page2).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ assignmentSeq: 3 }] });
    for (const figure of ['returnRate', 'conclusionRate', 'onTimeRate', 'satisfactionRate', 'ratedRate']) {
      const figures = (await get('', JUNE).expect(200)).body.units.find((u: { unitId: string }) => u.unitId === UNITS.drc);
      const records = (await get('/records', { ...JUNE, unit: UNITS.drc, figure }).expect(200)).body;
      expect([figure, records.total]).toEqual([figure, figures[figure].denominator]);
      expect(records.items.filter((r: { inNumerator: boolean }) => r.inNumerator).length).toBe(figures[figure].numerator);
    }
  });

  it('the records behind a figure export as XLSX and CSV, one row per problem, the same problems as the records', async () => {
    const exportOf = (format: string, query: Record<string, string>, user: TestUser = w.users.manager) =>
      binary(w.http().get(`/api/v1/unit-performance/records/export.${format}`).query({ ...query, position }).set('Authorization', user.auth));
    const sheetOf = async (query: Record<string, string>, user?: TestUser) => {
      const res = await exportOf('xlsx', query, user).expect(200);
      expect(res.headers['content-disposition']).toContain(`problems-${query.unit}-${query.figure}-denominator-2024-06.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
      const rows: Record<string, unknown>[] = [];
      const sheet = wb.getWorksheet('诉求')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      sheet.eachRow((row, n) => n > 1 && rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value]))));
      return rows;
    };
    // hr's 及时签收率 stands on two 交办 of one problem (P2): one row, with both assignments and its 流转次数.
    const hr = await sheetOf({ ...JUNE, unit: UNITS.hr, figure: 'timelyAcceptance' }, w.users.hr);
    expect(hr.map((r) => [r['诉求编号'], r['流转次数']])).toEqual([[p.P2, 3]]);
    expect(String(hr[0]['交办记录'])).toContain('单位 unit-tax');
    for (const figure of ['timelyAcceptance', 'conclusionRate', 'satisfactionRate']) {
      const query = { ...JUNE, unit: UNITS.drc, figure };
      const records = (await get('/records', { ...query, limit: 100 }).expect(200)).body.items.map((r: { problemId: string }) => r.problemId);
      // The file lists problems in registration order (newest first), as every problem export does.
      expect([figure, (await sheetOf(query)).map((r) => r['诉求编号']).sort()]).toEqual([figure, [...new Set(records)].sort()]);
    }
    const csv = await exportOf('csv', { ...JUNE, unit: UNITS.hr, figure: 'timelyAcceptance' }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((csv.body as Buffer).toString('utf8')).toMatch(new RegExp(`^\uFEFF诉求编号,[^]*\r\n${p.P2},`));

    // Who may not, and bad input: the same rules as the records.
    const json = (res: request.Response) => JSON.parse((res.body as Buffer).toString('utf8'));
    expect(json(await exportOf('xlsx', { ...JUNE, unit: UNITS.drc, figure: 'returnRate' }, w.users.hr).expect(403))).toMatchObject({ error: 'NOT_YOUR_UNIT' });
    await exportOf('csv', { ...JUNE, unit: UNITS.drc, figure: 'returnRate' }, w.users.caseworker).expect(403);
    await w.http().get('/api/v1/unit-performance/records/export.xlsx').query({ ...JUNE, unit: UNITS.drc, figure: 'returnRate' }).expect(401);
    const fields = async (query: Record<string, string>) => json(await exportOf('xlsx', query).expect(400)).errors.map((e: { field: string }) => e.field);
    expect(await fields({ ...JUNE, unit: UNITS.drc, figure: 'bogus' })).toEqual(['figure']);
    expect(await fields({ ...JUNE, figure: 'returnRate' })).toEqual(['unit']);
    expect(await fields({ month: '2024-13', unit: UNITS.drc, figure: 'returnRate' })).toEqual(['month']);
    expect(await fields({ ...JUNE, unit: UNITS.drc, figure: 'returnRate', limit: '5' })).toEqual(['limit']);
  });

  it('reproducible: as of an earlier date, and as known at an instant before a later recording', async () => {
    // As of 06-13, P3 (due 06-13) is not accepted yet: still late. P2's third 交办 is accepted 06-11.
    const early = (await get('', { month: '2024-06', asOf: '2024-06-13' }).expect(200)).body;
    const drc = early.units.find((u: { unitId: string }) => u.unitId === UNITS.drc);
    expect(drc.timelyAcceptance).toMatchObject({ numerator: 1, denominator: 2 });
    expect(drc.acceptanceDays).toEqual({ count: 1, average: 1, worst: 1 });
    // Known before P1's acceptance was recorded: only P1's 交办 existed, and it was unanswered.
    const known = (await get('', { ...JUNE, knownAt: beforeP1Accepted }).expect(200)).body;
    expect(known.scope.knownAt).toBe(beforeP1Accepted);
    expect(known.units.map((u: { unitId: string; timelyAcceptance: { numerator: number; denominator: number } }) => [u.unitId, u.timelyAcceptance.numerator, u.timelyAcceptance.denominator])).toEqual([
      [UNITS.drc, 0, 1],
    ]);
  });

  it('a unit handler reads only its own unit; a caseworker not at all', async () => {
    const own = (await get('', { ...JUNE, unit: UNITS.hr }, w.users.hr).expect(200)).body;
    expect(own.units.map((u: { unitId: string }) => u.unitId)).toEqual([UNITS.hr]);
    expect(own.bounced.map((b: { problemId: string }) => b.problemId)).toEqual([p.P2]);
    expect((await get('', { ...JUNE, unit: UNITS.drc }, w.users.hr).expect(403)).body).toMatchObject({ error: 'NOT_YOUR_UNIT', field: 'unit' });
    await get('', JUNE, w.users.hr).expect(403);
    await get('/records', { ...JUNE, unit: UNITS.drc, figure: 'returnRate' }, w.users.hr).expect(403);
    await get('', JUNE, w.users.caseworker).expect(403);
    await w.http().get('/api/v1/unit-performance').query(JUNE).expect(401);
  });

  it('bad input is a 400 naming the field: bad month, unknown unit, bad dates, bad figure', async () => {
    const fields = async (path: string, query: Record<string, string>) =>
      (await get(path, query).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await fields('', { month: '2024-13' })).toEqual(['month']);
    expect(await fields('', { month: 'June' })).toEqual(['month']);
    expect(await fields('', {})).toEqual(['month']);
    expect(await fields('', { ...JUNE, unit: 'unit-nowhere' })).toEqual(['unit']);
    expect(await fields('', { ...JUNE, unit: 'bad unit!' })).toEqual(['unit']);
    expect(await fields('', { from: '2024-06-31', to: '2024-07-01' })).toEqual(['from']);
    expect(await fields('', { from: '2024-06-10', to: '2024-06-01' })).toEqual(['to']);
    expect(await fields('', { from: '2024-06-10' })).toEqual(['to']);
    expect(await fields('', { from: '2022-01-01', to: '2024-06-01' })).toEqual(['to']);
    expect(await fields('', { ...JUNE, asOf: '2024-02-30' })).toEqual(['asOf']);
    expect(await fields('/records', { ...JUNE, unit: UNITS.drc, figure: 'bogus' })).toEqual(['figure']);
    expect(await fields('/records', { ...JUNE, figure: 'returnRate' })).toEqual(['unit']);
  });

  it('a date range works like a month, without a previous month', async () => {
    const res = (await get('', { from: '2024-06-01', to: '2024-06-07', asOf: '2024-06-28' }).expect(200)).body;
    expect(res.previousScope).toBeNull();
    const tax = res.units.find((u: { unitId: string }) => u.unitId === UNITS.tax);
    expect(tax.timelyAcceptance).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
