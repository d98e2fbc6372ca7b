import type { Pool, PoolClient } from 'pg';

/**
 * A constant statement PostgreSQL prepares once per connection instead of parsing and planning it on every
 * call (which cost the append two thirds of its CPU: docs/benchmarks.md). Only for fixed SQL text — never
 * for text built from values — since every name stays prepared for the connection's lifetime.
 */
export interface PreparedSql {
  name: string;
  text: string;
}

export type SqlText = string | PreparedSql;

export function prepared(name: string, text: string): PreparedSql {
  return { name: `zq_${name}`, text };
}

/** The little the store needs from a PostgreSQL connection; lets the same code run on a pool or inside a transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: SqlText, params?: readonly unknown[]): Promise<R[]>;
}

function toQuery(text: SqlText, params: readonly unknown[]) {
  return typeof text === 'string'
    ? { text, values: params as unknown[] }
    : { name: text.name, text: text.text, values: params as unknown[] };
}

export interface TransactionalSql extends Sql {
  /**
   * Runs `work` in one transaction on one connection. Inside it, use only the `tx` it is given:
   * with the embedded database the pool has a single connection, and a second query on the pool waits forever.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

export class PoolSql implements TransactionalSql {
  constructor(readonly pool: Pool) {}

  async query<R>(text: SqlText, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.pool.query(toQuery(text, params));
    return result.rows as R[];
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new ClientSql(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

class ClientSql implements Sql {
  constructor(private readonly client: PoolClient) {}

  async query<R>(text: SqlText, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.client.query(toQuery(text, params));
    return result.rows as R[];
  }
}
