import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { usccCheckCharacter } from '@app/enterprises';
import { createUser, type TestUser } from '../../../../test/support/auth';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';

const BASE = '/api/v1/certifications/imports';
const HEADER = '企业名称,统一社会信用代码,类型,级别,批次,文号,公告日期,有效期起,有效期止';
let serial = 0;
const newUscc = () => {
  const body = `91330100MD${String(++serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
/** One valid 创新型中小企业 row per firm (unknown enterprises: the registry is empty). */
const csvRow = (uscc: string, batch = '2024年第一批', validFrom = '2024-03-01') => `企业${uscc.slice(-4)},${uscc},创新型中小企业,,${batch},工信〔2024〕1号,2024-03-01,${validFrom},`;
const csv = (rows: string[]) => [HEADER, ...rows].join('\n');

async function xlsxOf(rows: number, cellText = ''): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['name', 'uscc', 'type', 'level', 'batch', 'documentNumber', 'announcedOn', 'validFrom', 'validTo']);
  for (let i = 0; i < rows; i++) sheet.addRow([`企业${i}${cellText}`, newUscc(), 'innovative_sme', '', '2024年第一批', '文号', '2024-03-01', '2024-03-01', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testDatabaseKinds())('certification import limits over HTTP on %s', (kind) => {
  let api: TestApp;
  let manager: TestUser;
  const http = () => request(api.app.getHttpServer());
  const upload = (content: Buffer | string, filename: string) => http().post(BASE).set('Authorization', manager.auth).attach('file', Buffer.from(content), filename);
  const imports = async () => (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM certification_imports'))[0].n as number;

  beforeAll(async () => {
    // A small cap so the test files stay small; the default (10,000) is the same code path.
    api = await startTestApi(kind, { IMPORT_MAX_ROWS: '120', IMPORT_MAX_UNCOMPRESSED_BYTES: '400000' });
    manager = await createUser(api.app, 'manager');
  });
  afterAll(() => api?.close());

  it('a CSV with more data rows than the cap is a 413 naming the cap; nothing is stored', async () => {
    const res = await upload(csv(Array.from({ length: 121 }, () => csvRow(newUscc()))), 'big.csv').expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'IMPORT_TOO_MANY_ROWS', maxRows: 120, errors: [{ field: 'file', messages: [expect.stringContaining('120')] }] });
    expect(res.body.message).toContain('more than 120 rows');
    expect(await imports()).toBe(0);
    await upload(csv(Array.from({ length: 120 }, () => csvRow(newUscc()))), 'just-fits.csv').expect(201);
  });

  it('an XLSX with more rows than the cap is a 413 as well (read as a stream, stopped at the cap)', async () => {
    const res = await upload(await xlsxOf(121), 'big.xlsx').expect(413);
    expect(res.body).toMatchObject({ error: 'IMPORT_TOO_MANY_ROWS', maxRows: 120 });
  });

  it('an XLSX whose parts expand beyond the uncompressed cap is a 413 before it is parsed', async () => {
    // Repetitive text compresses well: a small upload that would be large in memory.
    const bomb = await xlsxOf(100, '重'.repeat(2000));
    expect(bomb.length).toBeLessThan(100_000);
    const res = await upload(bomb, 'bomb.xlsx').expect(413);
    expect(res.body).toMatchObject({ error: 'IMPORT_TOO_LARGE_UNCOMPRESSED', errors: [{ field: 'file' }] });
    expect(res.body.message).toContain('400000');
  });

  it('the preview answers the counts and the first rows; the rest is paged, by status too', async () => {
    const rows = Array.from({ length: 110 }, (_, i) => (i % 10 === 9 ? csvRow('91330100MD000000X') : csvRow(newUscc())));
    const preview = await upload(csv(rows), 'paged.csv').expect(201);
    expect(preview.body).toMatchObject({ totalRows: 110, summary: { error: 11, unknown_enterprise: 99 } });
    expect(preview.body.rows).toHaveLength(50);
    expect(preview.body.rows[0].row).toBe(2);

    const page = await http().get(`${BASE}/${preview.body.importId}/rows?offset=100&limit=50`).set('Authorization', manager.auth).expect(200);
    expect(page.body.total).toBe(110);
    expect(page.body.items.map((r: { row: number }) => r.row)).toEqual(Array.from({ length: 10 }, (_, i) => 102 + i));
    const errors = await http().get(`${BASE}/${preview.body.importId}/rows?status=error&limit=5`).set('Authorization', manager.auth).expect(200);
    expect(errors.body.total).toBe(11);
    expect(errors.body.items.map((r: { row: number }) => r.row)).toEqual([11, 21, 31, 41, 51]);
    await http().get(`${BASE}/00000000-0000-4000-8000-000000000000/rows`).set('Authorization', manager.auth).expect(404);
  });

  it('the same firm twice in one list with overlapping windows is reported as an overlap, and not committed', async () => {
    const firm = newUscc();
    const other = newUscc();
    const preview = await upload(
      csv([csvRow(firm, '2024年第一批', '2024-03-01'), csvRow(other), csvRow(firm, '2024年第二批', '2024-09-01'), csvRow(firm, '2024年第一批', '2024-03-01')]),
      'overlap.csv',
    ).expect(201);
    expect(preview.body.summary).toMatchObject({ unknown_enterprise: 2, overlap: 1, duplicate: 1 });
    expect(preview.body.rows[2]).toMatchObject({ row: 4, status: 'overlap', overlapsRow: 2, errors: [{ field: 'validFrom', message: expect.stringContaining('row 2') }] });
    const commit = await http().post(`${BASE}/${preview.body.importId}/commit`).set('Authorization', manager.auth).send({ registerUnknown: true }).expect(200);
    expect(commit.body).toMatchObject({ appended: 2, refused: [] });
    expect(commit.body.skipped).toEqual(expect.arrayContaining([{ row: 4, status: 'overlap' }, { row: 5, status: 'duplicate' }]));
  });

  it('a file name the database cannot store (NUL) is refused by the multipart parser: a 400 MALFORMED_FILE naming file', async () => {
    const before = await imports();
    const res = await upload(csv([csvRow(newUscc())]), 'list\u0000.csv').expect(400);
    expect(res.body).toMatchObject({ error: 'MALFORMED_FILE', errors: [{ field: 'file', messages: [expect.stringContaining('Multipart')] }] });
    expect(await imports()).toBe(before);
  });
});
