import type { PGlite } from '@electric-sql/pglite';
import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';
import { embeddedPoolOptions } from './embedded-postgres';

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; pglite: PGlite };

/** One place that turns "where is the database" into TypeORM options, for the apps, scripts and tests alike. */
export function dataSourceOptions(target: DatabaseTarget, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations: ALL_MIGRATIONS,
    migrationsTransactionMode: 'all' as const,
    // Schema changes happen only through migrations (see migrate.ts); never synchronize.
    synchronize: false,
    migrationsRun: false,
  };
  if (target.kind === 'postgres') {
    return { ...common, url: target.url, poolSize: target.poolSize, applicationName: 'zhuqi' };
  }
  return { ...common, poolSize: 1, extra: embeddedPoolOptions(target.pglite) };
}
