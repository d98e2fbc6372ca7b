import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { EVENT_STORE } from '../store/event-store';
import { PostgresEventStore } from '../store/postgres-event-store';
import { PoolSql } from '../store/sql';
import { ReadModelWaiter } from '../projections/read-model-waiter';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { ConfigurableModuleClass, EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';
import { ProjectionMetrics } from './projection-metrics';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionRunnerService } from './projection-runner.service';
import { ProjectionHealth } from './projection-health';
import { ProjectionAdmin } from './projection-admin';

import { EVENT_DB } from './event-db';
import { LogClockCheck } from './log-clock-check';

export { EVENT_DB };

@Global()
@Module({
  imports: [DiscoveryModule, TerminusModule],
  providers: [
    UpcasterRegistry,
    ProjectionRegistry,
    ProjectionMetrics,
    ProjectionRunnerService,
    ProjectionHealth,
    ProjectionAdmin,
    LogClockCheck,
    {
      provide: EVENT_DB,
      inject: [EVENT_STORE_OPTIONS],
      useFactory: (o: EventStoreModuleOptions) => new PoolSql(o.pool),
    },
    {
      provide: EVENT_STORE,
      inject: [EVENT_DB, UpcasterRegistry, ProjectionRunnerService],
      useFactory: (db: PoolSql, upcasters: UpcasterRegistry, runner: ProjectionRunnerService) =>
        new PostgresEventStore(db, upcasters, () => runner.wake()),
    },
    {
      provide: ReadModelWaiter,
      inject: [EVENT_DB, EVENT_STORE],
      useFactory: (db: PoolSql, store: PostgresEventStore) => new ReadModelWaiter(db, store),
    },
  ],
  exports: [
    EVENT_STORE,
    EVENT_DB,
    UpcasterRegistry,
    ProjectionRegistry,
    ProjectionRunnerService,
    ProjectionHealth,
    ProjectionAdmin,
    ProjectionMetrics,
    ReadModelWaiter,
  ],
})
export class EventStoreModule extends ConfigurableModuleClass {}
