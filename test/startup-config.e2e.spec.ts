import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A malformed variable stops the process at start-up with a message naming it, before anything opens. */
describe('start-up configuration', () => {
  it('refuses to start on malformed variables and names each of them', () => {
    const root = join(__dirname, '..');
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://db/zhuqi', REDIS_URL: 'not a url' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: .*must be a number/);
    expect(result.stderr).toMatch(/DATABASE_URL: .*postgres/);
    expect(result.stderr).toMatch(/REDIS_URL: /);
  });
});
