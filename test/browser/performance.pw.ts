import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { account, apiAs, expectAccessible, login, newUscc, screenshot } from './support';

/*
 * 单位考评 as a manager and a unit handler read it. The story lives in March 2025 (no holidays; acceptance limit
 * 1 working day), compared with February; no other spec writes there, so the counts below are this spec's own.
 *  F1 unit-drc 交办 02-17 (签收 due 02-18), accepted 02-19: late → drc February 及时签收率 0/1.
 *  P1 unit-drc 交办 03-03, accepted 03-04 on time; solved 03-07; 回访 03-10 satisfied.
 *  P2 unit-hr  交办 03-03 (due 03-04), accepted 03-05 late; still being handled: hr has nothing concluded.
 *  P3 bounced: unit-hr 03-04 returned 03-05 (on time) → unit-drc 03-05 returned 03-06 (on time)
 *              → unit-hr 03-06 (due 03-07) accepted 03-10 late: 流转 3 次.
 *  P4 unit-drc 交办 03-10 (due 03-11), never accepted: late.
 * 及时签收率 in March: drc 2/3 (66.7%, ↑ 66.7 against February), hr 1/3 (33.3%).
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);
test.use({ actionTimeout: 15_000 });

const suffix = String(Date.now()).slice(-6);
const title = (name: string) => `${name}${suffix}`;
const titles = { f1: title('厂房租金补贴咨询'), p1: title('技改贷款贴息'), p2: title('技能工招聘'), p3: title('用地审批协调'), p4: title('物流通道拥堵') };
const ids: Record<keyof typeof titles, string> = { f1: '', p1: '', p2: '', p3: '', p4: '' };

test.beforeAll(async () => {
  const [caseworker, manager, drc, hr] = await Promise.all(['zhang.wei', 'wang.fang', 'li.na', 'chen.jing'].map(apiAs));
  const uscc = newUscc();
  expect((await caseworker.post('/api/v1/enterprises', { uscc, name: `豫考评测试${suffix}有限公司`, address: '科创大道 9 号', park: '智能制造产业园', industry: '通用设备制造业' })).status).toBe(201);
  const visit = async (visitedOn: string, problems: [string, string][]) => {
    const res = await caseworker.post('/api/v1/visits', {
      enterpriseUscc: uscc, visitedOn, caseworkerIds: [account('zhang.wei').id], form: 'on_site', notes: '走访座谈，了解企业生产经营情况',
      problems: problems.map(([t, category]) => ({ title: t, category, description: `${t}：企业希望尽快协调` })),
    });
    expect(res.status).toBe(201);
    return res.body.problemIds as string[];
  };
  [ids.f1] = await visit('2025-02-17', [[titles.f1, '政策']]);
  [ids.p1, ids.p2, ids.p3, ids.p4] = await visit('2025-03-03', [[titles.p1, '融资'], [titles.p2, '用工'], [titles.p3, '用地'], [titles.p4, '物流']]);

  let position = 0;
  const step = async (who: typeof manager, id: string, action: string, on: string, body: object = {}) => {
    const res = await who.post(`/api/v1/problems/${id}/${action}`, { on, ...body });
    expect([action, res.status, res.body]).toEqual([action, 200, expect.anything()]);
    position = Math.max(position, res.body.position as number);
  };
  const assign = (id: string, on: string, leadUnitId: string) => step(manager, id, 'assign', on, { leadUnitId, coUnitIds: [], level: 'district', workingDays: 10 });

  await assign(ids.f1, '2025-02-17', 'unit-drc');
  await step(drc, ids.f1, 'accept', '2025-02-19');

  await assign(ids.p1, '2025-03-03', 'unit-drc');
  await step(drc, ids.p1, 'accept', '2025-03-04');
  await step(drc, ids.p1, 'resolve', '2025-03-07', { outcome: 'solved', summary: '贴息资金已拨付' });
  await step(caseworker, ids.p1, 'follow-up', '2025-03-10', { satisfaction: 'satisfied', note: '企业满意' });

  await assign(ids.p2, '2025-03-03', 'unit-hr');
  await step(hr, ids.p2, 'accept', '2025-03-05');

  await assign(ids.p3, '2025-03-04', 'unit-hr');
  await step(hr, ids.p3, 'return', '2025-03-05', { reason: '用地审批不属本单位职责' });
  await assign(ids.p3, '2025-03-05', 'unit-drc');
  await step(drc, ids.p3, 'return', '2025-03-06', { reason: '涉及用工手续，请人社局办理' });
  await assign(ids.p3, '2025-03-06', 'unit-hr');
  await step(hr, ids.p3, 'accept', '2025-03-10');

  await assign(ids.p4, '2025-03-10', 'unit-drc');

  // Read-your-writes: the page asks without a position, so wait until the 考评 holds the last step.
  const figures = await manager.get(`/api/v1/unit-performance?month=2025-03&position=${position}`);
  expect(figures.status).toBe(200);
});

test('a manager reads the March ranking, the units apart, the lowest three and the bounced problem, and opens a figure’s records', async ({ page }) => {
  await login(page, 'wang.fang');
  await page.getByRole('menuitem', { name: '单位考评' }).click();
  await expect(page.getByRole('heading', { name: '单位考评', level: 1 })).toBeVisible();
  // Opens on the month just finished (Asia/Shanghai).
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const previous = m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`;
  await expect(page.getByLabel('考评月份')).toHaveValue(previous);

  await page.goto('/performance?month=2025-03');
  await expect(page.getByLabel('考评月份')).toHaveValue('2025年3月');
  const ranking = page.getByRole('region', { name: '考评排名' });
  const drcRow = ranking.getByRole('row', { name: /区发展和改革局/ });
  const hrRow = ranking.getByRole('row', { name: /区人力资源和社会保障局/ });
  await expect(drcRow).toContainText('66.7%');
  await expect(drcRow).toContainText('↑ 66.7 个百分点'); // February: 0 of 1 on time
  await expect(hrRow).toContainText('33.3%');
  await expect(drcRow.locator('td').first()).toHaveText('1');
  await expect(hrRow.locator('td').first()).toHaveText('2');
  await expect(page.getByText('第 2 名 区人力资源和社会保障局：3件中2件超时签收')).toBeVisible();

  const bounced = page.getByRole('region', { name: '多次流转的问题' });
  const bouncedRow = bounced.getByRole('row', { name: new RegExp(titles.p3) });
  await expect(bouncedRow).toContainText('区人力资源和社会保障局 → 区发展和改革局 → 区人力资源和社会保障局');
  await expect(bouncedRow.getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'manager-unit-performance');

  // Ranked by 按时办结率, the unit with nothing concluded is listed apart, not scored.
  await page.getByRole('radiogroup', { name: '排名依据' }).getByText('按时办结率', { exact: true }).click();
  await expect(page.getByRole('heading', { name: /2025年3月考评排名 · 按时办结率/ })).toBeVisible();
  const apart = page.getByRole('region', { name: '不参与排名的单位' });
  await expect(apart.getByRole('heading', { name: /无已办结问题的单位/ })).toBeVisible();
  await expect(apart.getByRole('row', { name: /区人力资源和社会保障局/ })).toBeVisible();
  await expect(page.getByRole('region', { name: '考评排名' }).getByRole('row', { name: /区人力资源和社会保障局/ })).toHaveCount(0);
  await screenshot(page, 'manager-unit-performance-apart');

  // The records behind drc's 及时签收率 denominator: three assignments, each opening its problem.
  await page.getByRole('radiogroup', { name: '排名依据' }).getByText('及时签收率', { exact: true }).click();
  // A 回访 record reads in Chinese, not as the API's satisfaction code.
  await drcRow.getByRole('button', { name: '区发展和改革局回访满意率分母 1，查看记录' }).click();
  const satisfaction = page.getByRole('dialog', { name: '区发展和改革局 · 回访满意率的记录' });
  await expect(satisfaction.getByRole('row', { name: new RegExp(titles.p1) })).toContainText('回访2025-03-10：满意');
  await page.keyboard.press('Escape');
  await expect(satisfaction).toBeHidden();

  await drcRow.getByRole('button', { name: '区发展和改革局及时签收率分母 3，查看记录' }).click();
  const drawer = page.getByRole('dialog', { name: '区发展和改革局 · 及时签收率的记录' });
  await expect(drawer.getByText('共 3 条')).toBeVisible();
  for (const t of [titles.p1, titles.p3, titles.p4]) await expect(drawer.getByRole('link', { name: t })).toBeVisible();
  await expect(drawer.getByRole('row', { name: new RegExp(titles.p4) })).toContainText('未签收');
  await expect(drawer.locator('.el-loading-mask')).toHaveCount(0);
  // Its slide-in has ended when its right edge is the window's.
  const width = page.viewportSize()!.width;
  await expect.poll(async () => { const box = await drawer.boundingBox(); return box && Math.round(box.x + box.width); }).toBe(width);
  await screenshot(page, 'manager-unit-performance-records');
  // The problems behind the figure as a file: one row per problem, the three this drawer lists.
  await drawer.getByRole('button', { name: '导出诉求' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 Excel（XLSX）' }).click()]);
  expect(download.suggestedFilename()).toBe('诉求清单-考评-unit-drc-timelyAcceptance-denominator-2025-03.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const exported: string[] = [];
  workbook.getWorksheet('诉求')!.eachRow((row, n) => n > 1 && exported.push(String(row.getCell(1).value)));
  expect(exported.sort()).toEqual([ids.p1, ids.p3, ids.p4].sort());
  await drawer.getByText('计入分子的记录', { exact: true }).click();
  await expect(drawer.getByText('共 2 条')).toBeVisible();
  await expect(drawer.getByRole('link', { name: titles.p4 })).toHaveCount(0);
  await drawer.getByRole('link', { name: titles.p1 }).click();
  await expect(page).toHaveURL(new RegExp(`/problems/${ids.p1}$`));
  await expect(page.getByRole('heading', { name: titles.p1 })).toBeVisible();
});

test('a unit handler sees only its own unit', async ({ page }) => {
  await login(page, 'chen.jing');
  await page.getByRole('menuitem', { name: '单位考评' }).click();
  await page.goto('/performance?month=2025-03');
  const ranking = page.getByRole('region', { name: '考评排名' });
  await expect(ranking.getByRole('row', { name: /区人力资源和社会保障局/ })).toContainText('33.3%');
  await expect(page.getByText('区发展和改革局', { exact: true })).toHaveCount(0);
  // One unit: what fell short, without ranks.
  await expect(page.getByText('区人力资源和社会保障局：3件中2件超时签收')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '排名' })).toHaveCount(0);
  await screenshot(page, 'unit-handler-unit-performance');
});
