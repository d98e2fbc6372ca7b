import 'reflect-metadata';
import { writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { UsersService, type Role } from '@app/platform';
import { ExecuteHandlingUnitCommand, type Level } from '@app/support';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createEmptyServerDatabase } from '../support/test-database';

/**
 * The server the browser suite drives: the real API (same bootstrap as main.ts) serving the built console,
 * on a fresh PostgreSQL database when DATABASE_URL is set (CI), else on PGlite in a temporary folder.
 * It creates the bureau's accounts (there is no sign-up) and writes them to test-artifacts/accounts.json;
 * everything else the specs do through the console or the HTTP API, as a user would.
 */
export const BROWSER_PASSWORD = 'browser-suite-password';
/** The units the accounts and the specs' assignments refer to: registered before anyone is bound to one. */
export const UNITS: { id: string; name: string; level: Level }[] = [
  { id: 'unit-drc', name: '区发展和改革局', level: 'district' },
  { id: 'unit-hr', name: '区人力资源和社会保障局', level: 'district' },
];
export const ACCOUNTS: { username: string; displayName: string; role: Role; unitId?: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'wang.fang', displayName: '王芳', role: 'manager' },
  { username: 'zhang.wei', displayName: '张伟', role: 'caseworker' },
  { username: 'liu.yang', displayName: '刘洋', role: 'caseworker' },
  { username: 'li.na', displayName: '李娜', role: 'unit_handler', unitId: 'unit-drc' },
  { username: 'chen.jing', displayName: '陈静', role: 'unit_handler', unitId: 'unit-hr' },
];

async function main(): Promise<void> {
  const port = Number(process.env.BROWSER_PORT ?? 3300);
  if (process.env.DATABASE_URL) {
    const db = await createEmptyServerDatabase();
    process.env.DATABASE_URL = db.url;
    const drop = () => void db.drop().finally(() => process.exit(0));
    process.once('SIGTERM', drop);
    process.once('SIGINT', drop);
  } else {
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'zhuqi-browser-'));
  }
  // One process is the whole system here, jobs included: without Redis they run in-process, so a job the suite
  // triggers (the daily digest) runs in this server instead of waiting for a BullMQ worker nobody started.
  delete process.env.REDIS_URL;
  Object.assign(process.env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PROJECTION_POLL_INTERVAL_MS: '50',
    // The suite logs in a few dozen times a minute from one address; the limit itself has its own e2e test.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // One process is the whole system here: it projects too (with DATABASE_URL the default is a separate worker).
    PROJECTIONS_IN_API: 'true',
    CONSOLE_DIR: resolve(__dirname, '../../dist/console') });
  const app = await createApiApp();
  await app.init();
  const bus = app.get(CommandBus);
  for (const { id, name, level } of UNITS) {
    const setup = { actor: { id: 'browser-suite-setup' }, correlationId: `browser-suite-unit-${id}` };
    await bus.execute(new ExecuteHandlingUnitCommand(id, { type: 'RegisterHandlingUnit', name, level, parentId: null }, setup));
  }
  const users = app.get(UsersService);
  const created = [];
  for (const account of ACCOUNTS) {
    const user = await users.create({ ...account, password: BROWSER_PASSWORD });
    created.push({ ...account, id: user.id });
  }
  const artifacts = resolve(__dirname, '../../test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'accounts.json'), JSON.stringify(created, null, 2));
  await app.listen(port, '127.0.0.1');
  console.log(`browser-suite server on http://127.0.0.1:${port}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
