import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { UserRow } from './user.entity';

/** What a request needs to know about its caller's account, beyond what the token says. */
export type AccountSnapshot = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'unitId' | 'active' | 'credentialsGeneration'>;

const MISSING = { missing: true } as const;
type Cached = AccountSnapshot | typeof MISSING;

/**
 * Every authenticated request checks that its user still exists, is active, and has not had its tokens revoked.
 * The answer is cached per process for AUTH_USER_CACHE_MS so the hot path costs no query; a change made through
 * this process forgets the entry at once, another replica sees it within that window. Concurrent misses for one
 * user share one query (lru-cache's fetch).
 */
@Injectable()
export class AccountStatus {
  private readonly cache: LRUCache<string, Cached>;

  constructor(
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
    config: AppConfig,
  ) {
    this.cache = new LRUCache<string, Cached>({
      max: 10_000,
      ttl: Math.max(1, config.authUserCacheMs),
      fetchMethod: async (id) => (await this.load(id)) ?? MISSING,
    });
  }

  async current(userId: string): Promise<AccountSnapshot | null> {
    const cached = await this.cache.fetch(userId);
    return !cached || 'missing' in cached ? null : cached;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async load(id: string): Promise<AccountSnapshot | null> {
    return this.users.findOne({
      where: { id },
      select: { id: true, username: true, displayName: true, role: true, unitId: true, active: true, credentialsGeneration: true },
    });
  }
}
