import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { openEmbeddedPostgres } from '@app/platform';

const root = join(__dirname, '..');

/** Starts a separate process that opens `dir` and resolves once it has it open. */
async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/support/hold-embedded-database.ts', dir], { cwd: root });
  let out = '';
  child.stderr!.on('data', (chunk) => (out += chunk));
  for await (const chunk of child.stdout!) {
    if (String(chunk).includes('open')) return child;
  }
  throw new Error(`the holder did not open the database: ${out}`);
}

function runOnDataDir(args: string[], dataDir: string) {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
  return spawnSync(process.execPath, ['-r', '@swc-node/register', ...args], {
    cwd: root,
    env: { ...env, DATA_DIR: dataDir, PORT: '0', ZHUQI_PASSWORD: 'a-long-password-1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/**
 * PGlite has no lock of its own: a second process on the same directory works on its own copy and its writes
 * are lost. One process only may have DATA_DIR's database open; the others are refused with the holder's pid.
 */
describe('the embedded database is opened by one process at a time', () => {
  let dataDir: string;
  let pgliteDir: string;
  let holder: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'zhuqi-lock-'));
    pgliteDir = join(dataDir, 'pglite');
  });
  afterEach(async () => {
    if (holder && holder.exitCode === null && holder.signalCode === null) {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second opener in this process, the API and the CLI, naming the pid that has it open', async () => {
    holder = await holdInAnotherProcess(pgliteDir);
    const message = `the embedded database in DATA_DIR is in use by pid ${holder.pid}`;

    await expect(openEmbeddedPostgres(pgliteDir)).rejects.toThrow(message);
    // A second `npm start` and the CLI (`npm run cli -- create-admin …`) stop with that message.
    for (const args of [['apps/api/src/main.ts'], ['apps/worker/src/cli.ts', 'create-admin', 'admin2']]) {
      const second = runOnDataDir(args, dataDir);
      expect(second.stderr).toContain(message);
      expect(second.status).toBe(1);
    }
    // The refused openers left the holder's lock in place.
    expect(readFileSync(`${pgliteDir}.lock`, 'utf8').trim()).toBe(String(holder.pid));
  }, 240_000);

  it('takes over the lock of a process that died with the database open, and releases it on close', async () => {
    holder = await holdInAnotherProcess(pgliteDir);
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    expect(readFileSync(`${pgliteDir}.lock`, 'utf8').trim()).toBe(String(holder.pid)); // left behind

    const db = await openEmbeddedPostgres(pgliteDir);
    expect(readFileSync(`${pgliteDir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await expect(db.pglite.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await db.close();
    expect(existsSync(`${pgliteDir}.lock`)).toBe(false);

    // …and the next process opens it again.
    const again = await openEmbeddedPostgres(pgliteDir);
    await again.close();
  });
});
