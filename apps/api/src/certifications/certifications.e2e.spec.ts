import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { certificationIdFor, usccCheckCharacter } from '@app/enterprises';
import { createUser, type TestUser } from '../../../../test/support/auth';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';

const BASE = '/api/v1/certifications';
let serial = 0;
const newUscc = () => {
  const body = `91330100MC${String(++serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
const HEADER = '企业名称,统一社会信用代码,类型,级别,批次,文号,公告日期,有效期起,有效期止';

describe.each(testDatabaseKinds())('certifications over HTTP on %s', (kind) => {
  let api: TestApp;
  let manager: TestUser;
  let admin: TestUser;
  let caseworker: TestUser;
  let unitHandler: TestUser;
  const http = () => request(api.app.getHttpServer());
  const eventCount = async () => {
    const [{ n }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events`);
    return n as number;
  };
  const register = async (uscc: string, name: string) =>
    http()
      .post('/api/v1/enterprises')
      .set('Authorization', manager.auth)
      .send({ uscc, name, address: '科创大道 1 号', park: '智能制造产业园', industry: '通用设备制造业' })
      .expect(201);
  const upload = (content: Buffer | string, filename: string, user = manager) =>
    http().post(`${BASE}/imports`).set('Authorization', user.auth).attach('file', Buffer.from(content), filename);
  const counts = async (query: string, position?: number | null) => {
    const res = await http()
      .get(`${BASE}/counts?${query}${position ? `&position=${position}` : ''}`)
      .set('Authorization', caseworker.auth)
      .expect(200);
    return res.body as { counts: { type: string; level: string; currentlyValid: number; everCertified: number; newInPeriod: number; shares: unknown[] }[]; revisions: unknown[] };
  };
  const pick = (body: Awaited<ReturnType<typeof counts>>, type: string, level: string) => body.counts.find((c) => c.type === type && c.level === level)!;

  beforeAll(async () => {
    api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true' });
    manager = await createUser(api.app, 'manager');
    admin = await createUser(api.app, 'admin');
    caseworker = await createUser(api.app, 'caseworker');
    unitHandler = await createUser(api.app, 'unit_handler', 'unit-tax');
  });
  afterAll(() => api?.close());

  it('imports a CSV list: preview with per-row errors, commit, counts; importing it again appends nothing', async () => {
    const [a, b, unknown] = [newUscc(), newUscc(), newUscc()];
    await register(a, '星河精密');
    await register(b, '北辰软件');
    const badCheck = a.slice(0, 17) + (a[17] === '1' ? '2' : '1');
    const csv = [
      HEADER,
      `星河精密,${a},创新型中小企业,省级,2024年第一批,工信〔2024〕1号,2024-03-20,2024-03-01,`,
      `北辰软件,${b},省级单项冠军,,2024年第一批,工信〔2024〕2号,2024/4/2,2024/4/1,2027/3/31`,
      `北辰软件,${b},单项冠军,省级,2024年第一批,工信〔2024〕2号,2024-04-02,2024-04-01,2027-03-31`,
      `错码企业,${badCheck},创新型中小企业,省级,2024年第一批,工信〔2024〕3号,2024-03-20,2024-03-01,`,
      `新来企业,${unknown},创新型中小企业,省级,2024年第一批,工信〔2024〕4号,2024-03-20,2024-03-01,`,
      `星河精密,${a},单项冠军,国家级,2024年第一批,工信〔2024〕5号,2024-03-20,2024-05-01,2024-04-01`,
      `星河精密,${a},瞪羚企业,省级,2024年第一批,工信〔2024〕6号,2024-03-20,2024-03-01,`,
    ].join('\n');

    const preview = await upload(`\ufeff${csv}`, '2024年第一批.csv').expect(201);
    expect(preview.body.summary).toEqual({ ok: 2, error: 3, duplicate: 1, overlap: 0, unknown_enterprise: 1 });
    const byRow = (row: number) => preview.body.rows.find((r: { row: number }) => r.row === row);
    expect(byRow(2)).toMatchObject({ status: 'ok', type: 'innovative_sme', level: 'province', validTo: '2027-02-28' });
    expect(byRow(3)).toMatchObject({ status: 'ok', type: 'single_champion', level: 'province', announcedOn: '2024-04-02' });
    expect(byRow(4)).toMatchObject({ status: 'duplicate', duplicateOf: 3 });
    expect(byRow(5).errors).toEqual([{ field: 'uscc', message: expect.stringContaining('wrong check character') }]);
    expect(byRow(6)).toMatchObject({ status: 'unknown_enterprise', canRegister: true });
    expect(byRow(7)).toMatchObject({ status: 'error', errors: [{ field: 'validTo', message: expect.stringContaining('before validFrom') }] });
    expect(byRow(8).errors).toEqual([{ field: 'type', message: expect.stringContaining("unknown certification type '瞪羚企业'") }]);

    const before = await eventCount();
    const commit = await http()
      .post(`${BASE}/imports/${preview.body.importId}/commit`)
      .set('Authorization', manager.auth)
      .send({ registerUnknown: true })
      .expect(200);
    expect(commit.body).toMatchObject({ appended: 3, unchanged: 0, registered: 1, refused: [] });
    expect(await eventCount()).toBe(before + 4); // three grants and one registration

    const body = await counts('asOf=2024-06-30&from=2024-01-01&to=2024-06-30', commit.body.position);
    expect(pick(body, 'innovative_sme', 'province')).toMatchObject({ currentlyValid: 2, everCertified: 2, newInPeriod: 2 });
    expect(pick(body, 'single_champion', 'province')).toMatchObject({ currentlyValid: 1, everCertified: 1, newInPeriod: 1 });
    const firms = await http()
      .get(`${BASE}/counts/enterprises?asOf=2024-06-30&type=innovative_sme&level=province&measure=currently_valid`)
      .set('Authorization', manager.auth)
      .expect(200);
    expect(firms.body.items.map((i: { uscc: string; name: string }) => [i.uscc, i.name]).sort()).toEqual(
      [[a, '星河精密'], [unknown, '新来企业']].sort(),
    );
    // A page at a time in USCC order, the total being the figure; a page size out of range is refused.
    const behind = `${BASE}/counts/enterprises?asOf=2024-06-30&type=innovative_sme&level=province&measure=currently_valid`;
    const second = (await http().get(`${behind}&limit=1&offset=1`).set('Authorization', manager.auth).expect(200)).body;
    expect(second).toMatchObject({ total: 2, limit: 1, offset: 1, items: [expect.objectContaining({ uscc: [a, unknown].sort()[1] })] });
    expect(second.items).toHaveLength(1);
    const refused = await http().get(`${behind}&limit=101&offset=-1`).set('Authorization', manager.auth).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'offset']);

    const again = await upload(csv, '2024年第一批-重发.csv').expect(201);
    expect(again.body.summary).toEqual({ ok: 3, error: 3, duplicate: 1, overlap: 0, unknown_enterprise: 0 });
    const unchanged = await eventCount();
    const recommit = await http().post(`${BASE}/imports/${again.body.importId}/commit`).set('Authorization', manager.auth).send({}).expect(200);
    expect(recommit.body).toMatchObject({ appended: 0, unchanged: 3, registered: 0 });
    expect(await eventCount()).toBe(unchanged);
  });

  it('imports an XLSX list with English headers and date cells; committing twice appends nothing', async () => {
    const a = newUscc();
    await register(a, '东方电子');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['name', 'uscc', 'type', 'level', 'batch', 'documentNumber', 'announcedOn', 'validFrom', 'validTo']);
    sheet.addRow(['东方电子', a, 'tech_sme', 'national', '2024年第三批', '科技〔2024〕9号', new Date(Date.UTC(2024, 4, 10)), new Date(Date.UTC(2024, 4, 1)), null]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = await upload(xlsx, 'list.xlsx').expect(201);
    expect(preview.body.format).toBe('xlsx');
    expect(preview.body.rows).toEqual([
      expect.objectContaining({ row: 2, status: 'ok', announcedOn: '2024-05-10', validFrom: '2024-05-01', validTo: '2024-12-31' }),
    ]);
    const before = await eventCount();
    const commit = await http().post(`${BASE}/imports/${preview.body.importId}/commit`).set('Authorization', admin.auth).expect(200);
    expect(commit.body).toMatchObject({ appended: 1 });
    await http().post(`${BASE}/imports/${preview.body.importId}/commit`).set('Authorization', admin.auth).expect(200);
    expect(await eventCount()).toBe(before + 1);
    expect(pick(await counts('asOf=2024-12-31', commit.body.position), 'tech_sme', 'national').currentlyValid).toBe(1);
    expect(pick(await counts('asOf=2025-01-01'), 'tech_sme', 'national')).toMatchObject({ currentlyValid: 0, everCertified: 1 });
  });

  it('refuses a malformed file with a 400 saying what and where, appending nothing', async () => {
    const before = await eventCount();
    const binary = await upload(Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00]), 'scan.pdf').expect(400);
    expect(binary.body).toMatchObject({ error: 'MALFORMED_FILE', where: 'file', message: expect.stringContaining('neither an XLSX') });
    const columns = await upload('企业名称,统一社会信用代码,类型\n星河,x,高企', 'list.csv').expect(400);
    expect(columns.body).toMatchObject({ where: 'header row 1', message: expect.stringContaining('批次/batch') });
    const empty = await upload('', 'empty.csv').expect(400);
    expect(empty.body.message).toContain('empty');
    const headerOnly = await upload(HEADER, 'header.csv').expect(400);
    expect(headerOnly.body.message).toContain('no data rows');
    const fakeXlsx = await upload('not a workbook', 'list.xlsx').expect(400);
    expect(fakeXlsx.body.message).toContain('not a valid XLSX');
    expect(await eventCount()).toBe(before);
  });

  it('a retroactive revocation changes a past count, lists itself as a revision, and knownAt reproduces the old figure', async () => {
    const a = newUscc();
    await register(a, '高企样本');
    const grant = { uscc: a, type: 'high_tech', level: 'national', batch: '2023年第二批', documentNumber: '高企〔2023〕8号', announcedOn: '2023-12-20', validFrom: '2023-11-15' };
    const granted = await http().post(BASE).set('Authorization', manager.auth).send(grant).expect(201);
    expect(granted.body.certificationId).toBe(certificationIdFor(a, 'high_tech', 'national', '2023年第二批'));
    expect(pick(await counts('asOf=2024-06-30', granted.body.position), 'high_tech', 'national').currentlyValid).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    const published = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));

    // 高企 has no 复核.
    await http().post(`${BASE}/${a}/${granted.body.certificationId}/renew`).set('Authorization', manager.auth)
      .send({ batch: '2026年', announcedOn: '2026-11-01' }).expect(409);
    const revoked = await http().post(`${BASE}/${a}/${granted.body.certificationId}/revoke`).set('Authorization', manager.auth)
      .send({ effectiveFrom: '2024-01-01', reason: '申报材料弄虚作假' }).expect(200);

    const now = await counts('asOf=2024-06-30&type=high_tech', revoked.body.position);
    expect(pick(now, 'high_tech', 'national')).toMatchObject({ currentlyValid: 0, everCertified: 1 });
    expect(now.revisions).toEqual([expect.objectContaining({ uscc: a, revokedFrom: '2024-01-01' })]);
    const then = await counts(`asOf=2024-06-30&type=high_tech&knownAt=${encodeURIComponent(published)}`);
    expect(pick(then, 'high_tech', 'national')).toMatchObject({ currentlyValid: 1, everCertified: 1 });
    expect(then.revisions).toEqual([]);
  });

  it('counts an upgrade 省级 → 小巨人 in both tiers, with the share of the city total', async () => {
    const [a, b] = [newUscc(), newUscc()];
    await register(a, '甲');
    await register(b, '乙');
    const grant = (uscc: string, type: string, level: string, validFrom: string) =>
      http().post(BASE).set('Authorization', manager.auth)
        .send({ uscc, type, level, batch: `${validFrom.slice(0, 4)}年第一批`, documentNumber: '文号', announcedOn: validFrom, validFrom }).expect(201);
    await grant(a, 'specialized_sme', 'province', '2023-03-01');
    await grant(b, 'specialized_sme', 'province', '2024-02-01');
    const last = await grant(a, 'little_giant', 'national', '2024-05-01');
    const total = await http().post(`${BASE}/reference-totals`).set('Authorization', admin.auth)
      .send({ type: 'specialized_sme', level: 'province', scope: 'city', asOf: '2024-06-30', total: 3, source: '市工信局通报' }).expect(201);
    await http().post(`${BASE}/reference-totals`).set('Authorization', manager.auth)
      .send({ type: 'specialized_sme', level: 'province', scope: 'city', asOf: '2024-06-30', total: 3, source: 'x' }).expect(403);

    const body = await counts('asOf=2024-06-30&from=2024-01-01', Math.max(last.body.position, total.body.position));
    expect(pick(body, 'specialized_sme', 'province')).toMatchObject({
      currentlyValid: 2,
      everCertified: 2,
      newInPeriod: 1,
      shares: [{ scope: 'city', measure: 'currently_valid', numerator: 2, denominator: 3, percent: 66.7, display: '66.7%', referenceAsOf: '2024-06-30', source: '市工信局通报' }],
    });
    expect(pick(body, 'little_giant', 'national')).toMatchObject({ currentlyValid: 1, everCertified: 1, newInPeriod: 1, shares: [] });
    // Before the city total was dated, there is no share.
    expect(pick(await counts('asOf=2024-06-29'), 'specialized_sme', 'province').shares).toEqual([]);
    const series = await http().get(`${BASE}/counts/series?from=2024-01-01&to=2024-06-30&type=little_giant`).set('Authorization', manager.auth).expect(200);
    expect(series.body.points.map((p: { counts: { currentlyValid: number }[] }) => p.counts[0].currentlyValid)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('新增 follows the announcement: a firm valid from May on a list announced in July is new in July; months add up to the year', async () => {
    const [g, h] = [newUscc(), newUscc()];
    await register(g, '庚');
    await register(h, '辛');
    const grant = (uscc: string, announcedOn: string, validFrom: string) =>
      http().post(BASE).set('Authorization', manager.auth)
        .send({ uscc, type: 'single_champion', level: 'national', batch: '2024年第一批', documentNumber: '工信部〔2024〕9号', announcedOn, validFrom }).expect(201);
    await grant(h, '2024-02-10', '2024-02-01');
    const last = await grant(g, '2024-07-15', '2024-05-01');
    const scoped = (query: string, position?: number) => counts(`${query}&type=single_champion&level=national`, position);

    // June: G is valid (from May 1) but its list was not out yet, so it is not new in June.
    const june = pick(await scoped('asOf=2024-06-30&from=2024-06-01', last.body.position), 'single_champion', 'national');
    expect(june).toMatchObject({ currentlyValid: 2, everCertified: 2, newInPeriod: 0 });
    expect(pick(await scoped('asOf=2024-07-31&from=2024-07-01'), 'single_champion', 'national')).toMatchObject({ newInPeriod: 1 });

    const series = await http().get(`${BASE}/counts/series?from=2024-01-01&to=2024-07-31&type=single_champion&level=national`).set('Authorization', manager.auth).expect(200);
    const monthly = series.body.points.map((p: { counts: { newInPeriod: number }[] }) => p.counts[0].newInPeriod);
    expect(monthly).toEqual([0, 1, 0, 0, 0, 0, 1]);
    const ytd = pick(await scoped('asOf=2024-07-31&from=2024-01-01'), 'single_champion', 'national');
    expect(monthly.reduce((a: number, b: number) => a + b, 0)).toBe(ytd.newInPeriod);

    // The firms behind July's 新增 say both dates: announced (why it is new in July) and valid from.
    const firms = await http()
      .get(`${BASE}/counts/enterprises?asOf=2024-07-31&from=2024-07-01&type=single_champion&level=national&measure=new_in_period`)
      .set('Authorization', manager.auth).expect(200);
    expect(firms.body.items).toEqual([
      expect.objectContaining({ uscc: g, firstAnnouncedOn: '2024-07-15', firstValidFrom: '2024-05-01', certifications: [expect.objectContaining({ announcedOn: '2024-07-15', validFrom: '2024-05-01' })] }),
    ]);
  });

  it('a 新增 share: the zone’s new firms of the year to date over the city’s 新增 total for the same period, naming its date', async () => {
    const [k, m] = [newUscc(), newUscc()];
    await register(k, '壬');
    await register(m, '癸');
    const grant = (uscc: string, announcedOn: string) =>
      http().post(BASE).set('Authorization', manager.auth)
        .send({ uscc, type: 'innovative_sme', level: 'province', batch: '2025年第一批', documentNumber: '文号', announcedOn, validFrom: announcedOn }).expect(201);
    await grant(k, '2025-03-10');
    const last = await grant(m, '2025-06-10');
    const total = await http().post(`${BASE}/reference-totals`).set('Authorization', admin.auth)
      .send({ type: 'innovative_sme', level: 'province', scope: 'city', measure: 'new_in_period', asOf: '2025-06-30', total: 5, source: '市工信局2025年上半年通报' }).expect(201);

    const h1 = await counts('asOf=2025-06-30&from=2025-01-01&type=innovative_sme&level=province', Math.max(last.body.position, total.body.position));
    expect(pick(h1, 'innovative_sme', 'province')).toMatchObject({
      newInPeriod: 2,
      shares: [{ scope: 'city', measure: 'new_in_period', numerator: 2, denominator: 5, display: '40.0%', referenceAsOf: '2025-06-30', source: '市工信局2025年上半年通报' }],
    });
    // June alone is another period: the half-year total is no denominator for it.
    expect(pick(await counts('asOf=2025-06-30&from=2025-06-01&type=innovative_sme&level=province'), 'innovative_sme', 'province')).toMatchObject({ newInPeriod: 1, shares: [] });
  });

  it('refuses bad input with field errors and nothing appended; unit handlers get 403, no token 401', async () => {
    const before = await eventCount();
    const bad = await http().post(BASE).set('Authorization', manager.auth).send({ uscc: '914403001922038217', type: 'x', level: 'city' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['uscc', 'type', 'level', 'batch', 'validFrom']));
    const unregistered = newUscc();
    await http().post(BASE).set('Authorization', manager.auth)
      .send({ uscc: unregistered, type: 'high_tech', level: 'national', batch: 'b', documentNumber: 'd', announcedOn: '2024-01-01', validFrom: '2024-01-01' }).expect(404);
    await http().get(`${BASE}/counts?asOf=2024-02-30`).set('Authorization', manager.auth).expect(400);
    // A series is one point per month: five years at most (60 months touched), and never reversed.
    await http().get(`${BASE}/counts/series?from=2020-01-31&to=2024-12-01`).set('Authorization', manager.auth).expect(200);
    const tooLong = await http().get(`${BASE}/counts/series?from=2020-01-31&to=2025-01-01`).set('Authorization', manager.auth).expect(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'to', messages: [expect.stringContaining('within 60 months of from')] })]);
    const reversed = await http().get(`${BASE}/counts/series?from=2024-03-01&to=2024-02-01`).set('Authorization', manager.auth).expect(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to', messages: [expect.stringContaining('on or after from')] })]);
    await http().get(`${BASE}/counts/series?from=2024-01-01&to=2024-02-01`).set('Authorization', unitHandler.auth).expect(403);
    expect(await eventCount()).toBe(before);

    await http().get(`${BASE}/counts`).set('Authorization', unitHandler.auth).expect(403);
    await upload(HEADER, 'x.csv', unitHandler).expect(403);
    await upload(HEADER, 'x.csv', caseworker).expect(403);
    await http().post(BASE).set('Authorization', caseworker.auth).send({}).expect(403);
    await http().get(`${BASE}/counts`).expect(401);
    await http().post(`${BASE}/imports`).expect(401);
  });
});
