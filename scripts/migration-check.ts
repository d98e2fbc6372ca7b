import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { schemaDrift } from '@app/platform';
import { ApiModule } from '../apps/api/src/api.module';

/**
 * CI step: start the app's context on the configured database (which runs the migrations), then fail
 * when the entities describe a schema the migrations did not create. Point DATABASE_URL at a throwaway
 * database, or leave it unset to check on a fresh embedded one.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ApiModule.register(), { logger: ['error', 'warn'] });
  try {
    const drift = await schemaDrift(app.get(DataSource));
    if (drift.length > 0) {
      console.error(`Entities and migrations disagree; a migration is missing for:\n${drift.join(';\n')};`);
      process.exitCode = 1;
    } else {
      console.log('Entities and migrations agree.');
    }
  } finally {
    await app.close();
  }
}

void main();
