import { expect, test } from '@playwright/test';
import { expectAccessible, login, screenshot } from './support';

/**
 * 处理单位 as an administrator meets it: a bad code is shown beside its field and what was typed stays; the unit
 * appears in the list with its level and status, is renamed in place, and can be deactivated.
 */
const suffix = String(Date.now()).slice(-6);

test('an admin registers a unit (field errors beside the fields), edits it and deactivates it', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '处理单位' }).click();
  await expect(page.getByRole('heading', { name: '处理单位' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '区发展和改革局' })).toBeVisible(); // the suite's own units

  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新增处理单位' });
  await dialog.getByLabel('代码').fill(`bad code ${suffix}`);
  await dialog.getByLabel('名称').fill(`区测试局${suffix}`);
  await dialog.getByRole('button', { name: '保存' }).click();
  // The API's rule (matches), said in Chinese next to the field.
  await expect(dialog.getByText('格式不正确')).toBeVisible();
  await expect(dialog.getByLabel('名称')).toHaveValue(`区测试局${suffix}`);

  await dialog.getByLabel('代码').fill(`district-test-${suffix}`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(`district-test-${suffix}`) });
  await expect(row).toContainText(`区测试局${suffix}`);
  await expect(row).toContainText('区级');
  await expect(row).toContainText('启用');
  await expectAccessible(page);
  await screenshot(page, 'admin-units');

  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: `修改 district-test-${suffix}` });
  await edit.getByLabel('名称').fill(`区测试委${suffix}`);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(`区测试委${suffix}`);

  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog', { name: '停用处理单位' }).getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();
});
