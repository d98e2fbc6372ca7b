import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';

/**
 * Embedded PostgreSQL (PGlite) for the zero-setup default. It is one session in one process, so the
 * pool in front of it has exactly one connection: transactions then run one at a time and isolation
 * holds. (typeorm-pglite shares one session between query runners and interleaves transactions — not used.)
 */
export async function openEmbeddedPostgres(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir);
}

/** node-postgres pool options that route the single pooled connection into the PGlite instance. */
export function embeddedPoolOptions(pglite: PGlite): { max: 1; connection: unknown } {
  return { max: 1, connection: createPgConfig(pglite).connection };
}
