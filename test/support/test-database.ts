import 'reflect-metadata';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { randomBytes } from 'node:crypto';
import { EVENT_STORE_ENTITIES, PoolSql, PostgresEventStore, type UpcasterRegistry } from '@app/event-store';
import { dataSourceOptions, migrate } from '@app/platform';

export type TestDatabaseKind = 'postgres' | 'pglite';

export interface TestDatabase {
  kind: TestDatabaseKind;
  /** Set for 'postgres': the URL of this test's own database. */
  url?: string;
  dataSource: DataSource;
  pool: Pool;
  sql: PoolSql;
  store(upcasters?: UpcasterRegistry): PostgresEventStore;
  close(): Promise<void>;
}

/**
 * The databases the contract suites run on: always embedded PGlite, and real PostgreSQL when
 * DATABASE_URL is set. With REQUIRE_SERVICES=1 (as in CI) a missing DATABASE_URL is an error, so the
 * PostgreSQL half can never be skipped silently.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  if (process.env.DATABASE_URL) return ['postgres', 'pglite'];
  if (process.env.REQUIRE_SERVICES === '1') {
    throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set: the PostgreSQL suites would be skipped');
  }
  return ['pglite'];
}

/** Only real PostgreSQL (suites about concurrency across connections). */
export function serverDatabaseKinds(): TestDatabaseKind[] {
  return testDatabaseKinds().filter((k) => k === 'postgres');
}

/** A fresh, migrated database of its own for one test file; close() drops it. */
export async function openTestDatabase(kind: TestDatabaseKind, { poolSize = 10 } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const pglite = await PGlite.create('memory://');
    const dataSource = await new DataSource(
      dataSourceOptions({ kind: 'embedded', pglite }, EVENT_STORE_ENTITIES),
    ).initialize();
    await migrate(dataSource, { embedded: true });
    return wrap(kind, dataSource, undefined, async () => {
      await dataSource.destroy();
      await pglite.close();
    });
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `zhuqi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  const dataSource = await new DataSource(
    dataSourceOptions({ kind: 'postgres', url, poolSize }, EVENT_STORE_ENTITIES),
  ).initialize();
  await migrate(dataSource, { embedded: false });
  return wrap(kind, dataSource, url, async () => {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
}

/** Creates an empty database on the server (no migrations) and returns its URL and a drop function. */
export async function createEmptyServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `zhuqi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function wrap(kind: TestDatabaseKind, dataSource: DataSource, url: string | undefined, close: () => Promise<void>): TestDatabase {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const sql = new PoolSql(pool);
  return {
    kind,
    url,
    dataSource,
    pool,
    sql,
    store: (upcasters) => new PostgresEventStore(sql, upcasters),
    close,
  };
}
