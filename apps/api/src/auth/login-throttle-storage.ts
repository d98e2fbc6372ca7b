import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig, RedisConnection } from '@app/platform';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One atomic step of a fixed-window counter with a block: while blocked, answer the block's remaining time;
 * otherwise count the hit, and block for `blockMs` once the count passes the limit.
 * KEYS: hits, block. ARGV: ttlMs, limit, blockMs. Answers { hits, hitsTtlMs, blocked, blockTtlMs }.
 */
const INCREMENT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or ARGV[2]), math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockTtl }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local hitsTtl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, hitsTtl, 1, tonumber(ARGV[3]) }
end
return { hits, hitsTtl, 0, 0 }
`;

/**
 * Login attempt counters shared by every API replica (Redis), so N replicas do not allow N× the attempts and a
 * restart does not reset them. On the embedded default (no REDIS_URL) the one process that may open the database
 * keeps them in memory. If Redis fails, counting falls back to this process's memory rather than refusing every
 * login: a Redis outage must not lock the bureau out.
 */
@Injectable()
export class LoginThrottleStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottleStorage.name);
  private readonly memory = new ThrottlerStorageService();
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisConnection,
    config: AppConfig,
  ) {
    this.prefix = `${config.jobs.prefix}:login-throttle:`;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const client = this.redis.client;
    if (client) {
      try {
        const [hits, hitsTtlMs, blocked, blockTtlMs] = (await client.eval(INCREMENT, 2, `${this.prefix}${key}`, `${this.prefix}${key}:block`, ttl, limit, blockDuration)) as number[];
        return { totalHits: hits, timeToExpire: Math.ceil(hitsTtlMs / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(blockTtlMs / 1000) };
      } catch (error) {
        this.logger.warn(`Login throttling falls back to this process's memory: Redis answered ${(error as Error).message}`);
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    this.memory.onApplicationShutdown();
  }
}
