import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EVENT_STORE_ENTITIES } from '@app/event-store';
import { dataSourceOptions, migrate, POSTGRES_SESSION_OPTIONS } from '@app/platform';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** 8 workers plus spares (the task asks for at least 9): a check query never waits behind a busy worker. */
const POOL_SIZE = 10;

export interface BenchDatabase {
  name: string;
  pool: Pool;
  /** The server runs on this machine, so its backends' CPU time can be read from /proc. */
  localServer: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh database with the project's migrations and the baseline table. Every repetition gets its own,
 * so the store and the baseline both start from empty tables each time and no reset logic can be unfair.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `zhuqi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: ADMIN_URL, max: 1 });
  let pool: Pool | undefined;
  const drop = async () => {
    // A client never released (a phase that threw mid-transaction) would make pool.end() wait forever.
    if (pool) {
      const timer = new AbortController();
      await Promise.race([pool.end(), sleep(5_000, undefined, { signal: timer.signal })]).catch(() => undefined);
      timer.abort();
    }
    // pool.end() resolves once it has asked its connections to close, not once they are gone; a plain DROP
    // waits (up to 5 s) for them to go. FORCE only when something still holds on (an interrupted phase).
    await admin
      .query(`DROP DATABASE IF EXISTS "${name}"`)
      .catch(() => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await admin.end();
  };
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(ADMIN_URL, name);
    const dataSource = await new DataSource(
      dataSourceOptions({ kind: 'postgres', url, poolSize: 2 }, EVENT_STORE_ENTITIES),
    ).initialize();
    try {
      await migrate(dataSource, { embedded: false });
    } finally {
      await dataSource.destroy();
    }
    // idleTimeoutMillis 0: connections live for the whole repetition, so no phase pays for reconnecting
    // and the backends measureCpu follows by pid stay the same.
    // The apps' session settings (jit off) for the ceilings too: both sides of a ratio run under the same planner.
    pool = new Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 0, application_name: 'zhuqi-bench', options: POSTGRES_SESSION_OPTIONS });
    // An idle connection that the server closes would otherwise crash the process with an unhandled 'error'.
    pool.on('error', (error) => process.stderr.write(`[bench] idle connection lost: ${error.message}\n`));
    // The baseline: the least a log table can be (no stream lock, no log-order index, no idempotency).
    await pool.query(`CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, stream_id text NOT NULL,
      position int NOT NULL, type text NOT NULL, data jsonb NOT NULL)`);
    await warm(pool);
    const localServer = ['localhost', '127.0.0.1', '[::1]', ''].includes(new URL(url).hostname);
    return { name, pool, localServer, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

/** Opens every pooled connection up front so no timed phase pays for connection set-up. */
async function warm(pool: Pool): Promise<void> {
  const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
  clients.forEach((c) => c.release());
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Settles both tables after the writes, as autovacuum would in steady state: VACUUM sets hint bits and
 * ANALYZE gives the planner statistics. Without it the first reader of each table pays for the hint-bit
 * writes: for the store that is readStream, which runs before readAll; for the baseline it is its one paging
 * read — unfair to the baseline. CHECKPOINT then flushes the dirty pages so no read runs alongside the flush.
 */
export async function settle(pool: Pool): Promise<void> {
  await pool.query('VACUUM (ANALYZE) es_events, es_streams, bench_baseline');
  await pool.query('CHECKPOINT');
}

export async function machineInfo(pool: Pool): Promise<Record<string, unknown>> {
  const setting = async (name: string) => (await pool.query(`SHOW ${name}`)).rows[0][name] as string;
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0]?.model ?? 'unknown',
    cpu_count: cpus.length,
    total_memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node_version: process.version,
    postgres_version: await setting('server_version'),
    // The settings that bound single-row commit throughput, so the figures can be compared across machines.
    postgres_settings: {
      shared_buffers: await setting('shared_buffers'),
      synchronous_commit: await setting('synchronous_commit'),
      fsync: await setting('fsync'),
      wal_level: await setting('wal_level'),
      commit_delay: await setting('commit_delay'),
    },
  };
}
