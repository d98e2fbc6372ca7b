import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE_ENTITIES, EventStoreModule } from '@app/event-store';
import { AppConfig } from './config/app-config';
import { PlatformConfigModule } from './config/config.module';
import { DatabaseModule, PG_POOL } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis.module';
import { CommandRunner } from './commands/command-runner';
import { CommandMetrics } from './metrics/command-metrics';
import { CommandGroupRunner } from './commands/command-group-runner';
import type { Pool } from 'pg';

/**
 * What every Zhuqi process stands on: validated config, logs, the database with the event store on it,
 * and Redis when configured. `role` says whether this process runs the projections.
 */
@Module({})
export class PlatformModule {
  static forRoot({ role }: { role: 'api' | 'worker' | 'cli' }) {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        PlatformConfigModule.forRoot(),
        CqrsModule.forRoot(),
        LoggingModule,
        TerminusModule,
        DatabaseModule,
        TypeOrmModule.forFeature(EVENT_STORE_ENTITIES),
        RedisModule,
        EventStoreModule.forRootAsync({
          inject: [AppConfig, PG_POOL],
          useFactory: (config: AppConfig, pool: Pool) => ({
            pool,
            runProjections: role === 'worker' || (role === 'api' && config.projectionsInApi),
            projection: config.projections,
            waitForTimeoutMs: config.projections.waitForTimeoutMs,
            checkLogClockAtStart: role !== 'cli',
          }),
        }),
      ],
      providers: [CommandRunner, CommandGroupRunner, CommandMetrics],
      exports: [TerminusModule, EventStoreModule, CqrsModule, CommandRunner, CommandGroupRunner, CommandMetrics],
    };
  }
}
