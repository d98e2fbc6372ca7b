import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { usccCheckCharacter } from '../../libs/enterprises/src/domain/uscc';

export const PASSWORD = 'browser-suite-password';
export const ARTIFACTS = resolve(__dirname, '../../test-artifacts');
const BASE = `http://127.0.0.1:${process.env.BROWSER_PORT ?? 3300}`;

export interface Account { id: string; username: string; displayName: string; role: string; unitId?: string }
export function account(username: string): Account {
  const all = JSON.parse(readFileSync(resolve(ARTIFACTS, 'accounts.json'), 'utf8')) as Account[];
  const found = all.find((a) => a.username === username);
  if (!found) throw new Error(`no account ${username}`);
  return found;
}

let serial = 0;
/** A valid USCC, distinct per call and per run. */
export function newUscc(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let n = Date.now() * 100 + serial++;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = alphabet[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91410100${body}0`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

/** The HTTP API as one user, for the steps a spec needs done but is not about. */
export async function apiAs(username: string) {
  const login = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { token: accessToken, get: (path: string) => call('GET', path), post: (path: string, body: unknown = {}) => call('POST', path, body) };
}

export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: resolve(ARTIFACTS, 'screenshots', `${name}.png`), fullPage: true });
}

/** axe: no serious or critical violations on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
}
