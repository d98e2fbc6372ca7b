import { setTimeout as sleep } from 'node:timers/promises';
import { ProjectionStoppedError, WaitForTimeoutError } from '../store/event-store.errors';
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
        const reading = await this.behind(target, projections);
        behind = reading.behind;
        if (behind.length === 0) return;
        if (reading.stopped.length > 0) throw new ProjectionStoppedError(position, reading.stopped);
      }
      if (Date.now() >= deadline) throw new WaitForTimeoutError(position, timeoutMs, behind);
      await sleep(POLL_MS);
    }
  }

  /** The projections that have not reached the target, and those of them that are stopped (they never will). */
  private async behind(target: LogCheckpoint, projections: readonly string[]): Promise<{ behind: string[]; stopped: string[] }> {
    if (projections.length === 0) return { behind: [], stopped: [] };
    const rows = await this.sql.query<{ name: string; tx: string; position: string; stopped: boolean }>(
      `SELECT name, transaction_id::text AS tx, global_position::text AS position, stopped_at IS NOT NULL AS stopped
       FROM projection_checkpoints WHERE name = ANY($1)`,
      [projections],
    );
    const reached = new Set(
      rows
        .filter((r) => compareCheckpoints({ transactionId: r.tx, globalPosition: Number(r.position) }, target) >= 0)
        .map((r) => r.name),
    );
    const behind = projections.filter((p) => !reached.has(p));
    const stopped = new Set(rows.filter((r) => r.stopped).map((r) => r.name));
    return { behind, stopped: behind.filter((p) => stopped.has(p)) };
  }
}
