import { InvalidEnvironmentError, validateEnvironment } from './environment.schema';

describe('validateEnvironment', () => {
  it('applies the defaults to an empty environment', () => {
    expect(validateEnvironment({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: 10,
      DATA_DIR: './data',
      PROJECTION_BATCH_SIZE: 500,
      PROJECTION_POLL_INTERVAL_MS: 500,
      PROJECTION_LEASE_TTL_MS: 15000,
      PROJECTION_STALE_AFTER_MS: 30000,
      WAIT_FOR_TIMEOUT_MS: 5000,
    });
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
