import type { DataSource } from 'typeorm';

/** Any constant shared by every Zhuqi process: several API replicas may start at once. */
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Runs pending migrations. On a server, an advisory lock on a dedicated connection makes concurrently
 * starting processes take turns; the embedded database has one process and one connection, so no lock.
 */
export async function migrate(dataSource: DataSource, { embedded }: { embedded: boolean }): Promise<void> {
  if (embedded) {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
