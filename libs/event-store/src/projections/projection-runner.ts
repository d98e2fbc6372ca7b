import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '../store/postgres-event-store';
import type { LogCheckpoint } from '../store/event.types';
import type { TransactionalSql } from '../store/sql';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { liveTarget } from './apply-batch';
import { checkpoints } from './checkpoint-store';
import { applyBatchIsolating } from './isolate-poison-event';
import { leases } from './lease';
import type { Projection } from './projection';
import { describeError, isTransient, PoisonEventError, projectionFailures, retryDelayMs, type FailedEvent, type ProjectionFailure } from './projection-failures';
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
  /** Attempts on one failing event before the projection stops (default 5). */
  maxAttempts?: number;
  /** Delay before the second attempt; it doubles per attempt, up to a minute (default 1 s). */
  retryDelayMs?: number;
  /** Called for every failed attempt counted against an event (metrics). */
  onFailure?: (projection: string, failure: ProjectionFailure) => void;
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
  /** Aborted by stop(): ends a back-off pause, which wakes do not shorten. */
  private stopping = new AbortController();
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
    this.stopping = new AbortController();
    for (const p of this.projections) await checkpoints.ensure(this.db, p.name, p.version);
    this.loops = this.projections.map((p) => this.loop(p));
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopping.abort();
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
      // As stored: applyBatch upcasts only the events this projection handles.
      const { events } = await this.store.readAll({ after, limit: this.options.batchSize, stored: true });
      if (events.length === 0) return total;
      known = await applyBatchIsolating(this.db, projection, { readAfter: after, events }, liveTarget(projection), this.upcasters);
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
    // What the loop was doing when it failed, and how often a rebuild failed in a row (for its back-off).
    let phase: FailedEvent['during'] = 'catch-up';
    let rebuildFailures = 0;
    let stoppedLogged = false;
    while (this.running) {
      const began = Date.now();
      const wakesBefore = this.wakes;
      let backOffMs: number | null = null;
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
        if (held && stored?.stopped) {
          // The lease (and heartbeat) stays here, so no other worker picks it up; health says why it stands still.
          if (!stoppedLogged) this.log('error', `Projection ${projection.name} is stopped on a failing event: an admin retries or skips it`);
          stoppedLogged = true;
        } else if (held) {
          stoppedLogged = false;
          if (stored && stored.version < projection.version) {
            phase = 'rebuild';
            await this.rebuild(projection, stored.version);
            rebuildFailures = 0;
            stored = null;
          }
          phase = 'catch-up';
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
        if (phase === 'rebuild') rebuildFailures += 1;
        backOffMs = await this.failed(projection, phase, error, rebuildFailures);
      }
      if (backOffMs === null) await this.idle(pollIntervalMs, began, wakesBefore);
      else await this.pause(backOffMs);
    }
    if (held) await leases.release(this.db, projection.name, owner).catch(() => undefined);
  }

  /**
   * Counts a failure against the event it names and says how long to wait before the next attempt: a poison
   * event is retried with doubling delays until the attempts run out and the projection stops; a failed rebuild
   * backs off the same way (it replays from the start, so it must not restart every poll); a transient error
   * (the database went away) is retried at the next poll and counted against nothing.
   */
  private async failed(projection: Projection, during: FailedEvent['during'], error: unknown, rebuildFailures: number): Promise<number | null> {
    const { maxAttempts = 5, retryDelayMs: firstDelayMs = 1_000 } = this.options;
    if (!(error instanceof PoisonEventError)) {
      this.log('error', `Projection ${projection.name} failed${during === 'rebuild' ? ' while rebuilding' : ''}; retrying`, { err: error });
      if (during === 'rebuild') return retryDelayMs(rebuildFailures, firstDelayMs);
      return isTransient(error) ? null : firstDelayMs;
    }
    const { globalPosition, transactionId, type, streamId } = error.event;
    let failure: ProjectionFailure;
    try {
      failure = await projectionFailures.record(this.db, projection.name, { globalPosition, transactionId, type, streamId, during }, describeError(error.cause), maxAttempts);
    } catch (recordError) {
      this.log('error', `Projection ${projection.name} failed on event #${globalPosition} and the failure could not be recorded`, { err: recordError });
      return firstDelayMs;
    }
    this.options.onFailure?.(projection.name, failure);
    const where = `event #${globalPosition} (${type} on ${streamId})`;
    if (failure.stoppedAt) {
      this.log('error', `Projection ${projection.name} stopped: ${where} failed ${failure.attempts} times`, { err: error.cause, event: failure.event });
      return null;
    }
    const delay = retryDelayMs(failure.attempts, firstDelayMs);
    this.log('error', `Projection ${projection.name} failed on ${where}, attempt ${failure.attempts} of ${maxAttempts}; retrying in ${delay} ms`, { err: error.cause });
    return delay;
  }

  /** Waits `ms` unless the runner stops; appends do not cut it short. */
  private async pause(ms: number): Promise<void> {
    if (!this.running) return;
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
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
