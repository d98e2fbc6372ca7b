import { expect, test } from '@playwright/test';
import { account, apiAs, expectAccessible, login, newUscc, screenshot } from './support';

test.setTimeout(90_000);

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test('the unit handler opens today’s 每日提醒: their unit’s problem with its colour and reason, linking to the problem', async ({ page }) => {
  const suffix = String(Date.now()).slice(-6);
  const caseworker = await apiAs('zhang.wei');
  const uscc = newUscc();
  expect((await caseworker.post('/api/v1/enterprises', { uscc, name: `提醒测试${suffix}有限公司`, address: '科创大道 7 号', park: '智能制造产业园', industry: '通用设备制造业' })).status).toBe(201);
  const title = `厂房消防验收${suffix}`;
  const visit = await caseworker.post('/api/v1/visits', {
    enterpriseUscc: uscc, visitedOn: today, caseworkerIds: [account('zhang.wei').id], form: 'on_site', notes: '走访',
    problems: [{ title, category: '审批', description: '消防验收排期久' }], confirmSecondVisit: true,
  });
  expect(visit.status).toBe(201);
  const [problemId] = visit.body.problemIds as string[];
  // One working day to act: within the blue window (2 working days).
  const manager = await apiAs('wang.fang');
  const assigned = await manager.post(`/api/v1/problems/${problemId}/assign`, { on: today, leadUnitId: 'unit-hr', coUnitIds: [], level: 'district', workingDays: 1 });
  expect(assigned.status).toBe(200);
  await expect.poll(async () => (await manager.get(`/api/v1/problems/${problemId}?position=${assigned.body.position}`)).status).toBe(200);

  const run = await (await apiAs('admin')).post('/api/v1/admin/jobs/run', { job: 'unit-digest', period: today });
  expect([200, 201, 202]).toContain(run.status);
  const handler = await apiAs('chen.jing');
  await expect.poll(async () => (await handler.get(`/api/v1/digests/units/unit-hr/${today}`)).status, { timeout: 30_000 }).toBe(200);

  await login(page, 'chen.jing');
  await page.goto('/digest');
  const row = page.locator('.el-table__row', { hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText('蓝', { exact: true })).toBeVisible();
  await expect(row).toContainText(/工作日内到期|今日到期/);
  await screenshot(page, 'unit-digest');
  await expectAccessible(page);
  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/problems/${problemId}`));
});
