// The platform's public surface: configuration, database, Redis, logging.
export * from './config/app-config';
export * from './config/config.module';
export * from './config/environment.schema';
export * from './database/database.module';
export * from './database/data-source-options';
export * from './database/embedded-postgres';
export * from './database/migrate';
export * from './database/schema-drift';
export * from './database/migrations';
export * from './redis/redis.module';
export * from './logging/logging.module';
export * from './platform.module';
export * from './auth';
export * from './commands';
export * from './time';
export * from './validation/is-calendar-date';
export * from './database/embedded-database-lock';
