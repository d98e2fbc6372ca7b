import type { INestApplicationContext } from '@nestjs/common';
import { ProjectionHealth } from '@app/event-store';

/** Prints each projection's checkpoint, lag, lease holder and heartbeat as JSON. */
export async function statusCommand(app: INestApplicationContext): Promise<boolean> {
  const statuses = await app.get(ProjectionHealth).statuses();
  process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
  return statuses.every((s) => s.healthy);
}
