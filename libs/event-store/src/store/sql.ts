import type { Pool, PoolClient } from 'pg';

/** The little the store needs from a PostgreSQL connection; lets the same code run on a pool or inside a transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
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

  async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.pool.query(text, params as unknown[]);
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

  async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.client.query(text, params as unknown[]);
    return result.rows as R[];
  }
}
