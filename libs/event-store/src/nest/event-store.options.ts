import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { Pool } from 'pg';

export interface EventStoreModuleOptions {
  /** The pg pool (on the embedded database: a pool of one connection into PGlite). */
  pool: Pool;
  /** Run the projection runner in this process. */
  runProjections: boolean;
  projection: {
    batchSize: number;
    /** See ProjectionRunnerOptions.catchUpBatchSize. */
    catchUpBatchSize?: number;
    pollIntervalMs: number;
    wakeIntervalMs?: number;
    leaseTtlMs: number;
    staleAfterMs: number;
    /** Attempts on one failing event before the projection is stopped, and the first retry's delay (it doubles). */
    maxAttempts?: number;
    retryDelayMs?: number;
  };
  waitForTimeoutMs: number;
  /** Refuse to start when the log is ahead of the cluster's transaction counter (default true; the CLI skips it). */
  checkLogClockAtStart?: boolean;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: EVENT_STORE_OPTIONS } =
  new ConfigurableModuleBuilder<EventStoreModuleOptions>().setClassMethodName('forRoot').build();
