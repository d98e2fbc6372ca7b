import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { lockEmbeddedDatabase } from './embedded-database-lock';

export interface EmbeddedDatabase {
  pglite: PGlite;
  /** Closes PGlite and releases the data directory for the next process. */
  close(): Promise<void>;
}

/**
 * Embedded PostgreSQL (PGlite) for the zero-setup default. It is one session in one process, so the
 * pool in front of it has exactly one connection: transactions then run one at a time and isolation
 * holds. (typeorm-pglite shares one session between query runners and interleaves transactions — not used.)
 * A data directory is opened by one process at a time (embedded-database-lock.ts); a second opener is refused.
 */
export async function openEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  if (dataDir.startsWith('memory://')) {
    const pglite = await PGlite.create(dataDir);
    return { pglite, close: () => (pglite.closed ? Promise.resolve() : pglite.close()) };
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const lock = lockEmbeddedDatabase(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    const pglite = await PGlite.create(dataDir);
    return {
      pglite,
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** node-postgres pool options that route the single pooled connection into the PGlite instance. */
export function embeddedPoolOptions(pglite: PGlite): { max: 1; connection: unknown } {
  return { max: 1, connection: createPgConfig(pglite).connection };
}
