import { Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { PGlite } from '@electric-sql/pglite';
import { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { openEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { migrate } from './migrate';

/** Owns the embedded PostgreSQL instance, when there is one, and closes it last. */
@Injectable()
export class EmbeddedPostgres implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private instance: Promise<EmbeddedDatabase> | null = null;

  constructor(private readonly config: AppConfig) {}

  async open(): Promise<PGlite> {
    const db = this.config.database;
    if (db.kind !== 'embedded') throw new Error('DATABASE_URL is set: there is no embedded database');
    this.instance ??= openEmbeddedPostgres(db.dataDir);
    return (await this.instance).pglite;
  }

  async onApplicationShutdown(): Promise<void> {
    const embedded = await this.instance?.catch(() => null);
    await embedded?.close();
  }

  logMode(): void {
    const db = this.config.database;
    if (db.kind === 'embedded') this.logger.log(`Database: embedded PostgreSQL (PGlite) in ${db.dataDir}`);
    else this.logger.log(`Database: PostgreSQL at ${new URL(db.url).host}`);
  }
}

@Global()
@Module({ providers: [EmbeddedPostgres], exports: [EmbeddedPostgres] })
class EmbeddedPostgresModule {}

@Global()
@Module({
  imports: [
    EmbeddedPostgresModule,
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedPostgresModule],
      inject: [AppConfig, EmbeddedPostgres],
      useFactory: async (config: AppConfig, embedded: EmbeddedPostgres) => {
        embedded.logMode();
        const db = config.database;
        const target = db.kind === 'postgres' ? db : { kind: 'embedded' as const, pglite: await embedded.open() };
        return { ...dataSourceOptions(target), autoLoadEntities: true };
      },
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await migrate(dataSource, { embedded: !('url' in options! && options.url) });
        return dataSource;
      },
    }),
  ],
  providers: [
    {
      provide: 'PG_POOL',
      inject: [DataSource],
      useFactory: (dataSource: DataSource): Pool => (dataSource.driver as PostgresDriver).master as Pool,
    },
  ],
  exports: ['PG_POOL'],
})
export class DatabaseModule {}

/** The pg pool underneath TypeORM, for the event store's hand-written SQL. */
export const PG_POOL = 'PG_POOL';
