import { Injectable, Logger, NotFoundException, ConflictException, ServiceUnavailableException, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig, RedisConnection } from '@app/platform';
import { JOB_DEFINITIONS, JOB_NAMES, JOB_TIME_ZONE, jobId, isJobName, type JobName, type JobRunData } from '../job-definitions';

export interface EnqueueResult {
  queue: JobName;
  jobId: string;
  /** BullMQ state right after the call; 'completed' means an earlier run of the same period was kept. */
  state: string;
  created: boolean;
}

export interface FailedJob {
  queue: string;
  jobId: string;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

/** A Redis call from a request must not hang it: the API answers 503 and the caller retries later. */
const REDIS_CALL_TIMEOUT_MS = 3000;
const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

/**
 * The BullMQ queues (one per job), when REDIS_URL is set: enqueueing with deterministic ids, the
 * schedulers, and what the admin endpoints show. Processing is the worker's (apps/worker/src/jobs).
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly logger = new Logger('JobQueues');
  private connection: Redis | null = null;
  private readonly queues = new Map<JobName, Queue>();
  private closed = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.redis.client !== null;
  }

  /** Every run's retry and retention policy: bounded history of successes, every failure kept for an admin. */
  jobOptions(): JobsOptions {
    const { attempts, backoffMs } = this.config.jobs;
    return {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { count: 500, age: 90 * 24 * 3600 },
      removeOnFail: false,
    };
  }

  /** Created on first use, so a process that never touches a queue opens no connection for it. */
  queue(name: JobName): Queue<JobRunData> {
    if (!this.enabled) throw new ServiceUnavailableException('Queues need REDIS_URL; without it jobs run in-process');
    let queue = this.queues.get(name);
    // A late caller (a reconnection during shutdown) must not open a connection nobody will close.
    if (!queue && this.closed) throw new ServiceUnavailableException('The job queues are shut down');
    if (!queue) {
      // One producer connection for all queues. No offline queue: commands fail fast while Redis is down.
      this.connection ??= this.redis.client!.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.connection.on('error', () => undefined); // RedisConnection already reports the outage
      queue = new Queue<JobRunData>(name, { connection: this.connection, prefix: this.config.jobs.prefix, defaultJobOptions: this.jobOptions() });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue as Queue<JobRunData>;
  }

  /**
   * Adds the run of `name` for `period` under its deterministic id. An existing job with that id is kept
   * (a second scheduler tick or trigger is a no-op) unless `rerun`: then a failed one is retried and a
   * completed one run again — safe, since every job body is idempotent for its period.
   */
  enqueue(name: JobName, period: string, { rerun = false } = {}): Promise<EnqueueResult> {
    return this.withTimeout(async () => {
      const queue = this.queue(name);
      const id = jobId(name, this.config.zoneId, period);
      const existing = await queue.getJob(id);
      if (existing) {
        const state = await existing.getState();
        if (!rerun || !['completed', 'failed'].includes(state)) return { queue: name, jobId: id, state, created: false };
        if (state === 'failed') {
          await existing.retry('failed');
          return { queue: name, jobId: id, state: await existing.getState(), created: false };
        }
        await existing.remove();
      }
      const job = await queue.add('run', { period }, { jobId: id });
      return { queue: name, jobId: id, state: await job.getState(), created: true };
    });
  }

  /**
   * One scheduler per job, keyed by the job's name: upsert replaces it in place, so starting any number
   * of workers any number of times leaves exactly one. Its ticks only enqueue the period's run.
   */
  async registerSchedulers(): Promise<void> {
    for (const name of JOB_NAMES) {
      await this.queue(name).upsertJobScheduler(
        name,
        { pattern: JOB_DEFINITIONS[name].cron, tz: JOB_TIME_ZONE },
        { name: 'tick', data: { period: '' }, opts: { ...this.jobOptions(), removeOnComplete: { count: 50 } } },
      );
    }
  }

  counts(): Promise<Record<string, Record<string, number>>> {
    return this.withTimeout(async () => {
      const entries = await Promise.all(JOB_NAMES.map(async (name) => [name, await this.queue(name).getJobCounts(...STATES)] as const));
      return Object.fromEntries(entries);
    });
  }

  failed(limit = 100): Promise<FailedJob[]> {
    return this.withTimeout(async () => {
      const perQueue = await Promise.all(JOB_NAMES.map(async (name) => (await this.queue(name).getFailed(0, limit - 1)).map((job) => ({
        queue: name,
        jobId: job.id ?? '',
        name: job.name,
        data: job.data,
        failedReason: job.failedReason,
        attemptsMade: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      }))));
      return perQueue.flat().sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
    });
  }

  retry(queueName: string, id: string): Promise<EnqueueResult> {
    if (!isJobName(queueName)) throw new NotFoundException(`No queue ${queueName}`);
    return this.withTimeout(async () => {
      const job = await this.queue(queueName).getJob(id);
      if (!job) throw new NotFoundException(`No job ${id} in ${queueName}`);
      const state = await job.getState();
      if (state !== 'failed') throw new ConflictException(`Job ${id} is ${state}; only failed jobs are retried`);
      await job.retry('failed');
      return { queue: queueName, jobId: id, state: await job.getState(), created: false };
    });
  }

  private async withTimeout<T>(work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ServiceUnavailableException('Redis is unavailable; the job queues cannot be reached — try again later')), REDIS_CALL_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work(), timeout]);
    } catch (error) {
      if (error instanceof NotFoundException || error instanceof ConflictException || error instanceof ServiceUnavailableException) throw error;
      throw new ServiceUnavailableException(`Redis is unavailable: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    if (this.connection && this.connection.status !== 'end') this.connection.disconnect();
  }
}
