import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ProjectionRegistry, ReadModelWaiter } from '@app/event-store';
import { MonthlySummaryFiguresSource, monthBounds } from '@app/reporting';
import type { TestUser } from '../../../../test/support/auth';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';
import { testDatabaseKinds } from '../../../../test/support/test-database';

/*
 * A small first half of 2024, set up over HTTP with business dates (logged "late", today).
 * Enterprises A, B, C. June 2024 working days: Mon 06-10 端午节 off.
 *  Visits: v1 A 06-03 (raises P1 融资, P2 用工); v2 B 06-17 (raises P3 用工); v3 A 06-20; v4 C 05-20 (raises P4 审批).
 *    June: 3 家次 (v1 v2 v3), 2 enterprises (A B).  Year to date: 4 家次, 3 enterprises.
 *  P1: assigned 06-03 +5 → 06-11, solved 06-07 (on time), follow-up satisfied 06-12.
 *  P2: assigned 06-04 +5 → 06-12, explained-policy 06-07 (on time): concluded, not solved.
 *  P3: assigned 06-17 +5 → 06-24 (18 19 20 21 24), accepted, still open on 06-30: overdue.
 *  P4: assigned 05-20 +5 → 05-27, solved 05-24 (on time): year to date only.
 *    June cohort: collected 3; 解决率 1/3 = 33.3%; 办结率 2/3 = 66.7%; 满意率 1/1 = 100.0%; 按期 2/2 = 100.0%; overdue 1.
 *    Since 1 Jan: collected 4; 解决率 2/4 = 50.0%; 办结率 3/4 = 75.0%; 满意率 1/1; 按期 3/3 = 100.0%; overdue 1.
 *  Subsidies (2023 items): A paid 12,345,600 分 on 06-15; B paid 1,000,000 分 on 06-20; A paid 5,000,000 分 on 05-30.
 *    June: 13,345,600 分 = 133,456.00 元 = 13.3456 万元 → 13.35; 2 payments, 2 enterprises.
 *    Year to date: 18,345,600 分 = 183,456.00 元 = 18.3456 万元 → 18.35; 3 payments, 2 enterprises.
 *  Certifications: 省级专精特新 A valid from 2024-06-12 (new in June), B from 2023-03-01 (still valid);
 *    高企 C from 2024-02-01 (new this year, not this month). City total of 省级专精特新 on 2024-06-30: 5 → 2/5 = 40.0%.
 */
describe.each(testDatabaseKinds())('monthly summary (月报) over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);
  let position = 0;
  const later: { visitA0620?: string; problemP3?: string; caseA?: string; certB?: string; usccB?: string } = {};
  const allEvents = async () => (await w.api.app.get(DataSource).query('SELECT count(*)::int AS n FROM es_events'))[0].n as number;
  const reports = (path: string, user: TestUser = w.users.manager) => w.http().get(`/api/v1/reports/monthly${path}`).set('Authorization', user.auth);
  const generate = (month: string, body: object = {}, user: TestUser = w.users.manager) =>
    w.http().post(`/api/v1/reports/monthly/${month}`).set('Authorization', user.auth).send(body);
  const track = <T extends { body: { position?: number | null } }>(res: T) => {
    position = Math.max(position, res.body.position ?? 0);
    return res;
  };

  beforeAll(async () => {
    const { caseworker, manager, admin, drc, hr } = w.users;
    const [a, b, c] = [await w.registerEnterprise(), await w.registerEnterprise(), await w.registerEnterprise()];
    const p: Record<string, string> = {};
    [p.P1, p.P2] = (await w.logVisit(visitBody(a, '2024-06-03', [caseworker.id], [{ title: 'P1', category: '融资' }, { title: 'P2', category: '用工' }])).expect(201)).body.problemIds;
    [p.P3] = (await w.logVisit(visitBody(b, '2024-06-17', [caseworker.id], [{ title: 'P3', category: '用工' }])).expect(201)).body.problemIds;
    later.visitA0620 = (await w.logVisit(visitBody(a, '2024-06-20', [caseworker.id])).expect(201)).body.visitId;
    [p.P4] = (await w.logVisit(visitBody(c, '2024-05-20', [caseworker.id], [{ title: 'P4', category: '审批' }])).expect(201)).body.problemIds;
    const step = async (id: string, action: string, on: string, user: TestUser, body: object = {}) =>
      track(await w.step(p[id], action, { on, ...body }, user).expect(200));
    const assign = (id: string, on: string, unit: string) => step(id, 'assign', on, caseworker, { leadUnitId: unit, coUnitIds: [], level: 'district', workingDays: 5 });
    await assign('P1', '2024-06-03', UNITS.drc);
    await step('P1', 'accept', '2024-06-04', drc);
    await step('P1', 'resolve', '2024-06-07', drc, { outcome: 'solved', summary: '贷款已发放' });
    await step('P1', 'follow-up', '2024-06-12', caseworker, { satisfaction: 'satisfied', note: '满意' });
    await assign('P2', '2024-06-04', UNITS.hr);
    await step('P2', 'accept', '2024-06-05', hr);
    await step('P2', 'resolve', '2024-06-07', hr, { outcome: 'explained_policy', summary: '已做政策解释' });
    await assign('P3', '2024-06-17', UNITS.hr);
    await step('P3', 'accept', '2024-06-18', hr);
    await assign('P4', '2024-05-20', UNITS.drc);
    await step('P4', 'accept', '2024-05-21', drc);
    await step('P4', 'resolve', '2024-05-24', drc, { outcome: 'solved', summary: '已办理' });

    const subsidies = (path: string, body: object) => w.http().post(`/api/v1/subsidies${path}`).set('Authorization', manager.auth).send(body);
    const item = (await subsidies('/policy-items', { name: '2023年区级研发费用补助', policyYear: 2023, issuingUnit: '区科技局', mode: 'automatic' }).expect(201)).body;
    const paidCase = async (uscc: string) => {
      const { caseId } = (await subsidies('/cases', { how: 'match', enterpriseUscc: uscc, policyItemId: item.policyItemId, on: '2024-01-10' }).expect(201)).body;
      await subsidies(`/cases/${caseId}/review`, { decision: 'approve', approvedAmountFen: 20_000_000, on: '2024-02-20' }).expect(200);
      await subsidies(`/cases/${caseId}/announce`, { from: '2024-03-01', to: '2024-03-07' }).expect(200);
      return caseId as string;
    };
    const [caseA, caseB] = [await paidCase(a), await paidCase(b)];
    later.caseA = caseA;
    const pay = async (caseId: string, disbursementId: string, amountFen: number, paidOn: string) =>
      track(await subsidies(`/cases/${caseId}/disbursements`, { disbursementId, amountFen, paidOn }).expect(200));
    await pay(caseA, 'PAY-A1', 12_345_600, '2024-06-15');
    await pay(caseB, 'PAY-B1', 1_000_000, '2024-06-20');
    await pay(caseA, 'PAY-A0', 5_000_000, '2024-05-30');
    // Money paid under the 2024 policy year in the same month: the summary splits the sum by policy year.
    const item2024 = (await subsidies('/policy-items', { name: '2024年区级技改补助', policyYear: 2024, issuingUnit: '区工信局', mode: 'automatic' }).expect(201)).body;
    const { caseId: caseC } = (await subsidies('/cases', { how: 'match', enterpriseUscc: c, policyItemId: item2024.policyItemId, on: '2024-04-01' }).expect(201)).body;
    await subsidies(`/cases/${caseC}/review`, { decision: 'approve', approvedAmountFen: 1_500_000, on: '2024-04-20' }).expect(200);
    await subsidies(`/cases/${caseC}/announce`, { from: '2024-05-01', to: '2024-05-07' }).expect(200);
    await pay(caseC, 'PAY-C1', 1_500_000, '2024-06-18');

    const grant = async (uscc: string, type: string, level: string, validFrom: string) =>
      track(await w.http().post('/api/v1/certifications').set('Authorization', manager.auth)
        .send({ uscc, type, level, batch: `${validFrom.slice(0, 4)}年第一批`, documentNumber: '文号', announcedOn: validFrom, validFrom }).expect(201));
    await grant(a, 'specialized_sme', 'province', '2024-06-12');
    later.certB = (await grant(b, 'specialized_sme', 'province', '2023-03-01')).body.certificationId;
    later.usccB = b;
    later.problemP3 = p.P3;
    await grant(c, 'high_tech', 'national', '2024-02-01');
    track(await w.http().post('/api/v1/certifications/reference-totals').set('Authorization', admin.auth)
      .send({ type: 'specialized_sme', level: 'province', scope: 'city', asOf: '2024-06-30', total: 5, source: '市工信局通报' }).expect(201));
    // The city's 新增 since 1 January, as of the month's end: a denominator for the year-to-date 新增 only.
    track(await w.http().post('/api/v1/certifications/reference-totals').set('Authorization', admin.auth)
      .send({ type: 'specialized_sme', level: 'province', scope: 'city', measure: 'new_in_period', asOf: '2024-06-30', total: 4, source: '市工信局通报' }).expect(201));
  });

  it('generates June 2024 once with the hand-computed figures and narrative; again is a no-op; a correction is version 2 beside version 1', async () => {
    const first = track(await generate('2024-06').expect(200));
    expect(first.body).toEqual({ streamId: 'monthly-summary-default-2024-06', month: '2024-06', version: 1, position: expect.any(Number), generated: true });

    const got = await reports(`/2024-06?position=${position}`, w.users.caseworker).expect(200);
    const f = got.body.summary.figures;
    expect(got.body.summary).toMatchObject({ version: 1, kind: 'generated', reason: null, asOf: '2024-06-30', computedAtPosition: expect.any(Number) });
    expect(got.body.summary.computedAtPosition).toBeLessThan(first.body.position);
    expect(f.visits.month).toEqual({ scope: { kind: 'month', from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-30' }, visits: 3, enterprises: 2 });
    expect(f.visits.yearToDate).toEqual({ scope: { kind: 'year_to_date', from: '2024-01-01', to: '2024-06-30', asOf: '2024-06-30' }, visits: 4, enterprises: 3 });
    const r = (numerator: number, denominator: number, percent: number, display: string) => ({ numerator, denominator, percent, display });
    expect(f.problems.month).toMatchObject({
      collected: 3, resolved: 1, resolutionRate: r(1, 3, 33.3, '33.3%'), conclusionRate: r(2, 3, 66.7, '66.7%'),
      satisfactionRate: r(1, 1, 100, '100.0%'), onTimeRate: r(2, 2, 100, '100.0%'), overdue: 1,
    });
    expect(f.problems.yearToDate).toMatchObject({
      scope: { kind: 'year_to_date', from: '2024-01-01' }, collected: 4, resolved: 2, resolutionRate: r(2, 4, 50, '50.0%'),
      conclusionRate: r(3, 4, 75, '75.0%'), satisfactionRate: r(1, 1, 100, '100.0%'), onTimeRate: r(3, 3, 100, '100.0%'), overdue: 1,
    });
    const money = (fen: string, yuan: string, wanYuan: string) => ({ fen, yuan, wanYuan });
    const none = money('0', '0.00', '0.00');
    expect(f.subsidies.month).toMatchObject({
      disbursed: money('14845600', '148456.00', '14.85'), disbursements: 3, enterprisesPaid: 3,
      byPolicyYear: [
        { policyYear: 2023, disbursed: money('13345600', '133456.00', '13.35'), recovered: none, disbursements: 2, enterprisesPaid: 2 },
        { policyYear: 2024, disbursed: money('1500000', '15000.00', '1.50'), recovered: none, disbursements: 1, enterprisesPaid: 1 },
      ],
    });
    expect(f.subsidies.yearToDate).toMatchObject({
      disbursed: money('19845600', '198456.00', '19.85'), disbursements: 4, enterprisesPaid: 3,
      byPolicyYear: [
        { policyYear: 2023, disbursed: money('18345600', '183456.00', '18.35'), recovered: none, disbursements: 3, enterprisesPaid: 2 },
        { policyYear: 2024, disbursed: money('1500000', '15000.00', '1.50'), recovered: none, disbursements: 1, enterprisesPaid: 1 },
      ],
    });
    const cert = (type: string, level: string) => f.certifications.find((x: { type: string; level: string }) => x.type === type && x.level === level);
    expect(f.certifications.map((x: { type: string; level: string }) => `${x.type}/${x.level}`)).toEqual([
      'specialized_sme/province', 'little_giant/national', 'high_tech/national', 'tech_sme/national', 'single_champion/province', 'single_champion/national',
    ]);
    expect(cert('specialized_sme', 'province')).toMatchObject({
      newInMonth: 1, newInYear: 1, everCertified: 2, currentlyValid: 2,
      shares: [{ scope: 'city', measure: 'currently_valid', numerator: 2, denominator: 5, percent: 40, display: '40.0%', referenceAsOf: '2024-06-30' }],
      yearToDateShares: expect.arrayContaining([
        { scope: 'city', measure: 'new_in_period', numerator: 1, denominator: 4, percent: 25, display: '25.0%', referenceAsOf: '2024-06-30', source: '市工信局通报' },
      ]),
    });
    expect(cert('high_tech', 'national')).toMatchObject({ newInMonth: 0, newInYear: 1, everCertified: 1, currentlyValid: 1, shares: [] });
    // The unit table: P1 (发改) concluded on time; P2 (人社) on time, P3 (人社) still open at the end of June.
    const byUnit = [[UNITS.drc, '100.0%', '100.0%'], [UNITS.hr, '50.0%', '100.0%']].sort((a, b) => a[0].localeCompare(b[0]));
    expect(f.units.rows.map((u: { unitId: string; conclusionRate: { display: string }; onTimeRate: { display: string } }) => [u.unitId, u.conclusionRate.display, u.onTimeRate.display])).toEqual(byUnit);
    expect(f.units.rows.find((u: { unitId: string }) => u.unitId === UNITS.hr)).toMatchObject({ unitName: expect.any(String), conclusionRate: r(1, 2, 50, '50.0%') });
    expect(f.units).toMatchObject({ lowest: [], unscored: [] });
    expect(cert('little_giant', 'national')).toMatchObject({ newInMonth: 0, everCertified: 0, currentlyValid: 0 });

    const narrative = await reports('/2024-06/narrative').expect(200);
    expect(narrative.body).toEqual({
      month: '2024-06',
      version: 1,
      asOf: '2024-06-30',
      narrative:
        '本月开展走访企业3家次（涉及企业2家），收集企业问题3个，已解决1个，问题解决率33.3%，办结率66.7%，满意率100.0%，超期未办结1个；' +
        '兑现惠企政策资金14.85万元（其中2023年度13.35万元、2024年度1.50万元），惠及企业3家；' +
        '新增省级专精特新中小企业1家，累计培育2家，有效期内2家（占全市40.0%，全市数截至2024年6月30日）；' +
        '累计培育国家专精特新"小巨人"0家；国家科技型中小企业0家；高企总数1家；省级单项冠军企业0家，国家级单项冠军企业0家。' +
        '年初以来累计走访企业4家次（涉及企业3家），收集企业问题4个，问题解决率50.0%，新增省级专精特新中小企业1家（占全市25.0%，全市数截至2024年6月30日），' +
        '兑现惠企政策资金19.85万元（其中2023年度18.35万元、2024年度1.50万元）。' +
        '本月2个责任单位参与按时办结考评，均按时办结。',
    });

    // Again without a reason: nothing appended anywhere.
    const before = await allEvents();
    expect((await generate('2024-06').expect(200)).body).toEqual({ ...first.body, position: null, generated: false });
    expect(await allEvents()).toBe(before);

    // A June visit logged late changes nothing published until a correction is recorded; then both versions show.
    const d = await w.registerEnterprise();
    track(await w.logVisit(visitBody(d, '2024-06-28', [w.users.caseworker.id])).expect(201));
    expect((await reports(`/2024-06?position=${position}`).expect(200)).body.summary.figures.visits.month.visits).toBe(3);
    const corrected = track(await generate('2024-06', { reason: '补录6月28日走访' }, w.users.admin).expect(200));
    expect(corrected.body).toMatchObject({ version: 2, generated: true });
    const latest = (await reports(`/2024-06?position=${position}`).expect(200)).body;
    expect(latest.summary).toMatchObject({ version: 2, kind: 'regenerated', reason: '补录6月28日走访', supersedesVersion: 1 });
    expect(latest.summary.figures.visits.month).toMatchObject({ visits: 4, enterprises: 3 });
    expect(latest.versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([[1, null], [2, '补录6月28日走访']]);
    const v1 = (await reports('/2024-06?version=1').expect(200)).body;
    expect(v1.summary.figures).toEqual(f);
  });

  it('records the cut it computed at; after later corrections, June recomputed at that cut gives exactly the stored figures', async () => {
    const stored = (await reports(`/2024-06?position=${position}`).expect(200)).body.summary;
    expect(stored.cut).toEqual({ transactionId: expect.stringMatching(/^\d+$/), globalPosition: stored.computedAtPosition, knownAt: expect.any(String) });
    const { manager, hr } = w.users;
    // Corrections recorded after the summary, all about June.
    track(await w.http().post(`/api/v1/visits/${later.visitA0620}/void`).set('Authorization', w.users.caseworker.auth).send({ reason: '重复录入' }).expect(200));
    track(await w.step(later.problemP3!, 'resolve', { on: '2024-06-28', outcome: 'solved', summary: '补录：6月28日已解决' }, hr).expect(200));
    track(await w.http().post(`/api/v1/certifications/${later.usccB}/${later.certB}/revoke`).set('Authorization', manager.auth)
      .send({ effectiveFrom: '2024-06-01', reason: '复核不合格，自6月起撤销' }).expect(200));
    track(await w.http().post(`/api/v1/subsidies/cases/${later.caseA}/recoveries`).set('Authorization', manager.auth)
      .send({ amountFen: 345_600, recoveredOn: '2024-06-25', reason: '超额拨付追回' }).expect(200));
    const projections = w.api.app.get(ProjectionRegistry).all().map((x) => x.name);
    await w.api.app.get(ReadModelWaiter).waitFor(position, projections, 20_000);

    const source = w.api.app.get(MonthlySummaryFiguresSource);
    const atCut = await source.compute(monthBounds('2024-06'), stored.cut.knownAt);
    expect(JSON.parse(JSON.stringify(atCut))).toEqual(stored.figures);
    const now = await source.compute(monthBounds('2024-06'), new Date().toISOString());
    expect(now.visits.month.visits).toBe(stored.figures.visits.month.visits - 1);
    expect(now.problems.month.resolved).toBe(stored.figures.problems.month.resolved + 1);
    expect(now.subsidies.month.recovered.fen).toBe('345600');
    expect(now.certifications.find((c) => c.type === 'specialized_sme' && c.level === 'province')?.currentlyValid).toBe(1);
    // P3, resolved late on 28 June (deadline 24 June) as recorded after the summary: 人社 now falls short, the stored table does not.
    expect(now.units?.lowest).toEqual([expect.objectContaining({ unitId: UNITS.hr, cause: '2件中1件超期办结' })]);
    expect(stored.figures.units.lowest).toEqual([]);
  });

  it('downloads the XLSX, which reads back with the same figures', async () => {
    const res = await reports('/2024-06/xlsx?version=1')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="monthly-summary-2024-06-v1.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['走访', '问题', '奖补', '资质', '单位', '说明']);
    const rows = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).slice(2).map((row) => row.slice(1));
    expect(rows('走访')).toEqual([['走访家次', 3, 4], ['走访企业数', 2, 3]]);
    expect(rows('问题')[2]).toEqual(['问题解决率', 1, 3, 33.3, 2, 4, 50]);
    expect(rows('问题')[7]).toEqual(['超期未办结', 1, undefined, undefined, 1]);
    // Money is numbers a spreadsheet can sum, shown in 元 / 万元 by the cell's number format.
    expect(rows('奖补').slice(0, 3)).toEqual([['兑现资金（分）', 14_845_600, 19_845_600], ['兑现资金（元）', 148_456, 198_456], ['兑现资金（万元）', 14.85, 19.85]]);
    const money = wb.getWorksheet('奖补')!;
    expect([money.getCell('B3').numFmt, money.getCell('C3').numFmt]).toEqual(['#,##0.00"元"', '#,##0.00"元"']);
    expect(money.getCell('B4').numFmt).toBe('#,##0.00"万元"');
    expect(money.getCell('B5').numFmt).toBe('#,##0.00"元"');
    expect(rows('奖补')[5]).toEqual(['惠及企业数', 3, 3]);
    // 其中 rows per policy year: they add up to the 元 row above.
    expect(rows('奖补').slice(6)).toEqual([
      ['其中2023年度政策兑现（元）', 133_456, 183_456], ['其中2023年度政策追回（元）', 0, 0],
      ['其中2024年度政策兑现（元）', 15_000, 15_000], ['其中2024年度政策追回（元）', 0, 0],
    ]);
    expect(rows('资质')[0]).toEqual([
      '省级专精特新中小企业', 'specialized_sme', 'province', 1, 1, 2, 2, '40.0%（2/5，有效期内，全市数截至2024-06-30）',
      expect.stringContaining('25.0%（1/4，年初至今新增，全市数截至2024-06-30）'),
    ]);
    expect(rows('说明').slice(2, 4)).toEqual([['截至日期', '2024-06-30'], ['版本', 1]]);
    // 单位: one row per unit with the numerator, denominator and percent of each figure (办结率 is the 7th–9th column).
    const hr = rows('单位').find((row) => row[1] === UNITS.hr)!;
    expect(hr.slice(8, 11)).toEqual([1, 2, 50]);
    expect(rows('单位')).toHaveLength(2);
  });

  it('writes text that a spreadsheet would run as a formula (a correction reason starting with =) as plain text', async () => {
    track(await generate('2024-05').expect(200));
    const reason = '=HYPERLINK("http://evil.example","点此查看")';
    track(await generate('2024-05', { reason }, w.users.admin).expect(200));
    const res = await reports(`/2024-05/xlsx?version=2&position=${position}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    const cell = wb.getWorksheet('说明')!.getCell('B7');
    expect(wb.getWorksheet('说明')!.getCell('A7').value).toBe('更正原因');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${reason}`);
    expect(cell.formula).toBeUndefined();
  });

  it('refuses a month not yet ended (422), a malformed month (400), generating as a caseworker and reading as a unit handler (403)', async () => {
    const before = await allEvents();
    const future = await generate('2099-01').expect(422);
    expect(future.body).toMatchObject({ error: 'MONTH_NOT_ENDED' });
    expect((await generate('2024-13').expect(400)).body.errors).toMatchObject([{ field: 'month', messages: [expect.stringContaining('YYYY-MM')] }]);
    await generate('2024-05', {}, w.users.caseworker).expect(403);
    await reports('/2024-06', w.users.drc).expect(403);
    await reports('/2024-04').expect(404);
    expect(await allEvents()).toBe(before);
  });
});
