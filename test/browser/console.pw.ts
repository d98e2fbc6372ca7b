import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { account, apiAs, expectAccessible, login, newUscc, screenshot } from './support';

/**
 * The console as its users meet it, in order: a caseworker logs a visit on a phone, the handling unit works
 * the problems, the manager reads the figures and opens the records behind them. One bureau, one story.
 */
test.describe.configure({ mode: 'serial' });

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const suffix = String(Date.now()).slice(-6);
const titles = [`贷款续贷困难${suffix}`, `招工难${suffix}`];
let uscc = '';
let enterpriseName = '';
let problemIds: string[] = [];

async function pickOption(page: Page, name: string) {
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click();
}

/**
 * Opens an Element Plus select by its label and picks an option from that select's own list (aria-controls).
 * The list is still sliding in when it appears, so the click waits for it to be visible, not "stable".
 */
async function choose(page: Page, select: string, option: string) {
  const combobox = page.getByRole('combobox', { name: select });
  await combobox.locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]').click();
  const list = page.locator(`[id="${await combobox.getAttribute('aria-controls')}"]`);
  const item = list.getByRole('option', { name: option, exact: true });
  await expect(item).toBeVisible();
  await item.dispatchEvent('click');
}

test.beforeAll(async () => {
  const caseworker = await apiAs('zhang.wei');
  uscc = newUscc();
  enterpriseName = `豫创精密机械${suffix}有限公司`;
  const res = await caseworker.post('/api/v1/enterprises', { uscc, name: enterpriseName, address: '科创大道 88 号', park: '智能制造产业园', industry: '通用设备制造业' });
  expect(res.status).toBe(201);
});

test.setTimeout(90_000);

test('a caseworker logs a visit with two problems on a 390 px phone, and a double tap logs it once', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'zhang.wei');
  await expect(page).toHaveURL(/\/visits\/new/);
  await page.getByRole('combobox', { name: '走访企业' }).fill(enterpriseName.slice(0, 8));
  await pickOption(page, enterpriseName);
  for (const [i, title] of titles.entries()) {
    await page.getByRole('button', { name: '＋ 添加问题' }).click();
    await choose(page, `问题 ${i + 1} 类别`, i === 0 ? '融资' : '用工');
    await page.getByLabel(`问题 ${i + 1} 标题`).fill(title);
    await page.getByLabel(`问题 ${i + 1} 描述`).fill(`${title}，企业希望尽快协调`);
  }
  await page.getByLabel('走访情况').fill('与企业负责人座谈，了解生产经营情况');
  await screenshot(page, 'caseworker-log-visit-390');
  await page.getByRole('button', { name: '提交走访记录' }).dblclick();
  await expect(page.getByText('已登记走访，同时登记诉求 2 件')).toBeVisible();
  await screenshot(page, 'caseworker-log-visit-done-390');

  const manager = await apiAs('wang.fang');
  // The visits read model follows the log a moment later; poll it rather than race it.
  await expect.poll(async () => (await manager.get(`/api/v1/visits?enterpriseUscc=${uscc}`)).body.total).toBe(1);
  const visits = await manager.get(`/api/v1/visits?enterpriseUscc=${uscc}`);
  expect(visits.body.total).toBe(1);
  problemIds = visits.body.items[0].problemIds;
  expect(problemIds).toHaveLength(2);

  // 我登记的诉求: both, with the enterprise's name, and nobody else's.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/problems/mine');
  await expect(page.getByRole('heading', { name: '我登记的诉求' })).toBeVisible();
  for (const title of titles) {
    const row = page.locator('.el-table__row', { hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByText(enterpriseName)).toBeVisible();
  }
  await screenshot(page, 'caseworker-my-problems');
  await login(page, 'liu.yang');
  await page.goto('/problems/mine');
  await expect(page.getByRole('heading', { name: '我登记的诉求' })).toBeVisible();
  for (const title of titles) await expect(page.getByText(title)).toHaveCount(0);
});

test('the unit handler sees both in the inbox, accepts and resolves one; the dashboard moves and opens it', async ({ page }) => {
  const manager = await apiAs('wang.fang');
  for (const id of problemIds) {
    const assigned = await manager.post(`/api/v1/problems/${id}/assign`, { leadUnitId: 'unit-drc', coUnitIds: [], level: 'district', workingDays: 15 });
    expect(assigned.status).toBe(200);
    // Read-your-writes: wait until the problem list holds the assignment.
    expect((await manager.get(`/api/v1/problems/${id}?position=${assigned.body.position}`)).status).toBe(200);
  }
  const before = await manager.get(`/api/v1/metrics/resolution?scope=cumulative&from=2024-01-01&asOf=${today}`);
  const solvedBefore: number = before.body.total.resolutionRate.numerator;

  await login(page, 'li.na');
  await expect(page).toHaveURL(/\/inbox/);
  // The header names the handler's unit, not its code.
  await expect(page.locator('.who')).toContainText('李娜（责任单位经办人 · 区发展和改革局）');
  for (const title of titles) await expect(page.getByText(title)).toBeVisible();
  await screenshot(page, 'unit-inbox');
  await page.getByText(titles[0]).click();
  await expect(page.getByRole('heading', { name: titles[0] })).toBeVisible();
  await page.getByRole('button', { name: '签收' }).click();
  await page.getByRole('button', { name: '确定签收' }).click();
  await expect(page.locator('.page-title .el-tag').first()).toHaveText('已签收');
  await page.getByRole('button', { name: '办结' }).click();
  await choose(page, '办理结果', '已解决');
  await page.getByLabel('办理情况').fill('已协调合作银行完成续贷');
  await page.getByRole('button', { name: '确定办结' }).click();
  await expect(page.locator('.page-title .el-tag').first()).toHaveText('已办结');
  await expect(page.getByText('已协调合作银行完成续贷')).toBeVisible();
  await screenshot(page, 'unit-problem-page');

  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'wang.fang');
  await expect(page).toHaveURL(/\/dashboard/);
  const card = page.locator('.figure', { hasText: '问题解决率' });
  await expect(card.getByLabel(/问题解决率分子/)).toHaveText(String(solvedBefore + 1));
  await screenshot(page, 'manager-dashboard');
  await card.getByLabel(/问题解决率分子/).click();
  await expect(page).toHaveURL(/figure=resolutionRate/);
  await expect(page.getByText(titles[0])).toBeVisible();
  await expect(page.getByText(`共 ${solvedBefore + 1} 件`)).toBeVisible();
  await screenshot(page, 'manager-figure-problems');
});

test('a unit handler cannot see or open another unit’s problem, by menu, by URL or by list', async ({ page }) => {
  await login(page, 'chen.jing');
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole('navigation', { name: '主菜单' }).getByText('工作概览')).toHaveCount(0);
  for (const title of titles) await expect(page.getByText(title)).toHaveCount(0);
  await page.goto(`/problems/${problemIds[0]}`);
  await expect(page.getByText('诉求不存在，或不属于本单位，无权查看')).toBeVisible();
  await page.goto('/problems');
  await expect(page.locator('.el-table')).toBeVisible();
  for (const title of titles) await expect(page.getByText(title)).toHaveCount(0);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/inbox\?denied=/);
  await expect(page.getByText('无权打开 /dashboard')).toBeVisible();
});

test('a bad USCC is refused next to the field and nothing is registered', async ({ page }) => {
  await login(page, 'zhang.wei');
  await page.goto('/enterprises/new');
  const good = newUscc();
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  await page.getByLabel('统一社会信用代码').fill(bad);
  await expect(page.locator('.el-form-item', { hasText: '统一社会信用代码' }).getByText('校验位错误')).toBeVisible();
  await page.getByLabel('企业名称').fill('校验测试有限公司');
  await page.getByLabel('地址').fill('测试路 1 号');
  await page.getByLabel('所在园区').fill('智能制造产业园');
  await page.getByLabel('所属行业').fill('通用设备制造业');
  await page.getByRole('button', { name: '登记企业' }).click();
  await expect(page).toHaveURL(/\/enterprises\/new/);
  await expect(page.getByLabel('企业名称')).toHaveValue('校验测试有限公司');
  await screenshot(page, 'caseworker-register-enterprise-error');
  const found = await (await apiAs('zhang.wei')).get(`/api/v1/enterprises/${bad}`);
  expect(found.status).toBe(400);
  const list = await (await apiAs('zhang.wei')).get(`/api/v1/enterprises?name=${encodeURIComponent('校验测试')}`);
  expect(list.body.total).toBe(0);
});

test('a stale page shows the conflict and reloads the problem instead of overwriting', async ({ page }) => {
  await login(page, 'wang.fang');
  await page.goto(`/problems/${problemIds[1]}`);
  await expect(page.locator('.page-title .el-tag').first()).toHaveText('待签收');
  // Meanwhile the unit accepts it.
  const accepted = await (await apiAs('li.na')).post(`/api/v1/problems/${problemIds[1]}/accept`, {});
  expect(accepted.status).toBe(200);
  await page.getByRole('button', { name: '督办' }).click();
  await page.getByLabel('督办意见').fill('请加快办理');
  await page.getByRole('button', { name: '确定督办' }).click();
  await expect(page.getByText('该诉求刚被他人更新')).toBeVisible();
  await expect(page.locator('.page-title .el-tag').first()).toHaveText('已签收');
  const problem = await (await apiAs('wang.fang')).get(`/api/v1/problems/${problemIds[1]}?position=${accepted.body.position}`);
  expect(problem.body.supervisionCount).toBe(0);
  await screenshot(page, 'manager-problem-conflict');
});

test('the manager reads June by policy year and downloads the June XLSX, and it opens', async ({ page }) => {
  // Money paid in June under two policy years (2023 and 2024), through the API as the bureau records it.
  const manager = await apiAs('wang.fang');
  for (const [policyYear, amountFen, paidOn] of [[2023, 12_345_600, '2024-06-14'], [2024, 5_000_000, '2024-06-20']] as const) {
    const item = await manager.post('/api/v1/subsidies/policy-items', { name: `${policyYear}年度区级测试奖励${suffix}`, policyYear, issuingUnit: '区工业和信息化局', mode: 'automatic' });
    expect(item.status).toBe(201);
    const opened = await manager.post('/api/v1/subsidies/cases', { how: 'match', enterpriseUscc: uscc, policyItemId: item.body.policyItemId, on: '2024-04-01' });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    expect((await manager.post(`/api/v1/subsidies/cases/${caseId}/review`, { decision: 'approve', approvedAmountFen: amountFen, on: '2024-04-20' })).status).toBe(200);
    expect((await manager.post(`/api/v1/subsidies/cases/${caseId}/announce`, { from: '2024-05-01', to: '2024-05-07' })).status).toBe(200);
    expect((await manager.post(`/api/v1/subsidies/cases/${caseId}/disbursements`, { disbursementId: `PAY-${policyYear}-${suffix}`, amountFen, paidOn })).status).toBe(200);
  }
  // A June problem the 发改 unit concluded on time: a row of the unit table.
  const june = await (await apiAs('zhang.wei')).post('/api/v1/visits', {
    enterpriseUscc: uscc, visitedOn: '2024-06-10', caseworkerIds: [account('zhang.wei').id], form: 'on_site', notes: '六月走访',
    problems: [{ title: `六月诉求${suffix}`, description: '企业反映用地手续', category: '审批' }], confirmSecondVisit: true,
  });
  expect(june.status).toBe(201);
  const [juneProblem] = june.body.problemIds as string[];
  expect((await manager.post(`/api/v1/problems/${juneProblem}/assign`, { on: '2024-06-10', leadUnitId: 'unit-drc', coUnitIds: [], level: 'district', workingDays: 5 })).status).toBe(200);
  const drc = await apiAs('li.na');
  expect((await drc.post(`/api/v1/problems/${juneProblem}/accept`, { on: '2024-06-11' })).status).toBe(200);
  expect((await drc.post(`/api/v1/problems/${juneProblem}/resolve`, { on: '2024-06-13', outcome: 'solved', summary: '已办结' })).status).toBe(200);
  const generated = await manager.post('/api/v1/reports/monthly/2024-06', {});
  expect([200, 201]).toContain(generated.status);
  await login(page, 'wang.fang');
  await page.goto('/reports?month=2024-06');
  await expect(page.getByText(/第 1 版/).first()).toBeVisible();
  // The money by policy year, one row per year of the year to date, as the API's summary gives it.
  const summary = (await manager.get('/api/v1/reports/monthly/2024-06')).body.summary;
  const years = summary.figures.subsidies.yearToDate.byPolicyYear as { policyYear: number; disbursed: { wanYuan: string } }[];
  expect(years.map((y) => [y.policyYear, y.disbursed.wanYuan])).toEqual([[2023, '12.35'], [2024, '5.00']]);
  await expect(page.locator('.narrative')).toContainText('兑现惠企政策资金17.35万元（其中2023年度12.35万元、2024年度5.00万元）');
  const unitRow = page.locator('.units .el-table__body tr', { hasText: '区发展和改革局' });
  await expect(unitRow).toContainText('100.0%（1/1）');
  // The unit table as published (its diff says what the sentence below would be built from).
  const units = summary.figures.units as { rows: { unitId: string; onTimeRate: { numerator: number; denominator: number } }[]; lowest: unknown[] };
  expect({ scored: units.rows.filter((r) => r.onTimeRate.denominator > 0).map((r) => [r.unitId, r.onTimeRate.numerator, r.onTimeRate.denominator]), lowest: units.lowest })
    .toEqual({ scored: [['unit-drc', 1, 1]], lowest: [] });
  await expect(page.locator('.narrative')).toContainText('本月1个责任单位参与按时办结考评，均按时办结');
  const rows = page.locator('.policy-years .el-table__body tr');
  await expect(rows).toHaveCount(years.length);
  for (const [i, y] of years.entries()) {
    await expect(rows.nth(i)).toContainText(`${y.policyYear}年度`);
    await expect(rows.nth(i)).toContainText(y.disbursed.wanYuan);
  }
  await screenshot(page, 'manager-monthly-report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 XLSX' }).click()]);
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.worksheets.length).toBeGreaterThan(0);
  const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
  expect(cells.some((c) => c.includes('2024'))).toBe(true);
});

test('an admin deactivates an account from the users page, and that user’s open session ends', async ({ page, browser }) => {
  const admin = await apiAs('admin');
  const username = `temp.${suffix}`;
  const created = await admin.post('/api/v1/users', { username, displayName: `临时${suffix}`, password: 'browser-suite-password', role: 'caseworker' });
  expect(created.status).toBe(201);

  const theirs = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await login(theirs, username);
  await expect(theirs).toHaveURL(/\/visits\/new/);

  await login(page, 'admin');
  await page.goto('/admin/users');
  const row = page.getByTestId('users-table').locator('tr', { hasText: username });
  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(row.getByText('已停用')).toBeVisible();

  // Their next request is refused: the console sends them to the login page, and logging in again fails.
  await theirs.goto('/visits');
  await expect(theirs).toHaveURL(/\/login/);
  await expect(theirs.getByText('登录已过期，请重新登录')).toBeVisible();
  await theirs.getByLabel('用户名').fill(username);
  await theirs.getByLabel('密码').fill('browser-suite-password');
  await theirs.getByRole('button', { name: '登录' }).click();
  await expect(theirs.getByText('用户名或密码错误')).toBeVisible();
  await theirs.context().close();
});

test('the manager previews a long certification list: counts, the first rows, further pages and the error rows', async ({ page }) => {
  const header = '企业名称,统一社会信用代码,类型,级别,批次,文号,公告日期,有效期起,有效期止';
  // 60 data rows (rows 2–61): every tenth has a malformed code, the rest are firms not yet registered.
  const lines = Array.from({ length: 60 }, (_, i) => `名单企业${i},${i % 10 === 9 ? 'NOT-A-USCC' : newUscc()},创新型中小企业,,2024年第一批,工信〔2024〕1号,2024-03-01,2024-03-01,`);
  await login(page, 'wang.fang');
  await page.goto('/certifications/import');
  await page.getByLabel('选择名单文件').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('共 60 行：有错误 6，企业未入库 54')).toBeVisible();
  await expect(page.locator('.el-table__body tr')).toHaveCount(50);
  await page.locator('.el-pagination').getByText('2', { exact: true }).click();
  await expect(page.locator('.el-table__body tr')).toHaveCount(10);
  await expect(page.locator('.el-table__body tr').first()).toContainText('52');
  await choose(page, '按状态筛选', '有错误（6）');
  await expect(page.locator('.el-table__body tr')).toHaveCount(6);
  await expect(page.locator('.el-table__body tr').first()).toContainText('NOT-A-USCC');
  await expectAccessible(page);
  await screenshot(page, 'certification-import-preview');
});

test('the same visit sent again minutes later is held as a likely duplicate; 仍然登记 logs a second visit', async ({ page }) => {
  const caseworker = await apiAs('zhang.wei');
  const firm = newUscc();
  const firmName = `豫东食品${suffix}有限公司`;
  expect((await caseworker.post('/api/v1/enterprises', { uscc: firm, name: firmName, address: '食品产业园 6 号', park: '食品产业园', industry: '食品制造业' })).status).toBe(201);
  await login(page, 'zhang.wei');
  const fill = async () => {
    await page.getByRole('combobox', { name: '走访企业' }).fill(firmName.slice(0, 6));
    await pickOption(page, firmName);
    await page.getByLabel('走访情况').fill('回访企业用电问题');
  };
  await fill();
  await page.getByRole('button', { name: '提交走访记录' }).click();
  await expect(page.getByText('已登记走访')).toBeVisible();

  // The same form again (a phone that lost the answer and the caseworker who taps again): held, nothing logged.
  await page.getByRole('button', { name: '再登记一次' }).click();
  await fill();
  await page.getByRole('button', { name: '提交走访记录' }).click();
  const held = page.getByRole('alert').filter({ hasText: '已登记过这家企业' });
  await expect(held).toBeVisible();
  await expect(held).toContainText('您登记');
  await screenshot(page, 'caseworker-visit-possible-duplicate');
  const manager = await apiAs('wang.fang');
  await expect.poll(async () => (await manager.get(`/api/v1/visits?enterpriseUscc=${firm}`)).body.total).toBe(1);

  await held.getByRole('button', { name: '仍然登记' }).click();
  await expect(page.getByText('已登记走访')).toBeVisible();
  await expect.poll(async () => (await manager.get(`/api/v1/visits?enterpriseUscc=${firm}`)).body.total).toBe(2);
});

test('the dashboard counts 三色预警 per lead unit by name, and a count opens those problems with their colour', async ({ page }) => {
  const caseworker = await apiAs('zhang.wei');
  const manager = await apiAs('wang.fang');
  const title = `用电增容${suffix}`;
  const visit = await caseworker.post('/api/v1/visits', {
    enterpriseUscc: uscc, visitedOn: today, caseworkerIds: [account('zhang.wei').id], form: 'on_site', notes: '回访',
    problems: [{ title, description: '企业扩产需要增容', category: '基础设施' }], confirmSecondVisit: true,
  });
  expect(visit.status).toBe(201);
  const [problemId] = visit.body.problemIds as string[];
  // One working day to act: its deadline falls within the blue window (2 working days) from today on.
  const assigned = await manager.post(`/api/v1/problems/${problemId}/assign`, { on: today, leadUnitId: 'unit-hr', coUnitIds: [], level: 'district', workingDays: 1 });
  expect(assigned.status).toBe(200);
  await expect.poll(async () => (await manager.get(`/api/v1/problems?leadUnitId=unit-hr&warning=blue&position=${assigned.body.position}`)).body.items.some((p: { problemId: string }) => p.problemId === problemId)).toBe(true);

  await login(page, 'wang.fang');
  await page.goto('/dashboard');
  const section = page.getByRole('region', { name: '三色预警' });
  const row = section.locator('.el-table__row', { hasText: '区人力资源和社会保障局' });
  await expect(row).toBeVisible();
  await screenshot(page, 'manager-dashboard-warnings');
  await row.locator('.figure-link.blue').click();
  await expect(page).toHaveURL(/leadUnitId=unit-hr/);
  await expect(page.getByText('牵头单位：区人力资源和社会保障局')).toBeVisible();
  const listed = page.locator('.el-table__row', { hasText: title });
  await expect(listed).toBeVisible();
  await expect(listed.getByText('蓝', { exact: true })).toBeVisible();
  await expect(listed).toContainText('区人力资源和社会保障局');
  await screenshot(page, 'problem-list-warning-blue');
});

test('a certification count on the dashboard opens the firms behind it, with the announcement and valid-from dates', async ({ page }) => {
  const manager = await apiAs('wang.fang');
  // Announced in March for a window valid from February: 新增 counts it by the first date, 有效 by the second.
  const granted = await manager.post('/api/v1/certifications', {
    uscc, type: 'specialized_sme', level: 'province', batch: '2024年第一批', documentNumber: `豫工信〔2024〕${suffix}号`,
    announcedOn: '2024-03-15', validFrom: '2024-02-01', validTo: '2027-01-31',
  });
  expect(granted.status).toBe(201);
  await expect.poll(async () => (await manager.get(`/api/v1/certifications/counts/enterprises?type=specialized_sme&level=province&measure=new_in_period&asOf=${today}&from=2024-01-01&limit=100&position=${granted.body.position}`)).body.items.some((f: { uscc: string }) => f.uscc === uscc)).toBe(true);
  await login(page, 'wang.fang');
  await page.goto('/dashboard');
  const section = page.getByRole('region', { name: '企业认定' });
  const row = section.locator('.el-table__row', { hasText: '专精特新' }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /期间新增的企业/ }).click();
  const drawer = page.locator('.firms-drawer');
  await expect(drawer.getByText(/期间新增的企业/)).toBeVisible();
  const firm = drawer.locator('.el-table__row', { hasText: enterpriseName });
  await expect(firm).toBeVisible();
  await expect(firm).toContainText('2024-03-15');
  await expect(firm).toContainText('2024-02-01');
  await expect(firm).toContainText('有效期 2024-02-01 至 2027-01-31');
  await screenshot(page, 'manager-dashboard-certified-firms');
});

test('a dashboard opened on a longer period than the certification series allows draws the latest 60 months and says so', async ({ page }) => {
  await login(page, 'wang.fang');
  // Everything since 2019 is more than the 60 months GET /certifications/counts/series answers: the chart starts later.
  await page.goto('/dashboard?from=2019-01-01');
  const section = page.getByRole('region', { name: '企业认定' });
  await expect(section.getByText(/认定趋势只画最近 60 个月（自 \d{4}年\d{1,2}月1日 起）/)).toBeVisible();
  await expect(section.locator('.chart canvas')).toBeVisible();
  await expect(page.locator('.el-alert--error')).toHaveCount(0);
  await screenshot(page, 'manager-dashboard-series-clamped');
});

test('the enterprise profile’s timeline names each event in the bureau’s words, latest last, with how many there are', async ({ page }) => {
  await login(page, 'wang.fang');
  await page.goto(`/enterprises/${uscc}`);
  await page.getByRole('tab', { name: /变更与时间线（\d+）/ }).click();
  const items = page.locator('.el-timeline-item');
  await expect(items.filter({ hasText: '企业入库' })).toHaveCount(1);
  await expect(page.locator('.el-timeline-item', { hasText: /(Enterprise|Visit|Problem|Certification|Subsidy)[A-Z][a-z]+/ })).toHaveCount(0);
  await screenshot(page, 'enterprise-timeline');
});

test('an admin sees every read model healthy, by its name in the bureau\'s words, with how far it has got', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '读模型状态' }).click();
  await expect(page.getByRole('heading', { name: '读模型状态' })).toBeVisible();
  const rows = page.locator('.el-table__body tr');
  await expect(rows.filter({ hasText: '诉求详情与列表' })).toContainText('正常');
  await expect(rows.filter({ hasText: '走访记录' })).toContainText('正常');
  await expect(page.getByText('已停止')).toHaveCount(0);
  await expect(page.getByText(/^\d+ \/ \d+ 正常$/)).toHaveText(/^(\d+) \/ \1 正常$/);
});

test('the main pages have no serious or critical accessibility violations, and each is saved as a screenshot', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await screenshot(page, 'login');
  await login(page, 'admin');
  for (const [path, name] of [
    ['/dashboard', 'admin-dashboard'], ['/problems', 'problem-list'], [`/problems/${problemIds[0]}`, 'problem-page'],
    ['/visits', 'visit-list'], [`/enterprises/${uscc}`, 'enterprise-profile'], ['/enterprises', 'enterprise-list'],
    ['/reports?month=2024-06', 'monthly-reports'], ['/certifications/import', 'certification-import'],
    ['/admin/users', 'admin-users'], ['/account/password', 'change-password'], ['/admin/units', 'admin-units-list'], ['/admin/calendar', 'admin-calendar'], ['/admin/jobs', 'admin-jobs'], ['/admin/projections', 'admin-projections'], ['/visits/new', 'log-visit'],
  ] as const) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, name);
  }
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'li.na');
  await expectAccessible(page);
  expect(account('li.na').unitId).toBe('unit-drc');
});
