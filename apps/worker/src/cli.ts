import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import type { INestApplicationContext } from '@nestjs/common';
import { CliModule } from './cli/cli.module';
import { rebuildCommand } from './cli/rebuild.command';
import { statusCommand } from './cli/status.command';
import { createAdminCommand } from './cli/create-user.command';
import { runJobCommand } from './cli/run-job.command';
import { restampLogCommand } from './cli/restamp-log.command';

/** Admin commands: `npm run cli -- <command>` (or `node dist/apps/worker/src/cli.js <command>`). */
async function withApp<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  // Starting the context runs pending migrations, so `migrate` needs no body of its own.
  const app = await NestFactory.createApplicationContext(CliModule.register(), { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

const program = new Command('zhuqi').description('Zhuqi administration');

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withApp(async () => process.stdout.write('migrations are up to date\n'));
  });

program
  .command('rebuild')
  .argument('<projection>', "projection name, or 'all'")
  .description('replay a projection from the start of the log and switch reads over when caught up')
  .action((name: string) => withApp((app) => rebuildCommand(app, name)));

program
  .command('projections')
  .description('show checkpoint, lag and heartbeat of every projection (exit 1 if any is unhealthy)')
  .action(() =>
    withApp(async (app) => {
      if (!(await statusCommand(app))) process.exitCode = 1;
    }),
  );

program
  .command('create-admin')
  .argument('<username>')
  .option('--name <displayName>', 'display name', '管理员')
  .description('create an admin account; the password is read from ZHUQI_PASSWORD')
  .action(async (username: string, options: { name: string }) => {
    await withApp((app) => createAdminCommand(app, username, options.name));
  });

program
  .command('run-job')
  .argument('<job>', 'monthly-summary, overdue-check, certification-expiry, idempotency-pruning or unit-digest')
  .option('--period <period>', "'YYYY-MM' for monthly-summary, 'YYYY-MM-DD' for the daily jobs (default: the one due today)")
  .description('run a scheduled job for a period now (enqueued with REDIS_URL, in this process without)')
  .action((job: string, options: { period?: string }) => withApp((app) => runJobCommand(app, job, options.period)));

program
  .command('restamp-log')
  .description('after pg_restore or a move to another server: rewrite the log\'s transaction ids below the counter (stop the API and workers first)')
  .action(() => withApp((app) => restampLogCommand(app)));

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
