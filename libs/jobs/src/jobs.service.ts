import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { jobId, resolvePeriod, type JobName } from './job-definitions';
import { JobRunner, type JobResult } from './job-runner';
import { JobQueues, type EnqueueResult } from './queues/job-queues';

export type TriggerResult =
  | ({ mode: 'queued'; period: string } & EnqueueResult)
  | { mode: 'in-process'; queue: JobName; jobId: string; period: string; result: JobResult };

/** An admin's "run this job for this period now": queued with its deterministic id, or run here without Redis. */
@Injectable()
export class JobsService {
  constructor(
    private readonly queues: JobQueues,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  get mode(): 'bullmq' | 'in-process' {
    return this.queues.enabled ? 'bullmq' : 'in-process';
  }

  async trigger(name: JobName, requestedPeriod?: string): Promise<TriggerResult> {
    const period = resolvePeriod(name, requestedPeriod);
    if (this.queues.enabled) return { mode: 'queued', period, ...(await this.queues.enqueue(name, period, { rerun: true })) };
    const id = jobId(name, this.config.zoneId, period);
    return { mode: 'in-process', queue: name, jobId: id, period, result: await this.runner.run(name, period, id) };
  }
}
