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
  /**
   * A loop woken by an append in this process starts its next poll no sooner than this long after its
   * previous one began (default 0: at once). Under a stream of appends each poll then takes the events of
   * the whole interval in one batch, instead of every append making every projection poll.
   */
  wakeIntervalMs?: number;
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
  /** Counts wakes, so a wake that comes while a loop is polling (not idle) is not lost: the loop polls again. */
  private wakes = 0;
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
    this.wakes += 1;
    for (const w of this.wakers) w();
  }

  /**
   * Applies everything visible now and returns how many events were read. Safe to call from tests or
   * alongside a live runner (the checkpoint lock keeps the work exactly-once). `from` is the checkpoint the
   * caller has just read, if any; after a batch, the checkpoint that batch wrote is the next start (a
   * checkpoint moved by someone else in between is caught by applyBatch's lock, which then re-reads).
   */
  async catchUp(projection: Projection, shouldContinue: () => Promise<boolean> | boolean = () => true, from?: LogCheckpoint | null): Promise<number> {
    let total = 0;
    let known: LogCheckpoint | null = from ?? null;
    for (;;) {
      if (!known) {
        known = await checkpoints.read(this.db, projection.name);
        if (!known) await checkpoints.ensure(this.db, projection.name, projection.version);
      }
      const after: LogCheckpoint = known ?? { transactionId: '0', globalPosition: 0 };
      const { events } = await this.store.readAll({ after, limit: this.options.batchSize });
      if (events.length === 0) return total;
      known = await applyBatch(this.db, projection, { readAfter: after, events });
      total += events.length;
      this.options.onBatch?.(projection.name, events.length);
      if (events.length < this.options.batchSize || !(await shouldContinue())) return total;
    }
  }

  /**
   * One poll per iteration: one checkpoint read (version check and where to start), the lease renewed only
   * when a third of its time has passed (renewing is the heartbeat), then the batches. A woken loop thus
   * costs two queries when there is nothing for it, which matters when every append in the process wakes
   * every projection (a bulk load, a busy API on the embedded database's single connection).
   */
  private async loop(projection: Projection): Promise<void> {
    const { owner, leaseTtlMs, pollIntervalMs } = this.options;
    const renewEvery = leaseTtlMs / 3;
    let held = false;
    let renewedAt = 0;
    const renew = async () => {
      const had = held;
      held = await leases.acquire(this.db, projection.name, owner, leaseTtlMs);
      renewedAt = Date.now();
      if (held && !had) this.log('info', `Projection ${projection.name}: lease taken by ${owner}`);
      return held;
    };
    while (this.running) {
      const began = Date.now();
      const wakesBefore = this.wakes;
      try {
        let stored = await checkpoints.read(this.db, projection.name);
        if (stored && stored.version > projection.version) {
          this.log('warn', `Projection ${projection.name} is at version ${stored.version}, this worker has ${projection.version}: not running it`);
          if (held) await leases.release(this.db, projection.name, owner);
          held = false;
          await this.idle(pollIntervalMs, began, wakesBefore);
          continue;
        }
        if (!held || Date.now() - renewedAt >= renewEvery) await renew();
        if (held) {
          if (stored && stored.version < projection.version) {
            await this.rebuild(projection, stored.version);
            stored = null;
          }
          await this.catchUp(
            projection,
            async () => {
              if (!this.running) return false;
              return Date.now() - renewedAt < renewEvery || renew();
            },
            stored,
          );
        }
      } catch (error) {
        this.log('error', `Projection ${projection.name} failed; retrying`, { err: error });
      }
      await this.idle(pollIntervalMs, began, wakesBefore);
    }
    if (held) await leases.release(this.db, projection.name, owner).catch(() => undefined);
  }

  private async rebuild(projection: Projection, storedVersion: number): Promise<void> {
    this.log('warn', `Projection ${projection.name} rows are version ${storedVersion}; rebuilding as ${projection.version}`);
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

  /**
   * Sleeps until `ms` after now or a wake (one that came during the poll counts too); a wake is held back
   * until `wakeIntervalMs` after `began`.
   */
  private async idle(ms: number, began: number, wakesBefore: number): Promise<void> {
    if (!this.running) return;
    let woken = this.wakes !== wakesBefore;
    if (!woken) {
      const controller = new AbortController();
      const waker = () => controller.abort();
      this.wakers.add(waker);
      await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
      this.wakers.delete(waker);
      woken = controller.signal.aborted;
    }
    const holdBack = began + (this.options.wakeIntervalMs ?? 0) - Date.now();
    if (woken && holdBack > 0 && this.running) await sleep(holdBack);
  }

  private log(level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>): void {
    this.options.log?.(level, message, extra);
  }
}
