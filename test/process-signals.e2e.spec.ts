import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/live`)).ok;
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * The API as started in production (main.ts, on the embedded default): log rotation's SIGHUP and a profiler's SIGUSR2
 * leave it serving; SIGTERM closes it (Nest runs the shutdown hooks, then re-raises the signal so a supervisor sees
 * why it stopped) and the embedded database's lock is released.
 */
describe('process signals', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuqi-signals-'));
  const port = 3900 + (process.pid % 90);
  let api: ChildProcess;
  let output = '';

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    api = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: root, env });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(() => healthy(port), 90_000);
  }, 120_000);

  afterAll(() => {
    if (api.exitCode === null) api.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps serving through SIGHUP and SIGUSR2, and stops cleanly on SIGTERM', async () => {
    api.kill('SIGHUP');
    api.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(api.exitCode).toBeNull();
    expect(await healthy(port)).toBe(true);
    expect(output).toContain('SIGHUP received: ignored');

    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(true);
    const exit = exited(api);
    api.kill('SIGTERM');
    expect(await exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  }, 60_000);
});
