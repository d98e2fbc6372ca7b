import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '../store/postgres-event-store';
import { compareCheckpoints, type LogCheckpoint } from '../store/event.types';
import type { TransactionalSql } from '../store/sql';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { liveTarget } from './apply-batch';
import { checkpoints, isAfter, type CheckpointRecord } from './checkpoint-store';
import { applyBatchIsolating } from './isolate-poison-event';
import { leases } from './lease';
import { eventsFor, type Projection } from './projection';
import { describeError, isTransient, PoisonEventError, projectionFailures, retryDelayMs, type FailedEvent, type ProjectionFailure } from './projection-failures';
import { rebuildProjection } from './rebuild-projection';

export interface ProjectionRunnerOptions {
  /** Unique per process: the lease holder's name. */
  owner: string;
  /** Events a poll reads when the projections are up to date (and the first read after they were). */
  batchSize: number;
  /**
   * The most a poll reads while catching up (default batchSize): each poll that comes back full doubles the next
   * one's limit up to this, and one that comes back short returns it to batchSize. A rebuild reads this many at
   * a time. Per batch each projection pays a transaction and the log one read, so a worker far behind (a deploy, a
   * restart, a rebuild) goes faster in larger batches, while a live poll stays small.
   */
  catchUpBatchSize?: number;
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
 * Runs the projections it holds the lease on, with one poller for all of them. Several runners (worker
 * processes) may run side by side; each projection is worked by one of them at a time, and taken over when
 * its holder dies.
 */
export class ProjectionRunner {
  private running = false;
  private poller: Promise<void> | null = null;
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
    this.poller = this.pollLoop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.poller;
    this.poller = null;
  }

  /** Nudges the idle poller after an append in this process; other processes are found by polling. */
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
   * The one poller of this process. A poll reads every checkpoint in one statement and the log once, from the
   * earliest checkpoint of the projections it may run; each projection then gets only the events after its own
   * checkpoint. One that handles some of them applies them in its own transaction (rows and checkpoint commit
   * together); those that handle none move their checkpoints together in one conditional UPDATE, so a projection
   * with nothing to do costs no transaction of its own. Leases are taken or renewed for all projections in one
   * statement when a third of their time has passed (renewing is the heartbeat). An idle poll is thus two statements.
   */
  private async pollLoop(): Promise<void> {
    const { owner, leaseTtlMs, pollIntervalMs, batchSize } = this.options;
    const catchUpBatchSize = Math.max(batchSize, this.options.catchUpBatchSize ?? batchSize);
    let limit = batchSize;
    const renewEvery = leaseTtlMs / 3;
    const states = new Map(this.projections.map((p) => [p.name, { projection: p, ...idleState() }]));
    let held = new Set<string>();
    let renewedAt = -Infinity;
    const renew = async (names: readonly string[]) => {
      const before = held;
      held = await leases.acquireAll(this.db, names, owner, leaseTtlMs);
      renewedAt = Date.now();
      for (const name of held) if (!before.has(name)) this.log('info', `Projection ${name}: lease taken by ${owner}`);
      return held;
    };
    while (this.running) {
      const began = Date.now();
      const wakesBefore = this.wakes;
      let again = false;
      try {
        const stored = await checkpoints.readAll(this.db, [...states.keys()]);
        const eligible: string[] = [];
        for (const [name, state] of states) {
          const checkpoint = stored.get(name);
          if (!checkpoint) {
            // Removed by a reset: recreated at the log's start, run from the next poll.
            await checkpoints.ensure(this.db, name, state.projection.version);
          } else if (checkpoint.version > state.projection.version) {
            if (!state.aheadLogged) this.log('warn', `Projection ${name} is at version ${checkpoint.version}, this worker has ${state.projection.version}: not running it`);
            state.aheadLogged = true;
            if (held.has(name)) await leases.release(this.db, name, owner);
            held.delete(name);
          } else {
            state.aheadLogged = false;
            eligible.push(name);
          }
        }
        if (eligible.some((name) => !held.has(name)) || Date.now() - renewedAt >= renewEvery) await renew(eligible);
        const runnable: { state: PollState; checkpoint: CheckpointRecord }[] = [];
        for (const name of eligible) {
          const state = states.get(name)!;
          const checkpoint = stored.get(name)!;
          if (!held.has(name) || Date.now() < state.notBefore) continue;
          if (checkpoint.stopped) {
            // The lease (and heartbeat) stays here, so no other worker picks it up; health says why it stands still.
            if (!state.stoppedLogged) this.log('error', `Projection ${name} is stopped on a failing event: an admin retries or skips it`);
            state.stoppedLogged = true;
            continue;
          }
          state.stoppedLogged = false;
          if (checkpoint.version < state.projection.version) {
            // A rebuild replays the whole log for this one projection; the others wait for it (their leases kept).
            if (await this.attempt(state, 'rebuild', () => this.rebuild(state.projection, checkpoint.version, () => renew([...held])))) state.rebuildFailures = 0;
            again = true;
            continue;
          }
          runnable.push({ state, checkpoint });
        }
        if (runnable.length > 0) {
          const from = runnable.reduce((min, r) => (compareCheckpoints(r.checkpoint, min) < 0 ? r.checkpoint : min), runnable[0].checkpoint as LogCheckpoint);
          const { events } = await this.store.readAll({ after: from, limit, stored: true });
          // A full read: more is waiting, so read more at a time; a short one: caught up, back to the live size.
          const full = events.length === limit;
          if (full) again = true;
          limit = full ? Math.min(limit * 2, catchUpBatchSize) : batchSize;
          const last = events[events.length - 1];
          const work = runnable
            .map((r) => ({ ...r, fresh: last && isAfter(last, r.checkpoint) ? events.filter((e) => isAfter(e, r.checkpoint)) : [] }))
            .filter((w) => w.fresh.length > 0);
          // Those that handle none of their events all move in one statement: one commit a poll, not one each.
          const idle = new Set(work.filter((w) => eventsFor(w.state.projection, w.fresh).length === 0));
          const moved = await checkpoints.advanceIdle(this.db, [...idle].map((w) => ({ name: w.state.projection.name, from: w.checkpoint })), last);
          for (const w of idle) if (moved.has(w.state.projection.name)) this.options.onBatch?.(w.state.projection.name, w.fresh.length);
          for (const w of work) {
            if (!this.running) break;
            if (idle.has(w)) continue;
            const { state, checkpoint, fresh } = w;
            await this.attempt(state, 'catch-up', async () => {
              await applyBatchIsolating(this.db, state.projection, { readAfter: checkpoint, events: fresh }, liveTarget(state.projection), this.upcasters);
              this.options.onBatch?.(state.projection.name, fresh.length);
            });
          }
        }
      } catch (error) {
        // The shared reads (checkpoints, leases, the log) or the idle moves failed: nothing was applied; try again at the next poll.
        this.log('error', 'Projection poll failed; retrying', { err: error });
        again = false;
        limit = batchSize;
      }
      if (!again) await this.idle(pollIntervalMs, began, wakesBefore);
    }
    if (held.size > 0) await Promise.all([...held].map((name) => leases.release(this.db, name, owner).catch(() => undefined)));
  }

  /** Runs one projection's step; a failure is counted and backs that projection off alone. True when it succeeded. */
  private async attempt(state: PollState, during: FailedEvent['during'], step: () => Promise<void>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (error) {
      if (during === 'rebuild') state.rebuildFailures += 1;
      const backOffMs = await this.failed(state.projection, during, error, state.rebuildFailures);
      state.notBefore = backOffMs === null ? 0 : Date.now() + backOffMs;
      return false;
    }
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

  private async rebuild(projection: Projection, storedVersion: number, renewAll: () => Promise<Set<string>>): Promise<void> {
    this.log('warn', `Projection ${projection.name} rows are version ${storedVersion}; rebuilding as ${projection.version}`);
    const { owner, batchSize, catchUpBatchSize = batchSize } = this.options;
    await rebuildProjection(this.db, projection, {
      batchSize: Math.max(batchSize, catchUpBatchSize),
      upcasters: this.upcasters,
      owner,
      // Keep every lease this process holds (and so the heartbeats) while the rebuild runs, however long it takes.
      keepAlive: async () => {
        if (!(await renewAll()).has(projection.name)) throw new Error(`Lost the lease on ${projection.name} during its rebuild`);
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

/** What the poller keeps per projection between polls. */
interface PollState {
  projection: Projection;
  /** A failed step backs this projection off until then (the others go on). */
  notBefore: number;
  rebuildFailures: number;
  stoppedLogged: boolean;
  aheadLogged: boolean;
}

const idleState = (): Omit<PollState, 'projection'> => ({ notBefore: 0, rebuildFailures: 0, stoppedLogged: false, aheadLogged: false });
