import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Environment } from './environment.schema';

const DEVELOPMENT_IDEMPOTENCY_SECRET = 'zhuqi-development-only-idempotency-secret';

/** Typed, named access to the validated environment: the rest of the code never reads process.env. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  private get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
  }

  get port(): number {
    return this.get('PORT');
  }

  get logLevel(): string {
    return this.get('LOG_LEVEL');
  }

  get logRequestHeaders(): boolean {
    return this.get('LOG_REQUEST_HEADERS');
  }

  get database(): { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; dataDir: string } {
    const url = this.get('DATABASE_URL');
    return url
      ? { kind: 'postgres', url, poolSize: this.get('DATABASE_POOL_SIZE') }
      : { kind: 'embedded', dataDir: resolve(this.get('DATA_DIR'), 'pglite') };
  }

  get redisUrl(): string | undefined {
    return this.get('REDIS_URL');
  }

  /** Embedded mode is one process: the API runs the projections itself unless told otherwise. */
  get projectionsInApi(): boolean {
    return this.get('PROJECTIONS_IN_API') ?? this.database.kind === 'embedded';
  }

  /** Without JWT_SECRET (development only) a random secret per process: tokens die with the process. */
  private readonly fallbackJwtSecret = randomBytes(32).toString('hex');

  get jwt(): { secret: string; ttlSeconds: number; ephemeral: boolean } {
    const secret = this.get('JWT_SECRET');
    return { secret: secret ?? this.fallbackJwtSecret, ttlSeconds: this.get('JWT_TTL_SECONDS'), ephemeral: !secret };
  }

  /**
   * Keys the HMAC over Idempotency-Key fingerprints, so the table holds no plain digest of anyone's request.
   * Without IDEMPOTENCY_SECRET (development only: production refuses to start) a fixed development value, so a
   * retry after a restart of the embedded demo still matches its first request.
   */
  get idempotency(): { secret: string; abandonedAfterMs: number; retentionDays: number; development: boolean } {
    const secret = this.get('IDEMPOTENCY_SECRET');
    return { secret: secret ?? DEVELOPMENT_IDEMPOTENCY_SECRET, abandonedAfterMs: this.get('IDEMPOTENCY_ABANDONED_AFTER_MS'), retentionDays: this.get('IDEMPOTENCY_RETENTION_DAYS'), development: !secret };
  }

  /** Where the built console is (served at / by the API). */
  get consoleDir(): string {
    return resolve(this.get('CONSOLE_DIR'));
  }

  get zoneId(): string {
    return this.get('ZONE_ID');
  }

  get loginRateLimits(): { perAccountPerMinute: number; perIpPerMinute: number } {
    return { perAccountPerMinute: this.get('LOGIN_RATE_LIMIT_PER_MINUTE'), perIpPerMinute: this.get('LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE') };
  }

  /** Express's "trust proxy" value: a boolean, a hop count, or the addresses/subnets to trust. */
  get trustProxy(): boolean | number | string {
    const raw = this.get('TRUST_PROXY').trim();
    if (raw === 'true' || raw === 'false') return raw === 'true';
    return /^\d+$/.test(raw) ? Number(raw) : raw;
  }

  /** Minutes within which a matching visit is taken for a retried request (0: never). */
  get visitDuplicateWindowMinutes(): number {
    return this.get('VISIT_DUPLICATE_WINDOW_MINUTES');
  }

  get authUserCacheMs(): number {
    return this.get('AUTH_USER_CACHE_MS');
  }

  get projections() {
    return {
      batchSize: this.get('PROJECTION_BATCH_SIZE'),
      catchUpBatchSize: this.get('PROJECTION_CATCH_UP_BATCH_SIZE'),
      pollIntervalMs: this.get('PROJECTION_POLL_INTERVAL_MS'),
      wakeIntervalMs: this.get('PROJECTION_WAKE_INTERVAL_MS'),
      leaseTtlMs: this.get('PROJECTION_LEASE_TTL_MS'),
      staleAfterMs: this.get('PROJECTION_STALE_AFTER_MS'),
      maxAttempts: this.get('PROJECTION_MAX_ATTEMPTS'),
      retryDelayMs: this.get('PROJECTION_RETRY_DELAY_MS'),
      waitForTimeoutMs: this.get('WAIT_FOR_TIMEOUT_MS'),
    };
  }

  /** Limits of an uploaded certification list (CSV/XLSX). */
  get imports() {
    return { maxRows: this.get('IMPORT_MAX_ROWS'), maxUncompressedBytes: this.get('IMPORT_MAX_UNCOMPRESSED_BYTES') };
  }

  /** Limits of a downloaded list (problems as XLSX/CSV). */
  get exports() {
    return { maxRows: this.get('EXPORT_MAX_ROWS') };
  }

  /** 三色预警 rules (see problem-warnings). */
  get warnings(): { blueWithinWorkingDays: number; acceptanceLimitWorkingDays: number } {
    return { blueWithinWorkingDays: this.get('WARNING_BLUE_WITHIN_WORKING_DAYS'), acceptanceLimitWorkingDays: this.get('ACCEPTANCE_LIMIT_WORKING_DAYS') };
  }

  /** Scheduled jobs: queue prefix, retry policy and the rules the jobs apply. */
  get jobs() {
    return {
      prefix: this.get('JOBS_PREFIX'),
      attempts: this.get('JOBS_ATTEMPTS'),
      backoffMs: this.get('JOBS_BACKOFF_MS'),
      superviseAfterWorkingDays: this.get('OVERDUE_SUPERVISE_AFTER_WORKING_DAYS'),
      expiryWithinDays: this.get('CERTIFICATION_EXPIRY_WITHIN_DAYS'),
      digestEscalateAfterWorkingDays: this.get('DIGEST_ESCALATE_AFTER_WORKING_DAYS'),
      goLiveDate: this.get('GO_LIVE_DATE') ?? null,
    };
  }
}
