import Joi from 'joi';

/**
 * Every environment variable Zhuqi reads. The process refuses to start when one is malformed, naming it.
 * Keep README's configuration table in step with this file.
 */
export const environmentSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  /** Put the request headers (authorization and cookie redacted) back into the request log lines: for debugging a proxy. */
  LOG_REQUEST_HEADERS: Joi.boolean().default(false),
  /** PostgreSQL connection string; without it Zhuqi runs on embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(100).default(10),
  DATA_DIR: Joi.string().default('./data'),
  /** The built console (npm run build:console) that the API serves at /. */
  CONSOLE_DIR: Joi.string().default('./dist/console'),
  /** Redis connection string; without it scheduled jobs run in-process. */
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }),
  /** Run the projection runner inside the API process. Defaults to on for the embedded database, off otherwise. */
  PROJECTIONS_IN_API: Joi.boolean(),
  PROJECTION_BATCH_SIZE: Joi.number().integer().min(1).max(10000).default(500),
  /** The most a poll reads while the projections catch up (polls that come back full double up to it), and a rebuild's batch. */
  PROJECTION_CATCH_UP_BATCH_SIZE: Joi.number().integer().min(1).max(50000).default(8000),
  PROJECTION_POLL_INTERVAL_MS: Joi.number().integer().min(10).max(60000).default(250),
  PROJECTION_WAKE_INTERVAL_MS: Joi.number().integer().min(0).max(60000).default(50),
  PROJECTION_LEASE_TTL_MS: Joi.number().integer().min(1000).max(600000).default(15000),
  /** A projection whose loop has not beaten for this long is reported unhealthy. */
  PROJECTION_STALE_AFTER_MS: Joi.number().integer().min(1000).default(30000),
  /** A projection failing on one event retries with doubling delays from PROJECTION_RETRY_DELAY_MS, then stops after this many attempts. */
  PROJECTION_MAX_ATTEMPTS: Joi.number().integer().min(1).max(100).default(5),
  PROJECTION_RETRY_DELAY_MS: Joi.number().integer().min(10).max(600000).default(1000),
  WAIT_FOR_TIMEOUT_MS: Joi.number().integer().min(0).max(60000).default(5000),
  /** Signs the access tokens; every API replica needs the same one. Required in production. */
  JWT_SECRET: Joi.string().min(32).when('NODE_ENV', { is: 'production', then: Joi.required() }),
  JWT_TTL_SECONDS: Joi.number().integer().min(60).max(86400).default(900),
  /** Keys the HMAC of Idempotency-Key fingerprints; every API replica needs the same one. Required in production. */
  IDEMPOTENCY_SECRET: Joi.string().min(32).when('NODE_ENV', { is: 'production', then: Joi.required() }),
  /** A claimed key whose request has not beaten (database clock) for this long is abandoned: a retry may take it over. */
  IDEMPOTENCY_ABANDONED_AFTER_MS: Joi.number().integer().min(1000).max(3600000).default(60000),
  /** Days an Idempotency-Key (HTTP and store) is kept before the idempotency-pruning job removes it. */
  IDEMPOTENCY_RETENTION_DAYS: Joi.number().integer().min(1).max(3650).default(30),
  /** A visit matching one logged this many minutes ago (enterprise, date, a caseworker) is refused as a likely duplicate unless confirmed. */
  VISIT_DUPLICATE_WINDOW_MINUTES: Joi.number().integer().min(0).max(1440).default(10),
  /** The development zone (tenant) this deployment serves; recorded on every event. */
  ZONE_ID: Joi.string().pattern(/^[a-z0-9-]{1,40}$/).default('default'),
  /** Login attempts allowed per account (username) per minute, whoever makes them. */
  LOGIN_RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).max(1000).default(10),
  /** Login attempts allowed per client address per minute, whichever accounts they name (password spraying). */
  LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: Joi.number().integer().min(1).max(100000).default(100),
  /**
   * Which proxies' X-Forwarded-For to believe when telling clients apart (Express's "trust proxy": false, true,
   * a hop count, or addresses/subnets such as "loopback, 10.0.0.0/8"). Behind the documented load balancer,
   * set it to the balancer's address so that each user is throttled on their own address, not the balancer's.
   */
  TRUST_PROXY: Joi.string().default('false'),
  /** How long (ms) a replica may trust its cached copy of an account (active, role, token generation). */
  AUTH_USER_CACHE_MS: Joi.number().integer().min(0).max(60000).default(5000),
  /** Redis key prefix of the BullMQ queues: two deployments (or tests) on one Redis keep apart by it. */
  JOBS_PREFIX: Joi.string().pattern(/^[A-Za-z0-9_-]{1,40}$/).default('zhuqi'),
  /** Attempts per job before it lands in the failed set, with exponential backoff from JOBS_BACKOFF_MS. */
  JOBS_ATTEMPTS: Joi.number().integer().min(1).max(20).default(5),
  JOBS_BACKOFF_MS: Joi.number().integer().min(10).max(3600000).default(30000),
  /** The bureau's rule: 督办 is issued automatically once a problem is this many working days overdue. */
  OVERDUE_SUPERVISE_AFTER_WORKING_DAYS: Joi.number().integer().min(1).max(60).default(3),
  /** 每日提醒: a problem no unit has accepted for this many working days goes to the managers' digest. */
  DIGEST_ESCALATE_AFTER_WORKING_DAYS: Joi.number().integer().min(1).max(60).default(3),
  /** 三色预警: blue when the deadline is within this many working days. */
  WARNING_BLUE_WITHIN_WORKING_DAYS: Joi.number().integer().min(0).max(30).default(2),
  /** 签收 limit of an assignment, in working days: yellow when not accepted within it. */
  ACCEPTANCE_LIMIT_WORKING_DAYS: Joi.number().integer().min(1).max(30).default(1),
  /** Certifications ending within this many days are listed for follow-up by the expiry job. */
  CERTIFICATION_EXPIRY_WITHIN_DAYS: Joi.number().integer().min(1).max(730).default(90),
  /** An announced list has hundreds of rows: an upload with more data rows than this is refused while it is read. */
  IMPORT_MAX_ROWS: Joi.number().integer().min(1).max(1000000).default(10000),
  /** The most an XLSX upload may expand to (the sum of its zip entries): stops a small zip that unpacks to gigabytes. */
  IMPORT_MAX_UNCOMPRESSED_BYTES: Joi.number().integer().min(1000).max(2147483647).default(50 * 1024 * 1024),
  /** An export (XLSX/CSV of a problem list) with more rows than this is refused up front (422), not streamed for ever. */
  EXPORT_MAX_ROWS: Joi.number().integer().min(1).max(5000000).default(200000),
  /** The first day (Asia/Shanghai) the scheduled jobs owe runs for; missed ones since are caught up. Default: the first event's day. */
  GO_LIVE_DATE: Joi.string().pattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).messages({ 'string.pattern.base': '"GO_LIVE_DATE" must be a date YYYY-MM-DD' }),
}).unknown(true);

export interface Environment {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  LOG_LEVEL: string;
  LOG_REQUEST_HEADERS: boolean;
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  DATA_DIR: string;
  CONSOLE_DIR: string;
  REDIS_URL?: string;
  PROJECTIONS_IN_API?: boolean;
  PROJECTION_BATCH_SIZE: number;
  PROJECTION_CATCH_UP_BATCH_SIZE: number;
  PROJECTION_POLL_INTERVAL_MS: number;
  PROJECTION_WAKE_INTERVAL_MS: number;
  PROJECTION_LEASE_TTL_MS: number;
  PROJECTION_STALE_AFTER_MS: number;
  PROJECTION_MAX_ATTEMPTS: number;
  PROJECTION_RETRY_DELAY_MS: number;
  WAIT_FOR_TIMEOUT_MS: number;
  JWT_SECRET?: string;
  JWT_TTL_SECONDS: number;
  IDEMPOTENCY_SECRET?: string;
  IDEMPOTENCY_ABANDONED_AFTER_MS: number;
  IDEMPOTENCY_RETENTION_DAYS: number;
  VISIT_DUPLICATE_WINDOW_MINUTES: number;
  ZONE_ID: string;
  LOGIN_RATE_LIMIT_PER_MINUTE: number;
  LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: number;
  TRUST_PROXY: string;
  AUTH_USER_CACHE_MS: number;
  JOBS_PREFIX: string;
  JOBS_ATTEMPTS: number;
  JOBS_BACKOFF_MS: number;
  OVERDUE_SUPERVISE_AFTER_WORKING_DAYS: number;
  CERTIFICATION_EXPIRY_WITHIN_DAYS: number;
  DIGEST_ESCALATE_AFTER_WORKING_DAYS: number;
  WARNING_BLUE_WITHIN_WORKING_DAYS: number;
  ACCEPTANCE_LIMIT_WORKING_DAYS: number;
  IMPORT_MAX_ROWS: number;
  IMPORT_MAX_UNCOMPRESSED_BYTES: number;
  EXPORT_MAX_ROWS: number;
  GO_LIVE_DATE?: string;
}

export class InvalidEnvironmentError extends Error {}

/** Used by ConfigModule at start-up; lists every bad variable at once, by name. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const { value, error } = environmentSchema.validate(raw, { abortEarly: false, convert: true });
  if (error) {
    const problems = error.details.map((d) => `  ${d.path.join('.')}: ${d.message}`).join('\n');
    throw new InvalidEnvironmentError(`Invalid configuration — fix these environment variables:\n${problems}`);
  }
  const env = value as Environment;
  // A holder that polls less often than its lease lasts would lose the lease between polls.
  if (env.PROJECTION_LEASE_TTL_MS < 3 * env.PROJECTION_POLL_INTERVAL_MS) {
    throw new InvalidEnvironmentError(
      `Invalid configuration — fix these environment variables:\n  PROJECTION_LEASE_TTL_MS: must be at least 3 × PROJECTION_POLL_INTERVAL_MS (${3 * env.PROJECTION_POLL_INTERVAL_MS})`,
    );
  }
  return env;
}
