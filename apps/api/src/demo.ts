import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { AppConfig } from '@app/platform';
import { DEFAULT_DEMO_SEED, DemoLoader, generateDemoPlan, type DemoPlan } from '@app/demo';
import { createApiApp } from './bootstrap';

/**
 * `npm run demo`: the API with the demo zone loaded into the configured database (embedded by default),
 * loaded in this process before it listens — PGlite is single-process, and the loader needs the
 * projections this process runs. A second start finds the demo loaded and just starts.
 */
async function main(): Promise<void> {
  const options = new Command('zhuqi-demo')
    .option('--seed <n>', 'PRNG seed of the demo zone', String(DEFAULT_DEMO_SEED))
    .option('--scale <x>', 'size relative to a real zone (1 = ~2,000 firms)', '1')
    .option('--load-only', 'load, print the accounts and stop instead of serving')
    .parse(process.argv)
    .opts<{ seed: string; scale: string; loadOnly?: boolean }>();
  // The loader runs the scheduled jobs, which read the read models: this process must run the projections.
  process.env.PROJECTIONS_IN_API ??= 'true';

  const plan = generateDemoPlan({ seed: Number(options.seed), scale: Number(options.scale) });
  const app = await createApiApp({ demo: true });
  await app.init();
  const bar = new SingleBar({ format: 'demo zone |{bar}| {percentage}% | {value}/{total} steps | {eta_formatted} left', stream: process.stderr }, Presets.shades_classic);
  bar.start(plan.steps.length, 0);
  let result;
  try {
    result = await app.get(DemoLoader).load(plan, { onProgress: (done) => bar.update(done) });
  } finally {
    bar.stop();
  }
  const logger = new Logger('DemoZone');
  logger.log(
    result.outcome === 'already_loaded'
      ? `Demo zone (seed ${plan.seed}, scale ${plan.scale}) is loaded already: nothing appended`
      : `Demo zone loaded: ${plan.steps.length} steps, ${result.eventsAppended} events in ${(result.ms / 1000).toFixed(1)} s`,
  );
  printAccounts(plan);
  if (options.loadOnly) {
    await app.close();
    return;
  }
  const port = app.get(AppConfig).port;
  await app.listen(port);
  logger.log(`API listening on http://localhost:${port} (health: /health, API docs: /api/docs); the demo stands on ${plan.until}`);
}

/** One line per account, on stdout, so they can be grepped; these passwords are public: demo only. */
function printAccounts(plan: DemoPlan): void {
  const lines = plan.accounts.map((a) => `demo account: ${a.role} ${a.username} ${a.password}${a.unitId ? ` (${a.unitId})` : ''}`);
  process.stdout.write(`\nDemo accounts (DEMO ONLY — published passwords, never use them for real data):\n${lines.join('\n')}\n\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
