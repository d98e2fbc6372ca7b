import type { INestApplicationContext } from '@nestjs/common';
import { SingleBar, Presets } from 'cli-progress';
import { EVENT_DB, ProjectionRegistry, UpcasterRegistry, rebuildProjection, type TransactionalSql } from '@app/event-store';
import { AppConfig } from '@app/platform';

/**
 * Replays one projection (or all) from the start of the log into shadow tables and switches over once
 * caught up. Safe beside running workers: the live rows keep serving, and the switch takes the
 * projection's checkpoint lock. On the embedded database, stop the app first (PGlite is single-process).
 */
export async function rebuildCommand(app: INestApplicationContext, name: string): Promise<void> {
  const registry = app.get(ProjectionRegistry);
  const targets = name === 'all' ? registry.all() : [registry.get(name)];
  const db = app.get<TransactionalSql>(EVENT_DB);
  // A rebuild replays the whole log: it reads in the catch-up batches.
  const { catchUpBatchSize: batchSize } = app.get(AppConfig).projections;
  for (const projection of targets) {
    const bar = new SingleBar(
      { format: `${projection.name} |{bar}| {percentage}% | {value}/{total} events | {eta_formatted} left`, stream: process.stderr },
      Presets.shades_classic,
    );
    bar.start(1, 0);
    const { events } = await rebuildProjection(db, projection, {
      batchSize,
      upcasters: app.get(UpcasterRegistry),
      onProgress: (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      },
    });
    bar.stop();
    process.stdout.write(`${projection.name}: rebuilt from ${events} events and switched over\n`);
  }
}
