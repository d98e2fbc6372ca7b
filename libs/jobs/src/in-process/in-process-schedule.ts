import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Cron } from 'croner';
import { AppConfig, RedisConnection, todayInShanghai } from '@app/platform';
import { JOB_DEFINITIONS, JOB_NAMES, JOB_TIME_ZONE, jobId, type JobName } from '../job-definitions';
import { JobRunner } from '../job-runner';
import { MissedRuns, type MissedRun } from '../catch-up/missed-runs';

/**
 * Without REDIS_URL the single instance runs the same job bodies on a croner schedule, with the same
 * cron patterns and retry policy as the BullMQ schedulers. With REDIS_URL it does nothing: the worker's
 * BullMQ processors own the jobs then.
 */
@Injectable()
export class InProcessSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  // Unnamed crons: croner keeps a process-wide registry of names, and two apps in one process (tests) would clash.
  private readonly crons: { name: JobName; cron: Cron }[] = [];
  private readonly retries = new Set<NodeJS.Timeout>();
  /** The start-up catch-up of missed runs: what it ran (tests wait on it). */
  caughtUp: Promise<MissedRun[]> = Promise.resolve([]);
  private stopped = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
    private readonly missed: MissedRuns,
  ) {}

  onApplicationBootstrap(): void {
    if (this.redis.client) {
      this.logger.log('Jobs: BullMQ mode (REDIS_URL set) — the worker process runs the schedules');
      return;
    }
    for (const name of JOB_NAMES) {
      // protect: a run still going when the next tick comes is not started twice.
      const cron = new Cron(JOB_DEFINITIONS[name].cron, { timezone: JOB_TIME_ZONE, protect: true }, async (self: Cron) => {
        const firedAt = self.currentRun() ?? new Date();
        await this.runWithRetries(name, JOB_DEFINITIONS[name].periodFor(todayInShanghai(firedAt)), 1);
        // Daily, with the overdue check: anything missed while the process was down over a tick.
        if (name === 'overdue-check') await (this.caughtUp = this.catchUp());
      });
      this.crons.push({ name, cron });
    }
    const next = this.crons.map((c) => `${c.name} ${c.cron.nextRun()?.toISOString()}`).join(', ');
    this.logger.log(`Jobs: in-process schedule (no REDIS_URL), ${JOB_TIME_ZONE}; next runs: ${next}`);
    // Not awaited: the app serves while the missed runs (e.g. the month whose 1st fell while it was stopped) run.
    this.caughtUp = this.catchUp();
  }

  /** Runs, one after the other, every run the schedule owed and the log does not show done (MissedRuns). */
  async catchUp(): Promise<MissedRun[]> {
    try {
      const missed = await this.missed.find();
      const months = missed.filter((r) => r.name === 'monthly-summary').map((r) => r.period);
      if (months.length > 0) this.logger.warn(`Jobs: monthly summaries missing for ${months.join(', ')} — generating them now`);
      for (const run of missed) if (!this.stopped) await this.runWithRetries(run.name, run.period, 1);
      return missed;
    } catch (error) {
      this.logger.warn(`Jobs: catching up missed runs failed (${(error as Error).message}); the next daily run tries again`);
      return [];
    }
  }

  /** Exponential backoff as BullMQ would; after the last attempt the failure is logged for an admin to re-run. */
  private async runWithRetries(name: JobName, period: string, attempt: number): Promise<void> {
    const id = jobId(name, this.config.zoneId, period);
    try {
      await this.runner.run(name, period, id);
    } catch (error) {
      const { attempts, backoffMs } = this.config.jobs;
      if (attempt >= attempts) {
        this.logger.error(`${id} failed after ${attempt} attempts: ${(error as Error).message} — re-run it with POST /api/v1/admin/jobs/run`);
        return;
      }
      this.logger.warn(`${id} attempt ${attempt} failed: ${(error as Error).message}; retrying`);
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        void this.runWithRetries(name, period, attempt + 1);
      }, backoffMs * 2 ** (attempt - 1));
      this.retries.add(timer);
    }
  }

  get scheduled(): { name: string; nextRun: string | null }[] {
    return this.crons.map((c) => ({ name: c.name, nextRun: c.cron.nextRun()?.toISOString() ?? null }));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.crons.forEach((c) => c.cron.stop());
    await this.caughtUp; // the run in progress ends before the database closes
    this.retries.forEach((t) => clearTimeout(t));
  }
}
