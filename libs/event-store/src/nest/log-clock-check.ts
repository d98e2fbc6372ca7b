import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { assertLogBehindCluster } from '../store/log-clock';
import type { Sql } from '../store/sql';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';
import { EVENT_DB } from './event-db';

/**
 * Refuses to start on a restored or moved database whose transaction counter is below the log's newest id
 * (LogAheadOfClusterError says how to recover). Runs before any projection starts; the admin CLI skips it so that
 * `restamp-log` can run.
 */
@Injectable()
export class LogClockCheck implements OnModuleInit {
  constructor(
    @Inject(EVENT_DB) private readonly db: Sql,
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.checkLogClockAtStart === false) return;
    await assertLogBehindCluster(this.db);
  }
}
