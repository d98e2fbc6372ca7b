import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from '../projections/projection-runner';
import { PoolSql } from '../store/sql';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';
import { ProjectionMetrics } from './projection-metrics';
import { ProjectionRegistry } from './projection-registry';

/** Starts the runner in processes that run projections (the worker; the API on the embedded database). */
@Injectable()
export class ProjectionRunnerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private runner: ProjectionRunner | null = null;
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
    private readonly registry: ProjectionRegistry,
    private readonly upcasters: UpcasterRegistry,
    private readonly metrics: ProjectionMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runProjections) {
      this.logger.log('Projection runner: off in this process (a worker runs the projections)');
      return;
    }
    const { batchSize, catchUpBatchSize, pollIntervalMs, wakeIntervalMs, leaseTtlMs, maxAttempts, retryDelayMs } = this.options.projection;
    this.runner = new ProjectionRunner(
      new PoolSql(this.options.pool),
      this.registry.all(),
      {
        owner: this.owner,
        batchSize,
        catchUpBatchSize,
        pollIntervalMs,
        wakeIntervalMs,
        leaseTtlMs,
        maxAttempts,
        retryDelayMs,
        log: (level, message, extra) => this.logger[level === 'info' ? 'log' : level]({ ...extra, msg: message }),
        onBatch: (projection, events) => this.metrics.processed(projection, events),
        onFailure: (projection) => this.metrics.failed(projection),
      },
      this.upcasters,
    );
    await this.runner.start();
    this.logger.log(`Projection runner: on as ${this.owner} for ${this.registry.all().map((p) => p.name).join(', ')}`);
  }

  /** Lets a just-committed append in this process wake the pollers at once. */
  wake(): void {
    this.runner?.wake();
  }

  /** Before the database module closes its pool (it does so in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
