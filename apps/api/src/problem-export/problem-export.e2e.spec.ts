import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { spreadsheetText } from '@app/reporting';
import { problemExportPages } from '@app/support';
import type { TestUser } from '../../../../test/support/auth';
import { binary } from '../../../../test/support/binary-body';
import { newUscc, UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';
import { testDatabaseKinds } from '../../../../test/support/test-database';

const HEADERS = [
  '诉求编号', '企业名称', '统一社会信用代码', '类别', '提出日期', '牵头单位', '协办单位', '交办记录', '签收日期',
  '办理时限', '延期', '办结日期', '办结方式', '是否按期', '回访评价', '关闭日期', '流转次数', '预警',
];
const OUTCOME: Record<string, string> = { solved: '已解决', explained_policy: '政策解释', long_term: '长期推进' };
const RATING: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
const COLOUR: Record<string, string> = { red: '红', yellow: '黄', blue: '蓝' };
const unitName = (id: string) => `单位 ${id}`; // what registerUnits names a unit
const JUNE = { from: '2024-06-01', to: '2024-06-30' };

type Row = Record<string, string | number>;


/** A small RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && !(c === '\r' && next === '\n'))) field += c;
    else {
      record.push(field);
      field = '';
      if (c === '\r') {
        records.push(record);
        record = [];
        i += 1;
      }
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

const asRows = (records: (string | number)[][]): Row[] => {
  expect(records[0]).toEqual(HEADERS);
  return records.slice(1).map((r) => Object.fromEntries(HEADERS.map((h, i) => [h, r[i] ?? ''])));
};

/*
 * June 2024, one enterprise whose name would run as a formula (and holds a comma and quotes), one plain one.
 *  P1 (A 06-03 融资): 交办 hr 06-03, 退回 06-04, 交办 drc (+tax) 06-05, 签收 06-06, extension 3 days asked and approved 06-07,
 *     solved 06-12, unsatisfied 06-13 (重办), solved 06-17, satisfied 06-18, closed 06-19.  流转次数 2.
 *  P2 (A 06-03 用工): 交办 hr 06-04, 签收 06-05, still open: overdue today (红).
 *  P3 (B 06-04 用地): registered only.
 *  P4 (B 07-01 其他): outside June; with it the unfiltered export (4) exceeds EXPORT_MAX_ROWS=3.
 */
describe.each(testDatabaseKinds())('problem exports (XLSX, CSV) over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind, { EXPORT_MAX_ROWS: '3' });
  const p: Record<string, string> = {};
  let position = 0;
  let usccB = '';
  const hostileName = '=HYPERLINK("http://x","点我"),有限公司';

  const exportOf = (path: string, query: object, user: TestUser) => binary(w.http().get(`/api/v1/${path}`).query({ ...query, position }).set('Authorization', user.auth));
  const xlsxRows = async (path: string, query: object, user: TestUser): Promise<Row[]> => {
    const res = await exportOf(`${path}.xlsx`, query, user).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.getWorksheet('诉求')!;
    const records: (string | number)[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => records.push(HEADERS.map((_, i) => (row.getCell(i + 1).value ?? '') as string | number)));
    return asRows(records);
  };
  const csvRows = async (path: string, query: object, user: TestUser): Promise<Row[]> => {
    const res = await exportOf(`${path}.csv`, query, user).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // 流转次数 is a number in the workbook; in a CSV everything is text.
    return asRows(parseCsv(bytes.subarray(3).toString('utf8'))).map((r) => ({ ...r, 流转次数: Number(r['流转次数']) }));
  };

  /** What the API's own list and detail pages say of these problems, as an export row (history columns aside). */
  const expectedFromApi = async (query: object, user: TestUser): Promise<Row[]> => {
    const list = await w.http().get('/api/v1/problems').query({ ...query, limit: 100, position }).set('Authorization', user.auth).expect(200);
    return Promise.all(
      list.body.items.map(async (item: { problemId: string }) => {
        const d = (await w.problem(item.problemId, user, position).expect(200)).body;
        return {
          诉求编号: d.problemId,
          企业名称: spreadsheetText(d.enterpriseName ?? ''),
          统一社会信用代码: d.enterpriseUscc,
          类别: d.category,
          提出日期: d.registeredOn,
          牵头单位: d.leadUnitId ? unitName(d.leadUnitId) : '',
          协办单位: d.coUnitIds.map(unitName).join('、'),
          办理时限: d.deadline ?? '',
          办结日期: d.resolvedOn ?? '',
          办结方式: d.outcome ? OUTCOME[d.outcome] : '',
          回访评价: d.satisfaction ? RATING[d.satisfaction] : '',
          关闭日期: d.closedOn ?? '',
          预警: d.warning ? COLOUR[d.warning] : '—',
        };
      }),
    );
  };

  beforeAll(async () => {
    const { caseworker, manager, drc, hr } = w.users;
    const a = newUscc();
    await w.http().post('/api/v1/enterprises').set('Authorization', manager.auth)
      .send({ uscc: a, name: hostileName, address: '科创大道 2 号', park: '智能制造产业园', industry: '通用设备制造业' }).expect(201);
    const b = (usccB = await w.registerEnterprise());
    [p.P1, p.P2] = (await w.logVisit(visitBody(a, '2024-06-03', [caseworker.id], [{ title: 'P1', category: '融资' }, { title: 'P2', category: '用工' }])).expect(201)).body.problemIds;
    [p.P3] = (await w.logVisit(visitBody(b, '2024-06-04', [caseworker.id], [{ title: 'P3', category: '用地' }])).expect(201)).body.problemIds;
    [p.P4] = (await w.logVisit(visitBody(b, '2024-07-01', [caseworker.id], [{ title: 'P4', category: '其他' }])).expect(201)).body.problemIds;
    const step = async (id: string, action: string, on: string, user: TestUser, body: object = {}) => {
      const res = await w.step(p[id], action, { on, ...body }, user).expect(200);
      position = Math.max(position, res.body.position ?? 0);
    };
    const assign = (id: string, on: string, unit: string, coUnitIds: string[] = []) => step(id, 'assign', on, caseworker, { leadUnitId: unit, coUnitIds, level: 'district', workingDays: 5 });
    await assign('P1', '2024-06-03', UNITS.hr);
    await step('P1', 'return', '2024-06-04', hr, { reason: '不属于本单位职责' });
    await assign('P1', '2024-06-05', UNITS.drc, [UNITS.tax]);
    await step('P1', 'accept', '2024-06-06', drc);
    await step('P1', 'extension-request', '2024-06-07', drc, { workingDays: 3, reason: '需市级审批' });
    await step('P1', 'extension-approval', '2024-06-07', manager);
    await step('P1', 'resolve', '2024-06-12', drc, { outcome: 'solved', summary: '贷款已发放' });
    await step('P1', 'follow-up', '2024-06-13', caseworker, { satisfaction: 'unsatisfied', note: '额度偏低' });
    await step('P1', 'resolve', '2024-06-17', drc, { outcome: 'solved', summary: '追加授信' });
    await step('P1', 'follow-up', '2024-06-18', caseworker, { satisfaction: 'satisfied', note: '满意' });
    await step('P1', 'close', '2024-06-19', caseworker);
    await assign('P2', '2024-06-04', UNITS.hr);
    await step('P2', 'accept', '2024-06-05', hr);
  });

  it('exports as XLSX and as CSV exactly the rows GET /problems lists for the same filters, in its order', async () => {
    const { manager } = w.users;
    const expected = await expectedFromApi(JUNE, manager);
    expect(expected.map((r) => r['诉求编号'])).toEqual(expect.arrayContaining([p.P1, p.P2, p.P3]));
    expect(expected).toHaveLength(3);
    for (const rows of [await xlsxRows('problems/export', JUNE, manager), await csvRows('problems/export', JUNE, manager)]) {
      expect(rows.map((r) => r['诉求编号'])).toEqual(expected.map((r) => r['诉求编号']));
      rows.forEach((row, i) => expect(row).toMatchObject(expected[i]));
    }
  });

  it('writes the history columns: every 交办 in order, the acceptance, extensions, the conclusion in force and 流转次数', async () => {
    const { manager } = w.users;
    for (const rows of [await xlsxRows('problems/export', JUNE, manager), await csvRows('problems/export', JUNE, manager)]) {
      const byId = new Map(rows.map((r) => [r['诉求编号'], r]));
      expect(byId.get(p.P1)).toMatchObject({
        企业名称: `'${hostileName}`,
        牵头单位: unitName(UNITS.drc),
        协办单位: unitName(UNITS.tax),
        交办记录: `2024-06-03 → ${unitName(UNITS.hr)}（2024-06-04 退回）；2024-06-05 → ${unitName(UNITS.drc)}（2024-06-06 签收）`,
        签收日期: '2024-06-06',
        延期: '2024-06-07 申请 3 个工作日，2024-06-07 批准 3 个工作日',
        办结日期: '2024-06-17',
        办结方式: '已解决',
        是否按期: '是',
        回访评价: '满意',
        关闭日期: '2024-06-19',
        流转次数: 2,
        预警: '—',
      });
      expect(byId.get(p.P2)).toMatchObject({ 交办记录: `2024-06-04 → ${unitName(UNITS.hr)}（2024-06-05 签收）`, 流转次数: 1, 预警: '红', 是否按期: '' });
      expect(byId.get(p.P3)).toMatchObject({ 牵头单位: '', 交办记录: '', 流转次数: 0, 预警: '—' });
    }
  });

  it('keeps a unit handler to what it may list: its own and co-handled problems, never another unit’s', async () => {
    const { hr, tax, drc } = w.users;
    for (const [user, ids] of [[hr, [p.P2]], [tax, [p.P1]], [drc, [p.P1]]] as const) {
      const expected = await expectedFromApi({}, user);
      expect(expected.map((r) => r['诉求编号'])).toEqual(ids);
      for (const rows of [await xlsxRows('problems/export', {}, user), await csvRows('problems/export', {}, user)]) {
        expect(rows.map((r) => r['诉求编号'])).toEqual(ids);
        rows.forEach((row, i) => expect(row).toMatchObject(expected[i]));
      }
    }
  });

  it('takes the list’s filters: status, leadUnitId, warning, enterprise', async () => {
    const { manager } = w.users;
    for (const query of [{ status: 'closed' }, { leadUnitId: UNITS.hr }, { warning: 'red' }, { status: 'registered', ...JUNE }, { enterpriseUscc: usccB }]) {
      const expected = await expectedFromApi(query, manager);
      const rows = await csvRows('problems/export', query, manager);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r['诉求编号'])).toEqual(expected.map((r) => r['诉求编号']));
    }
    expect((await xlsxRows('problems/export', { status: 'closed' }, manager)).map((r) => r['诉求编号'])).toEqual([p.P1]);
  });

  it('pages by keyset without skipping or repeating a row, also between problems registered the same day', async () => {
    const manager = w.api.app.get(DataSource).manager;
    const ids: string[] = [];
    for await (const page of problemExportPages(manager, { today: '2026-01-01' }, 1)) {
      expect(page.problems).toHaveLength(1);
      expect(page.facts.get(page.problems[0].problemId)?.[0]?.type).toBe('ProblemRegistered');
      ids.push(page.problems[0].problemId);
    }
    const list = await w.http().get('/api/v1/problems').query({ limit: 100, position }).set('Authorization', w.users.manager.auth).expect(200);
    expect(ids).toEqual(list.body.items.map((i: { problemId: string }) => i.problemId));
    expect(ids).toHaveLength(4);
  });

  it('exports the problems behind a figure, as GET /metrics/resolution/problems lists them; a unit handler only its unit’s', async () => {
    const { manager, drc } = w.users;
    const figure = { scope: 'period', ...JUNE, asOf: '2024-06-30', figure: 'collected', part: 'numerator' };
    const behind = await w.http().get('/api/v1/metrics/resolution/problems').query({ ...figure, limit: 100, position }).set('Authorization', manager.auth).expect(200);
    const ids = behind.body.items.map((i: { problemId: string }) => i.problemId);
    expect(ids).toHaveLength(3);
    expect((await xlsxRows('metrics/resolution/problems/export', figure, manager)).map((r) => r['诉求编号'])).toEqual(ids);
    expect((await csvRows('metrics/resolution/problems/export', figure, manager)).map((r) => r['诉求编号'])).toEqual(ids);
    const own = await csvRows('metrics/resolution/problems/export', { ...figure, unit: UNITS.drc }, drc);
    expect(own.map((r) => r['诉求编号'])).toEqual([p.P1]);
    const refused = await exportOf('metrics/resolution/problems/export.csv', figure, drc).expect(403);
    expect(JSON.parse(refused.body.toString())).toMatchObject({ error: 'NOT_YOUR_UNIT', field: 'unit' });
  });

  it('names the file in ASCII and, for browsers, in Chinese (RFC 5987)', async () => {
    const res = await exportOf('problems/export.csv', JUNE, w.users.manager).expect(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="problems-\\d{4}-\\d{2}-\\d{2}\\.csv"; filename\\*=UTF-8''${encodeURIComponent('诉求清单-')}\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
  });

  it('refuses, before writing anything, an export larger than EXPORT_MAX_ROWS (422)', async () => {
    for (const format of ['xlsx', 'csv']) {
      const res = await exportOf(`problems/export.${format}`, {}, w.users.manager).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body.toString())).toMatchObject({ error: 'EXPORT_TOO_MANY_ROWS', rows: 4, maxRows: 3 });
      // A figure's file is refused by the figure's count too (its ids are read only up to EXPORT_MAX_ROWS).
      const figure = { scope: 'period', from: '2024-06-01', to: '2024-07-31', asOf: '2024-07-31', figure: 'collected', position };
      const tooLarge = await exportOf(`metrics/resolution/problems/export.${format}`, figure, w.users.manager).expect(422);
      expect(JSON.parse(tooLarge.body.toString())).toMatchObject({ error: 'EXPORT_TOO_MANY_ROWS', rows: 4, maxRows: 3 });
    }
  });

  it('validates like the list (400 by field), and asks for a token (401)', async () => {
    const bad = await exportOf('problems/export.xlsx', { status: 'lost', from: '2024-06-30', to: '2024-06-01' }, w.users.manager).expect(400);
    const body = JSON.parse(bad.body.toString());
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['status', 'to']);
    const paged = await exportOf('problems/export.csv', { limit: 5 }, w.users.manager).expect(400);
    expect(JSON.parse(paged.body.toString()).errors).toMatchObject([{ field: 'limit' }]);
    const figure = await exportOf('metrics/resolution/problems/export.csv', { figure: 'nonsense' }, w.users.manager).expect(400);
    expect(JSON.parse(figure.body.toString()).errors.map((e: { field: string }) => e.field).sort()).toEqual(['figure', 'from']);
    await w.http().get('/api/v1/problems/export.xlsx').expect(401);
    await w.http().get('/api/v1/problems/export.csv').expect(401);
  });
});
