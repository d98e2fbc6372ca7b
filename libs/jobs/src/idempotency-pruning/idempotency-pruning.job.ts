import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform';

export interface IdempotencyPruningResult {
  /** The Shanghai date the run was for. */
  on: string;
  retentionDays: number;
  /** Records created before this instant (the database clock's now() minus the retention) were removed. */
  cutoff: string;
  /** HTTP Idempotency-Key records (replayable answers and their fingerprints) removed. */
  httpKeysDeleted: number;
  /** Event-store append keys removed. */
  storeKeysDeleted: number;
}

/** Rows per DELETE: small enough that a prune never holds a long lock or writes one huge transaction. */
const BATCH = 5_000;

/**
 * 幂等记录清理: both idempotency tables grow by one row per keyed request or append, forever, unless pruned.
 * A key is a promise to a client retrying the same request; past the retention (IDEMPOTENCY_RETENTION_DAYS,
 * far beyond any client's retry horizon) it is kept no longer. Age is judged by the database clock, as the
 * takeover of an abandoned key is, so an API host with a skewed clock cannot prune early. Re-running the job
 * for the same day deletes what has aged since, and nothing younger.
 */
@Injectable()
export class IdempotencyPruningJob {
  private readonly logger = new Logger('IdempotencyPruning');

  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async run(on: string): Promise<IdempotencyPruningResult> {
    const retentionDays = this.config.idempotency.retentionDays;
    const [{ cutoff }]: { cutoff: Date }[] = await this.db.query(`SELECT now() - make_interval(days => $1::int) AS cutoff`, [retentionDays]);
    const httpKeysDeleted = await this.prune('http_idempotency_keys', cutoff);
    const storeKeysDeleted = await this.prune('es_idempotency_keys', cutoff);
    const result = { on, retentionDays, cutoff: new Date(cutoff).toISOString(), httpKeysDeleted, storeKeysDeleted };
    this.logger.log(`Idempotency records older than ${retentionDays} days pruned: ${httpKeysDeleted} HTTP, ${storeKeysDeleted} store`);
    return result;
  }

  /** Deletes in batches along the created_at index until none older than the cutoff is left. */
  private async prune(table: 'http_idempotency_keys' | 'es_idempotency_keys', cutoff: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      // A CTE so the statement is a SELECT: TypeORM hands a bare DELETE's result back as [rows, count].
      const [{ n }]: { n: number }[] = await this.db.query(
        `WITH gone AS (DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE created_at < $1 ORDER BY created_at LIMIT ${BATCH}) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [cutoff],
      );
      deleted += n;
      if (n < BATCH) return deleted;
    }
  }
}
