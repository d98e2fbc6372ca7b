import { InvalidEnvironmentError, environmentSchema, validateEnvironment, type Environment } from './environment.schema';

describe('validateEnvironment', () => {
  it('applies the defaults to an empty environment', () => {
    const env = validateEnvironment({});

    // The defaults other code relies on: port 3000, embedded PostgreSQL under ./data, no Redis.
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, LOG_LEVEL: 'info', DATA_DIR: './data' });
    expect([env.DATABASE_URL, env.REDIS_URL, env.PROJECTIONS_IN_API]).toEqual([undefined, undefined, undefined]);
    // Every other declared default is applied (tuning values may change; they must still arrive).
    const declared = Object.entries(environmentSchema.describe().keys as Record<string, { flags?: { default?: unknown } }>)
      .filter(([, d]) => d.flags?.default !== undefined)
      .map(([name, d]) => [name, d.flags!.default]);
    expect(declared.length).toBeGreaterThanOrEqual(10);
    expect(declared.map(([name]) => [name, env[name as keyof Environment]])).toEqual(declared);
  });

  it('has defaults that work together: the lease and the staleness limit outlast a poll', () => {
    const env = validateEnvironment({});

    expect(env.PROJECTION_LEASE_TTL_MS).toBeGreaterThan(2 * env.PROJECTION_POLL_INTERVAL_MS);
    expect(env.PROJECTION_STALE_AFTER_MS).toBeGreaterThan(2 * env.PROJECTION_POLL_INTERVAL_MS);
    // Catching up reads larger batches than a live poll, never smaller ones.
    expect(env.PROJECTION_CATCH_UP_BATCH_SIZE).toBeGreaterThan(env.PROJECTION_BATCH_SIZE);
  });

  it('converts the strings the environment holds and keeps unrelated variables', () => {
    const env = validateEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgresql://zhuqi@db:5432/zhuqi',
      REDIS_URL: 'rediss://cache:6380',
      PROJECTIONS_IN_API: 'true',
      PROJECTION_BATCH_SIZE: '50',
      HOME: '/root',
    });

    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgresql://zhuqi@db:5432/zhuqi',
      REDIS_URL: 'rediss://cache:6380',
      PROJECTIONS_IN_API: true,
      PROJECTION_BATCH_SIZE: 50,
      HOME: '/root',
    });
    expect(validateEnvironment({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }).DATABASE_URL).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
  });

  it('names every malformed variable at once', () => {
    const error = catchError(() =>
      validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://db/zhuqi', REDIS_URL: 'not a url at all' }),
    );

    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const named = problemLines(error.message);
    expect(named).toEqual(['PORT', 'DATABASE_URL', 'REDIS_URL']);
  });

  it.each([
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    ['a zero pool size', { DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    ['a lease shorter than a second', { PROJECTION_LEASE_TTL_MS: '10' }, 'PROJECTION_LEASE_TTL_MS'],
    ['a yes/no that is neither', { PROJECTIONS_IN_API: 'maybe' }, 'PROJECTIONS_IN_API'],
    ['a catch-up batch of no events', { PROJECTION_CATCH_UP_BATCH_SIZE: '0' }, 'PROJECTION_CATCH_UP_BATCH_SIZE'],
    ['a catch-up batch of half an event', { PROJECTION_CATCH_UP_BATCH_SIZE: '2.5' }, 'PROJECTION_CATCH_UP_BATCH_SIZE'],
  ])('refuses %s', (_what, raw, name) => {
    const error = catchError(() => validateEnvironment(raw));

    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    expect(problemLines(error.message)).toEqual([name]);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** The variable named at the start of each problem line of the message. */
function problemLines(message: string): string[] {
  return message
    .split('\n')
    .slice(1)
    .map((line) => /^\s+([A-Z_]+):/.exec(line)?.[1] ?? `unparsed: ${line}`);
}
