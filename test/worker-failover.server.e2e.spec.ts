import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openTestDatabase, serverDatabaseKinds, type TestDatabase } from './support/test-database';

/**
 * Two real worker processes on one database: one holds the projection, and when it is killed (SIGKILL,
 * no clean shutdown) the other takes over and keeps the read model current, counting nothing twice.
 */
describe.each(serverDatabaseKinds())('worker failover on %s', () => {
  let db: TestDatabase;
  const workers = new Map<string, ChildProcess>();

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const w of workers.values()) w.kill('SIGKILL');
    await db?.close();
  });

  const startWorker = (name: string) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: join(__dirname, '..'),
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '3',
        LOG_LEVEL: 'warn',
        PROJECTION_LEASE_TTL_MS: '2000',
        PROJECTION_POLL_INTERVAL_MS: '50',
      },
      stdio: 'ignore',
    });
    workers.set(name, child);
    return child;
  };

  const leaseOwner = async () =>
    (await db.sql.query<{ owner: string }>(`SELECT owner FROM projection_leases WHERE name = 'log-overview'`))[0]?.owner;
  const counted = async () =>
    Number((await db.sql.query<{ n: string }>(`SELECT coalesce(sum(event_count), 0) AS n FROM es_event_type_counts`))[0].n);

  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
      await sleep(50);
    }
  }

  it('hands the projection to the surviving worker when its holder is killed', async () => {
    const store = db.store();
    await store.append('case-1', [{ type: 'CaseOpened', data: { title: '物流成本高' } }]);
    const first = startWorker('a');
    const second = startWorker('b');
    const holder = await until(leaseOwner, (o) => o !== undefined, 'a worker to take the lease');
    await until(counted, (n) => n === 1, 'the first event to be counted');

    const holderPid = Number(holder.split(':')[1]);
    const [victim, survivor] = holderPid === first.pid ? [first, second] : [second, first];
    expect([first.pid, second.pid]).toContain(holderPid);
    victim.kill('SIGKILL');

    await store.append('case-1', [{ type: 'CaseAssigned', data: { unit: '区发改委' } }]);
    const newOwner = await until(leaseOwner, (o) => o !== undefined && Number(o.split(':')[1]) === survivor.pid, 'takeover');
    expect(newOwner).not.toBe(holder);
    await until(counted, (n) => n === 2, 'the second event to be counted');
    expect(await counted()).toBe(2);
  });
});
