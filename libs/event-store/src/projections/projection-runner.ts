import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '../store/postgres-event-store';
import type { LogCheckpoint } from '../store/event.types';
import type { TransactionalSql } from '../store/sql';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { applyBatch } from './apply-batch';
import { checkpoints } from './checkpoint-store';
import { leases } from './lease';
import type { Projection } from './projection';
import { rebuildProjection } from './rebuild-projection';

export interface ProjectionRunnerOptions {
  /** Unique per process: the lease holder's name. */
  owner: string;
  batchSize: number;
  pollIntervalMs: number;
  leaseTtlMs: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => void;
  /** Called after each applied batch (metrics). */
  onBatch?: (projection: string, events: number) => void;
}

/**
 * Polls the log for each projection it holds the lease on. Several runners (worker processes) may run
 * side by side; each projection is worked by one of them at a time, and taken over when its holder dies.
 */
export class ProjectionRunner {
  private running = false;
  private loops: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  private readonly store: PostgresEventStore;

  constructor(
    private readonly db: TransactionalSql,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions,
    private readonly upcasters?: UpcasterRegistry,
  ) {
    this.store = new PostgresEventStore(db, upcasters);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    for (const p of this.projections) await checkpoints.ensure(this.db, p.name, p.version);
    this.loops = this.projections.map((p) => this.loop(p));
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Nudges idle loops after an append in this process; other processes are found by polling. */
  wake(): void {
    for (const w of this.wakers) w();
  }

  /**
   * Applies everything visible now and returns how many events were read. Safe to call from tests or
   * alongside a live runner (the checkpoint lock keeps the work exactly-once).
   */
  async catchUp(projection: Projection, shouldContinue: () => Promise<boolean> | boolean = () => true): Promise<number> {
    let total = 0;
    for (;;) {
      const current = await checkpoints.read(this.db, projection.name);
      if (!current) await checkpoints.ensure(this.db, projection.name, projection.version);
      const after: LogCheckpoint = current ?? { transactionId: '0', globalPosition: 0 };
      const { events } = await this.store.readAll({ after, limit: this.options.batchSize });
      if (events.length === 0) return total;
      await applyBatch(this.db, projection, { readAfter: after, events });
      total += events.length;
      this.options.onBatch?.(projection.name, events.length);
      if (events.length < this.options.batchSize || !(await shouldContinue())) return total;
    }
  }

  private async loop(projection: Projection): Promise<void> {
    const { owner, leaseTtlMs, pollIntervalMs } = this.options;
    let held = false;
    while (this.running) {
      try {
        const had = held;
        if (await this.isOutdatedCode(projection)) {
          if (held) await leases.release(this.db, projection.name, owner);
          held = false;
          await this.idle(pollIntervalMs);
          continue;
        }
        held = await leases.acquire(this.db, projection.name, owner, leaseTtlMs);
        if (held && !had) this.log('info', `Projection ${projection.name}: lease taken by ${owner}`);
        if (held) {
          await this.rebuildIfOutdated(projection);
          let renewedAt = Date.now();
          await this.catchUp(projection, async () => {
            if (!this.running) return false;
            if (Date.now() - renewedAt < leaseTtlMs / 3) return true;
            renewedAt = Date.now();
            return (held = await leases.acquire(this.db, projection.name, owner, leaseTtlMs));
          });
        }
      } catch (error) {
        this.log('error', `Projection ${projection.name} failed; retrying`, { err: error });
      }
      await this.idle(pollIntervalMs);
    }
    if (held) await leases.release(this.db, projection.name, owner).catch(() => undefined);
  }

  /** A newer deployment has rebuilt this projection: leave it to the workers running that code. */
  private async isOutdatedCode(projection: Projection): Promise<boolean> {
    const stored = await checkpoints.read(this.db, projection.name);
    if (!stored || stored.version <= projection.version) return false;
    this.log('warn', `Projection ${projection.name} is at version ${stored.version}, this worker has ${projection.version}: not running it`);
    return true;
  }

  private async rebuildIfOutdated(projection: Projection): Promise<void> {
    const stored = await checkpoints.read(this.db, projection.name);
    if (!stored || stored.version >= projection.version) return;
    this.log('warn', `Projection ${projection.name} rows are version ${stored.version}; rebuilding as ${projection.version}`);
    const { owner, leaseTtlMs, batchSize } = this.options;
    await rebuildProjection(this.db, projection, {
      batchSize,
      upcasters: this.upcasters,
      owner,
      // Keep the live lease (and so the heartbeat) while the rebuild runs, however long it takes.
      keepAlive: async () => {
        if (!(await leases.acquire(this.db, projection.name, owner, leaseTtlMs))) {
          throw new Error(`Lost the lease on ${projection.name} during its rebuild`);
        }
      },
    });
  }

  private async idle(ms: number): Promise<void> {
    if (!this.running) return;
    const controller = new AbortController();
    const waker = () => controller.abort();
    this.wakers.add(waker);
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
    this.wakers.delete(waker);
  }

  private log(level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>): void {
    this.options.log?.(level, message, extra);
  }
}
