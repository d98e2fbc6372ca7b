import { setTimeout as sleep } from 'node:timers/promises';
import { WaitForTimeoutError } from '../store/event-store.errors';
import type { EventStore } from '../store/event-store';
import { compareCheckpoints, type LogCheckpoint } from '../store/event.types';
import type { Sql } from '../store/sql';

const POLL_MS = 20;

/**
 * Read-your-writes: waits until the named projections have processed the event at a global position
 * (as returned by an append), or throws WaitForTimeoutError. Tests use it instead of sleeping.
 */
export class ReadModelWaiter {
  constructor(
    private readonly sql: Sql,
    private readonly store: EventStore,
  ) {}

  async waitFor(position: number, projections: readonly string[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let target: LogCheckpoint | null = null;
    let behind: string[] = [...projections];
    for (;;) {
      // The event becomes readable in log order only once older transactions have finished.
      target ??= await this.store.checkpointOf(position);
      if (target) {
        behind = await this.behind(target, projections);
        if (behind.length === 0) return;
      }
      if (Date.now() >= deadline) throw new WaitForTimeoutError(position, timeoutMs, behind);
      await sleep(POLL_MS);
    }
  }

  private async behind(target: LogCheckpoint, projections: readonly string[]): Promise<string[]> {
    if (projections.length === 0) return [];
    const rows = await this.sql.query<{ name: string; tx: string; position: string }>(
      `SELECT name, transaction_id::text AS tx, global_position::text AS position
       FROM projection_checkpoints WHERE name = ANY($1)`,
      [projections],
    );
    const reached = new Set(
      rows
        .filter((r) => compareCheckpoints({ transactionId: r.tx, globalPosition: Number(r.position) }, target) >= 0)
        .map((r) => r.name),
    );
    return projections.filter((p) => !reached.has(p));
  }
}
