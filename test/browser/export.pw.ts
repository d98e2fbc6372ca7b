import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { apiAs, login, newUscc, screenshot } from './support';

test.setTimeout(90_000);

test('the manager exports the problem list (导出 → XLSX) and the file opens with the problem in it', async ({ page }) => {
  const suffix = String(Date.now()).slice(-6);
  const caseworker = await apiAs('zhang.wei');
  const uscc = newUscc();
  const name = `导出测试${suffix}有限公司`;
  expect((await caseworker.post('/api/v1/enterprises', { uscc, name, address: '科创大道 9 号', park: '智能制造产业园', industry: '通用设备制造业' })).status).toBe(201);
  const me = (await caseworker.get('/api/v1/auth/me')).body;
  const visit = await caseworker.post('/api/v1/visits', {
    enterpriseUscc: uscc, visitedOn: '2024-06-03', caseworkerIds: [me.id], form: 'on_site', notes: '走访',
    problems: [{ title: `出口退税慢${suffix}`, category: '政策', description: '出口退税到账慢' }],
  });
  expect(visit.status).toBe(201);
  await login(page, 'wang.fang');
  await page.goto('/problems');
  await expect(page.getByRole('button', { name: '导出' })).toBeVisible();
  await page.getByRole('button', { name: '导出' }).click();
  await screenshot(page, 'problem-list-export-menu');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出 Excel（XLSX）').click()]);
  expect(download.suggestedFilename()).toMatch(/^诉求清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('诉求')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('诉求编号');
  const names: unknown[] = [];
  sheet.eachRow((row) => names.push(row.getCell(2).value));
  expect(names).toContain(name);
});
