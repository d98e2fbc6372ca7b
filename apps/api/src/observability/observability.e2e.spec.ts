import request from 'supertest';
import { createServer, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { ProjectionHealth } from '@app/event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { createUser } from '../../../../test/support/auth';
import { newUscc } from '../../../../test/support/support-fixtures';

/** A TCP port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
      expect(res.body.info.jobs).toMatchObject(process.env.REDIS_URL ? { status: 'up', mode: 'bullmq' } : { status: 'up', mode: 'in-process' });
    });

    it('GET /health/ready answers like /health; GET /health/live is 200 without looking at any dependency', async () => {
      const ready = await request(api.app.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body.info.database.status).toBe('up');
      const live = await request(api.app.getHttpServer()).get('/health/live').expect(200);
      expect(live.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    });

    it('the public health answer names no host or process; admins see the lease holders', async () => {
      const open = await request(api.app.getHttpServer()).get('/health').expect(200);
      expect(open.body.info.projections['log-overview']).not.toHaveProperty('owner');
      expect(JSON.stringify(open.body)).not.toContain(hostname());
      expect(JSON.stringify(open.body)).not.toContain(`:${process.pid}:`);

      const admin = await createUser(api.app, 'admin');
      const listed = await request(api.app.getHttpServer()).get('/api/v1/admin/projections').set('Authorization', admin.auth).expect(200);
      expect(listed.body).toContainEqual(expect.objectContaining({ name: 'log-overview', healthy: true, behindCapped: false, owner: expect.stringContaining(`${hostname()}:${process.pid}:`) }));
      const manager = await createUser(api.app, 'manager');
      await request(api.app.getHttpServer()).get('/api/v1/admin/projections').set('Authorization', manager.auth).expect(403);
      await request(api.app.getHttpServer()).get('/api/v1/admin/projections').expect(401);
    });

    it('one status reading serves a burst of probes and scrapes, and a fresh one is read a second later', async () => {
      const health = api.app.get(ProjectionHealth);
      await sleep(1_100); // past whatever the earlier tests left cached
      const reads = jest.spyOn(health, 'statuses');
      try {
        const burst = [
          ...Array.from({ length: 10 }, () => request(api.app.getHttpServer()).get('/health')),
          ...Array.from({ length: 5 }, () => request(api.app.getHttpServer()).get('/metrics')),
        ];
        for (const res of await Promise.all(burst)) expect(res.status).toBe(200);
        expect(reads).toHaveBeenCalledTimes(1);
        await sleep(1_100);
        await request(api.app.getHttpServer()).get('/metrics').expect(200);
        await request(api.app.getHttpServer()).get('/health').expect(200);
        expect(reads).toHaveBeenCalledTimes(2);
      } finally {
        reads.mockRestore();
      }
    });

    it('GET /metrics serves Prometheus text with the projection gauges', async () => {
      const res = await request(api.app.getHttpServer()).get('/metrics').expect(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toMatch(/zhuqi_projection_lag_events\{projection="log-overview"\} \d+/);
      expect(res.text).toMatch(/zhuqi_projection_heartbeat_age_seconds\{projection="log-overview"\} [\d.]+/);
      expect(res.text).toMatch(/zhuqi_projection_stopped\{projection="problem-details"\} 0/);
      expect(res.text).toMatch(/zhuqi_projection_failure_attempts\{projection="problem-details"\} 0/);
    });

    it('GET /metrics counts requests by route template (no ids), commands by name and outcome, and events by type', async () => {
      const http = () => request(api.app.getHttpServer());
      const manager = await createUser(api.app, 'manager');
      const uscc = newUscc();
      const body = { uscc, name: '度量测试有限公司', address: '科创大道 2 号', park: '智能制造产业园', industry: '通用设备制造业' };
      await http().post('/api/v1/enterprises').set('Authorization', manager.auth).send(body).expect(201);
      await http().post('/api/v1/enterprises').set('Authorization', manager.auth).send(body).expect(409);
      await http().get(`/api/v1/enterprises/${newUscc()}`).set('Authorization', manager.auth).expect(404);
      await http().get('/api/v1/no/such/path/unknown-segment').expect(404);

      const text = (await http().get('/metrics').expect(200)).text;
      const count = (name: string, labels: string) => {
        const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
        return line === undefined ? undefined : Number(line.split(' ').at(-1));
      };
      expect(count('zhuqi_http_request_duration_seconds_count', 'method="POST",route="/api/v1/enterprises",status="201"')).toBe(1);
      expect(count('zhuqi_http_request_duration_seconds_count', 'method="POST",route="/api/v1/enterprises",status="409"')).toBe(1);
      expect(count('zhuqi_http_request_duration_seconds_count', 'method="GET",route="/api/v1/enterprises/:uscc",status="404"')).toBe(1);
      // An unknown API path (the console serves every other one) lands on the catch-all route: its template, never the path.
      expect(count('zhuqi_http_request_duration_seconds_count', 'method="GET",route="{*any}",status="404"')).toBe(1);
      expect(text).toMatch(/zhuqi_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/v1\/enterprises",status="201"\} 1/);
      expect(text).not.toContain(uscc);
      // A word, not a number: a digit string turned up by chance in a CPU or memory gauge and failed CI once.
      expect(text).not.toContain('no/such/path');
      expect(text).not.toContain('unknown-segment');
      expect(count('zhuqi_commands_total', 'command="RegisterEnterprise",outcome="appended"')).toBe(1);
      expect(count('zhuqi_commands_total', 'command="RegisterEnterprise",outcome="refused"')).toBe(1);
      expect(count('zhuqi_events_appended_total', 'type="EnterpriseRegistered"')).toBe(1);
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

  describe('with Redis configured but down (nothing listens on its port)', () => {
    let api: TestApp;
    let deadUrl: string;
    beforeAll(async () => {
      deadUrl = `redis://127.0.0.1:${await closedPort()}`;
      api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true', REDIS_URL: deadUrl });
    });
    afterAll(() => api?.close());

    it('readiness stays 200 with the jobs reported as degraded, and commands still work', async () => {
      const manager = await createUser(api.app, 'manager');
      const res = await eventually(
        () => request(api.app.getHttpServer()).get('/health/ready'),
        (r) => r.status === 200 && r.body.info.projections['log-overview'].behind === 0,
      );
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('degraded');
      expect(res.body.info.database.status).toBe('up');
      expect(res.body.info.jobs).toMatchObject({ status: 'degraded', mode: 'bullmq', redis: 'down' });
      expect((await request(api.app.getHttpServer()).get('/health')).status).toBe(200);
      const uscc = newUscc();
      const registered = await request(api.app.getHttpServer())
        .post('/api/v1/enterprises')
        .set('Authorization', manager.auth)
        .send({ uscc, name: '红外测试有限公司', address: '科创大道 1 号', park: '智能制造产业园', industry: '通用设备制造业' })
        .expect(201);
      await request(api.app.getHttpServer()).get(`/api/v1/enterprises/${uscc}?position=${registered.body.position}`).set('Authorization', manager.auth).expect(200);
      await request(api.app.getHttpServer()).get('/health/live').expect(200);
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
