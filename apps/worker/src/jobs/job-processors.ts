import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig, RedisConnection, todayInShanghai } from '@app/platform';
import { JOB_DEFINITIONS, JOB_NAMES, JobQueues, JobRunner, MissedRuns, type JobName, type JobRunData, type MissedRun } from '@app/jobs';

/** How long to wait between attempts to register the schedulers while Redis is unreachable. */
const REGISTER_RETRY_MS = 5000;

/**
 * The BullMQ side of the worker: one Worker per queue, and the schedulers registered at start-up.
 * A scheduler tick only enqueues the period's run under its deterministic id; the run does the work.
 * Without REDIS_URL this does nothing (the API runs the jobs in-process).
 */
@Injectable()
export class JobProcessors implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: Worker[] = [];
  /** BullMQ does not close a connection it was handed: these are ours to end. */
  private readonly connections: Redis[] = [];
  private closing = false;
  /** Resolves once the schedulers are registered (tests and shutdown wait on it). */
  schedulersReady: Promise<void> = Promise.resolve();
  /** The latest catch-up of missed runs: what it enqueued (tests wait on it). */
  caughtUp: Promise<MissedRun[]> = Promise.resolve([]);

  constructor(
    private readonly redis: RedisConnection,
    private readonly queues: JobQueues,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
    private readonly missed: MissedRuns,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.redis.client) {
      this.logger.log('Jobs: none in the worker (no REDIS_URL) — the API runs them on its in-process schedule');
      return;
    }
    let connected = false;
    for (const name of JOB_NAMES) {
      const connection = this.redis.duplicateForWorker();
      this.connections.push(connection);
      // A Redis that comes back empty (restarted without persistence, failed over) has lost the
      // schedulers: register them again on every reconnection — upsert makes that harmless.
      if (name === JOB_NAMES[0]) {
        connection.on('ready', () => {
          if (connected) this.schedulersReady = this.registerSchedulers();
          connected = true;
        });
      }
      // Its own connection with maxRetriesPerRequest: null — blocking commands must not share one.
      const worker = new Worker<JobRunData>(name, (job) => this.process(name, job), {
        connection,
        prefix: this.config.jobs.prefix,
        concurrency: 1,
      });
      worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
      worker.on('failed', (job, err) => this.logger.warn(`${job?.id} attempt ${job?.attemptsMade} failed: ${err.message}`));
      this.workers.push(worker);
    }
    // Not awaited: a worker started while Redis is down still runs its projections, and registers later.
    this.schedulersReady = this.registerSchedulers();
    this.logger.log(`Jobs: BullMQ processors for ${JOB_NAMES.join(', ')} (prefix ${this.config.jobs.prefix})`);
  }

  async process(name: JobName, job: Job<JobRunData>): Promise<unknown> {
    if (job.name === 'tick') {
      // The period follows the time the tick was due, not when it ran: a tick delayed past midnight
      // (Redis was down) still works on its own day.
      const dueAt = new Date(job.timestamp + (job.delay ?? 0));
      const enqueued = await this.queues.enqueue(name, JOB_DEFINITIONS[name].periodFor(todayInShanghai(dueAt)));
      // Daily, with the overdue check's tick: whatever an outage made the schedules miss since.
      if (name === 'overdue-check') await (this.caughtUp = this.catchUp());
      return enqueued;
    }
    return this.runner.run(name, job.data.period, job.id ?? name);
  }

  private async registerSchedulers(): Promise<void> {
    while (!this.closing) {
      try {
        await this.queues.registerSchedulers();
        this.logger.log('Jobs: schedulers registered (Asia/Shanghai)');
        // At start and after every reconnection (a Redis that came back empty lost its queued runs).
        this.caughtUp = this.catchUp();
        return;
      } catch (error) {
        this.logger.warn(`Jobs: cannot register the schedulers yet (${(error as Error).message}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, REGISTER_RETRY_MS).unref());
      }
    }
  }

  /**
   * Enqueues every run the schedules owed and the log does not show done (MissedRuns), under the
   * deterministic ids: runs still queued are not added twice, and each job body is idempotent, so any
   * number of workers catching up at once generate each month once.
   */
  private async catchUp(): Promise<MissedRun[]> {
    try {
      const missed = await this.missed.find();
      for (const run of missed) await this.queues.enqueue(run.name, run.period);
      const months = missed.filter((r) => r.name === 'monthly-summary').map((r) => r.period);
      if (months.length > 0) this.logger.warn(`Jobs: monthly summaries missing for ${months.join(', ')} — enqueued`);
      return missed;
    } catch (error) {
      this.logger.warn(`Jobs: catching up missed runs failed (${(error as Error).message}); the next daily tick tries again`);
      return [];
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    // close() lets the running job finish; an abrupt kill leaves it to BullMQ's stalled-job check to retry.
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
    this.connections.forEach((c) => c.disconnect());
  }
}
