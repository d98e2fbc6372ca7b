import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';

/** Polls a condition with a deadline: for waiting on another loop without a fixed sleep. */
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(25);
  }
}

describe.each(testDatabaseKinds())('health, metrics and request ids on %s', (kind) => {
  describe('with the projections running in the API process', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true', ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) });
    });
    afterAll(() => api?.close());

    it('GET /health is 200 with database, projections (and Redis when configured) up', async () => {
      const res = await eventually(
        () => request(api.app.getHttpServer()).get('/health'),
        // Start-up may append (the calendar seed): wait until the projections have caught up with it.
        (r) => r.status === 200 && r.body.info.projections['log-overview'].behind === 0,
      );
      expect(res.status).toBe(200);
      expect(res.body.info.database.status).toBe('up');
      expect(res.body.info.projections['log-overview']).toMatchObject({ healthy: true, behind: 0 });
      if (process.env.REDIS_URL) expect(res.body.info.redis.status).toBe('up');
    });

    it('GET /metrics serves Prometheus text with the projection gauges', async () => {
      const res = await request(api.app.getHttpServer()).get('/metrics').expect(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toMatch(/zhuqi_projection_lag_events\{projection="log-overview"\} \d+/);
      expect(res.text).toMatch(/zhuqi_projection_heartbeat_age_seconds\{projection="log-overview"\} [\d.]+/);
    });

    it('echoes the caller’s X-Request-Id, or makes one up', async () => {
      const given = await request(api.app.getHttpServer()).get('/health').set('X-Request-Id', 'req-42');
      expect(given.headers['x-request-id']).toBe('req-42');
      const made = await request(api.app.getHttpServer()).get('/health');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('serves the OpenAPI document', async () => {
      const res = await request(api.app.getHttpServer()).get('/api/docs-json').expect(200);
      expect(res.body.info.title).toContain('Zhuqi');
    });
  });

  describe('with no worker running the projections', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApi(kind, { PROJECTIONS_IN_API: 'false' });
    });
    afterAll(() => api?.close());

    it('GET /health is 503 and says which projection has no worker', async () => {
      const res = await request(api.app.getHttpServer()).get('/health').expect(503);
      expect(res.body.error.projections['log-overview']).toMatchObject({
        healthy: false,
        problem: 'no worker holds this projection',
      });
    });
  });
});
