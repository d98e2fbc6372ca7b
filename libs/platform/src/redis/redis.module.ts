import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The Redis connection when REDIS_URL is set (BullMQ queues, later); null in the embedded default,
 * where scheduled jobs run in-process instead.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const url = config.redisUrl;
    if (url) {
      this.client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, enableOfflineQueue: false });
      this.client.on('error', (err) => this.logger.warn(`Redis: ${err.message}`));
      this.logger.log(`Jobs: BullMQ on Redis at ${new URL(url).host}`);
    } else {
      this.client = null;
      this.logger.log('Jobs: in-process schedule (no REDIS_URL)');
    }
  }

  /** A new connection with BullMQ's required settings (workers block, so they must not share one). */
  duplicateForWorker(): Redis {
    if (!this.client) throw new Error('REDIS_URL is not set');
    return this.client.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.client.status !== 'end') await this.client.quit().catch(() => this.client?.disconnect());
  }
}

/**
 * The jobs part of /health. Redis holds only the job queues: while it is down commands and queries still
 * work, so the jobs are reported as degraded and the API stays ready.
 */
@Injectable()
export class JobsHealth {
  constructor(
    private readonly redis: RedisConnection,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.health.check('jobs');
    if (!this.redis.client) return session.up({ mode: 'in-process' });
    try {
      const pong = await this.redis.client.ping();
      return session.up({ mode: 'bullmq', redis: 'up', reply: pong });
    } catch (error) {
      return session.degraded({
        mode: 'bullmq',
        redis: 'down',
        message: `Redis is unreachable (${(error as Error).message}): scheduled and manual job runs wait until it is back`,
      });
    }
  }
}

@Global()
@Module({ providers: [RedisConnection, JobsHealth], exports: [RedisConnection, JobsHealth] })
export class RedisModule {}
