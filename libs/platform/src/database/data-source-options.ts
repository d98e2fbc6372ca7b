import type { PGlite } from '@electric-sql/pglite';
import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';
import { embeddedPoolOptions } from './embedded-postgres';

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; pglite: PGlite };

/**
 * Settings of every PostgreSQL session the apps (and the benchmarks) open, as the `options` startup parameter.
 * jit=off: PostgreSQL compiles any statement whose estimated cost passes jit_above_cost with LLVM, and a figure over a
 * province's 10⁵ problems passes it — 100–200 ms of compiling for a statement that runs in less (the visits by
 * caseworker at 10⁴: 94 ms run, 163 ms JIT). Our statements are short reports and lookups, never the long analytical
 * scans JIT pays off on (docs/benchmarks.md).
 */
export const POSTGRES_SESSION_OPTIONS = '-c jit=off';

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
    return { ...common, url: target.url, poolSize: target.poolSize, applicationName: 'zhuqi', extra: { options: POSTGRES_SESSION_OPTIONS } };
  }
  return { ...common, poolSize: 1, extra: embeddedPoolOptions(target.pglite) };
}
