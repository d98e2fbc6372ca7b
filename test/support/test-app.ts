import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createEmptyServerDatabase, type TestDatabaseKind } from './test-database';

let appCount = 0;

export interface TestApp {
  app: INestApplication;
  close(): Promise<void>;
}

/**
 * The real API app (same bootstrap as main.ts) on a database of its own: a fresh PostgreSQL database,
 * or embedded PGlite in a temporary directory. `env` overrides variables for this app only; `options.demo`
 * adds the demo zone's loader.
 */
export async function startTestApi(kind: TestDatabaseKind, env: Record<string, string> = {}, options: { demo?: boolean } = {}): Promise<TestApp> {
  const saved = { ...process.env };
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const db = await createEmptyServerDatabase();
    process.env.DATABASE_URL = db.url;
    cleanup = db.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'zhuqi-test-'));
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  Object.assign(process.env, {
    LOG_LEVEL: 'warn',
    PROJECTION_POLL_INTERVAL_MS: '50',
    // Each test app is a deployment of its own: its Redis keys (queues, login counters) keep apart from the others'.
    JOBS_PREFIX: `test-${process.pid}-${++appCount}`,
    // Every test client is 127.0.0.1, like a bureau behind one proxy: only the specs about it keep the real limit.
    LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: '10000',
    ...env,
  });
  try {
    // The app reads the environment when it is created (PlatformConfigModule.forRoot), i.e. now.
    const app = await createApiApp(options);
    await app.init();
    return {
      app,
      async close() {
        await app.close();
        process.env = saved;
        await cleanup();
      },
    };
  } catch (error) {
    process.env = saved;
    await cleanup();
    throw error;
  }
}
