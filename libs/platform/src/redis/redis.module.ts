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

/** The Redis part of /health, present only when Redis is configured. */
@Injectable()
export class RedisHealth {
  constructor(
    private readonly redis: RedisConnection,
    private readonly health: HealthIndicatorService,
  ) {}

  get configured(): boolean {
    return this.redis.client !== null;
  }

  async check() {
    const session = this.health.check('redis');
    try {
      const pong = await this.redis.client!.ping();
      return session.up({ reply: pong });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}

@Global()
@Module({ providers: [RedisConnection, RedisHealth], exports: [RedisConnection, RedisHealth] })
export class RedisModule {}
