import request from 'supertest';
import { UsersService } from '@app/platform';
import { freePort, TestRedis } from '../../../worker/src/jobs/redis-server.testing';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';

const PASSWORD = 'long-enough-password';

// Without a REDIS_URL of their own, these apps count in memory (CI exports the shared Redis's URL).
const sharedRedisUrl = process.env.REDIS_URL;
beforeAll(() => {
  delete process.env.REDIS_URL;
});
afterAll(() => {
  if (sharedRedisUrl !== undefined) process.env.REDIS_URL = sharedRedisUrl;
});

async function attempts(api: TestApp, count: number, body: object, forwardedFor?: string) {
  const statuses: number[] = [];
  let last: request.Response | undefined;
  for (let i = 0; i < count; i++) {
    const req = request(api.app.getHttpServer()).post('/api/v1/auth/login');
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    last = await req.send(body);
    statuses.push(last.status);
  }
  return { statuses, last: last! };
}

/**
 * Login throttling per account and per client address, as a bureau behind a load balancer meets it. The counters
 * live in Redis (a redis-server of this test's own) so that replicas share them, or in memory without REDIS_URL.
 */
describe.each(['memory', 'redis'] as const)('login throttling with counters in %s', (where) => {
  let redis: TestRedis | undefined;
  let api: TestApp;
  const env = () => ({
    LOGIN_RATE_LIMIT_PER_MINUTE: '3',
    LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: '6',
    TRUST_PROXY: 'loopback',
    JOBS_PREFIX: `throttle-${process.pid}-${where}`,
    ...(redis ? { REDIS_URL: redis.url } : {}),
  });

  beforeAll(async () => {
    if (where === 'redis') {
      redis = new TestRedis(await freePort());
      await redis.start();
    }
    api = await startTestApi('pglite', env());
    for (const username of ['wang.fang', 'li.na', 'zhao.lei']) {
      await api.app.get(UsersService).create({ username, displayName: username, password: PASSWORD, role: 'manager' });
    }
  });
  afterAll(async () => {
    await api?.close();
    await redis?.kill();
  });

  it('blocks an account after the limit with a plain message and a standard Retry-After, while others log in', async () => {
    const { statuses, last } = await attempts(api, 5, { username: 'wang.fang', password: 'wrong-password' }, '203.0.113.10');
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last.body).toMatchObject({ error: 'TOO_MANY_LOGIN_ATTEMPTS', message: expect.stringMatching(/for this account; try again in \d+ seconds/) });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(Object.keys(last.headers).filter((h) => h.startsWith('retry-after-'))).toEqual([]);

    // The same account from another address is still blocked (someone guessing from many machines) …
    const elsewhere = await attempts(api, 1, { username: 'wang.fang', password: PASSWORD }, '198.51.100.7');
    expect(elsewhere.statuses).toEqual([429]);
    // … while a colleague behind the same proxy address logs in as usual.
    const colleague = await attempts(api, 1, { username: 'li.na', password: PASSWORD }, '203.0.113.10');
    expect(colleague.statuses).toEqual([200]);
  });

  it('blocks one address trying many accounts, and only that address', async () => {
    const spray = [];
    for (const username of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']) {
      spray.push((await attempts(api, 1, { username, password: 'guess-guess-guess' }, '192.0.2.66')).last);
    }
    expect(spray.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect(spray[6].body.message).toMatch(/from this address/);
    const other = await attempts(api, 1, { username: 'zhao.lei', password: PASSWORD }, '192.0.2.67');
    expect(other.statuses).toEqual([200]);
  });

  if (where === 'redis') {
    it('shares the counters between replicas on one Redis', async () => {
      const replica = await startTestApi('pglite', env());
      try {
        const body = { username: 'shared.account', password: 'wrong-password' };
        const onFirst = await attempts(api, 2, body, '203.0.113.20');
        const onSecond = await attempts(replica, 2, body, '203.0.113.20');
        expect([...onFirst.statuses, ...onSecond.statuses]).toEqual([401, 401, 401, 429]);
      } finally {
        await replica.close();
      }
    });
  }
});

describe('login throttling without a trusted proxy', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApi('pglite', { LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: '2' });
  });
  afterAll(() => api?.close());

  it('does not believe X-Forwarded-For: a client cannot dodge the address limit by inventing addresses', async () => {
    const statuses = [];
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      statuses.push((await attempts(api, 1, { username: `x-${ip}`, password: 'guess-guess-guess' }, ip)).last.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
