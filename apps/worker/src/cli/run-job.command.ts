import type { INestApplicationContext } from '@nestjs/common';
import { isJobName, JOB_NAMES, JobsService } from '@app/jobs';

/**
 * `run-job <job> [--period P]`: with REDIS_URL the run is enqueued under its deterministic id (a worker
 * runs it); without, it runs here and its result is printed.
 */
export async function runJobCommand(app: INestApplicationContext, job: string, period: string | undefined): Promise<void> {
  if (!isJobName(job)) throw new Error(`Unknown job '${job}'; one of: ${JOB_NAMES.join(', ')}`);
  const outcome = await app.get(JobsService).trigger(job, period);
  process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
}
