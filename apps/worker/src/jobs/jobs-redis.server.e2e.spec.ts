import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { JOB_NAMES, JobQueues, OverdueCheckJob, type JobName } from '@app/jobs';
import { serverDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';
import { WorkerModule } from '../worker.module';
import { JobProcessors } from './job-processors';
import { freePort, TestRedis } from './redis-server.testing';

let redis: TestRedis;
const prefix = `zhuqi-test-${process.pid}`;

/**
 * BullMQ mode end to end: the API enqueues, a worker process (same database, a Redis this test starts and
 * kills on its own port) runs the jobs. Real PostgreSQL only; with REQUIRE_SERVICES=1 it cannot skip.
 */
describe.each(serverDatabaseKinds())('jobs on BullMQ with a Redis of its own, on %s', (kind) => {
  let worker: INestApplicationContext;
  const saved = { ...process.env };
  beforeAll(async () => {
    redis = new TestRedis(await freePort());
    await redis.start();
    // Read by the API that useSupportWorld starts next, and by the worker below.
    Object.assign(process.env, { REDIS_URL: redis.url, JOBS_PREFIX: prefix, JOBS_BACKOFF_MS: '50', JOBS_ATTEMPTS: '3' });
  });
  // Declared before useSupportWorld's, so it runs first: the worker stops before the API drops the database.
  afterAll(async () => {
    await worker?.close();
    await redis?.kill();
    process.env = saved;
  });
  const w = useSupportWorld(kind);
  beforeAll(async () => {
    // startTestApi left the API's DATABASE_URL and the variables above in process.env: the worker shares them.
    worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: ['error'] });
    await worker.init();
    await worker.get(JobProcessors).schedulersReady;
  });

  const queue = (name: JobName) => worker.get(JobQueues).queue(name);
  const run = (job: string, period?: string) => w.http().post('/api/v1/admin/jobs/run').set('Authorization', w.users.admin.auth).send({ job, period });
  async function finished(name: JobName, id: string): Promise<{ state: string; attemptsMade: number; returnvalue: unknown }> {
    for (let i = 0; i < 200; i++) {
      // The worker's producer connection may still be reconnecting after an outage: ask again.
      // State first, then the job's hash: read the other way round, a re-run job fetched while waiting and
      // finished before getState() answers 'completed' with the returnvalue still null.
      const state = await queue(name).getJobState(id).catch(() => 'unknown');
      const job = state === 'completed' || state === 'failed' ? await queue(name).getJob(id).catch(() => undefined) : undefined;
      if (job) return { state, attemptsMade: job.attemptsMade, returnvalue: job.returnvalue };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${id} did not finish`);
  }
  const problemEvents = async (id: string): Promise<number> => {
    const [{ n }] = await w.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1`, [`problem-${id}`]);
    return n;
  };
  async function overdueProblem(): Promise<string> {
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-09-26', [w.users.caseworker.id], [{ title: '融资难', category: '融资' }])).expect(201);
    const [id] = visit.body.problemIds as string[];
    const assign = { on: '2024-09-27', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 3 };
    const assigned = await w.step(id, 'assign', assign, w.users.caseworker).expect(200);
    await w.problem(id, w.users.manager, assigned.body.position).expect(200);
    return id;
  }

  it('registers one scheduler per job, however many times the worker starts', async () => {
    await worker.get(JobQueues).registerSchedulers();
    await worker.get(JobQueues).registerSchedulers();
    for (const name of JOB_NAMES) {
      expect(await queue(name).getJobSchedulersCount()).toBe(1);
      const [scheduler] = await queue(name).getJobSchedulers();
      expect(scheduler).toMatchObject({ key: name, tz: 'Asia/Shanghai' });
      // One pending tick per scheduler, not one per registration.
      expect(await queue(name).getDelayedCount()).toBe(1);
    }
    expect((await queue('monthly-summary').getJobSchedulers())[0].pattern).toBe('0 2 1 * *');
  });

  it('runs an admin-triggered overdue check under its deterministic id and escalates once', async () => {
    const id = await overdueProblem();
    const before = await problemEvents(id);
    const queued = await run('overdue-check', '2024-10-11').expect(201);
    expect(queued.body).toMatchObject({ mode: 'queued', queue: 'overdue-check', jobId: 'overdue-check:default:2024-10-11', created: true });
    expect(await finished('overdue-check', queued.body.jobId)).toMatchObject({ state: 'completed' });
    expect(await problemEvents(id)).toBe(before + 2); // flagged + 督办
    // Run again for the same period: the job runs again and appends nothing.
    await run('overdue-check', '2024-10-11').expect(201);
    expect(await finished('overdue-check', queued.body.jobId)).toMatchObject({ state: 'completed' });
    expect(await problemEvents(id)).toBe(before + 2);
    const counts = await w.http().get('/api/v1/admin/jobs').set('Authorization', w.users.admin.auth).expect(200);
    expect(counts.body.mode).toBe('bullmq');
    expect(counts.body.queues['overdue-check'].completed).toBeGreaterThanOrEqual(1);
  });

  it('closes a month through the reporting command, once', async () => {
    const first = await run('monthly-summary', '2024-06').expect(201);
    expect(first.body).toMatchObject({ mode: 'queued', jobId: 'monthly-summary:default:2024-06' });
    expect(await finished('monthly-summary', first.body.jobId)).toMatchObject({ state: 'completed', returnvalue: { month: '2024-06', version: 1, generated: true } });
    await run('monthly-summary', '2024-06').expect(201);
    expect(await finished('monthly-summary', first.body.jobId)).toMatchObject({ state: 'completed', returnvalue: { version: 1, generated: false } });
  });

  it('applies the effect once when an attempt fails after it (a worker dying mid-job), and lists and retries failures', async () => {
    const id = await overdueProblem();
    const before = await problemEvents(id);
    const job = worker.get(OverdueCheckJob);
    const original = job.run.bind(job);
    const spy = jest.spyOn(job, 'run').mockImplementationOnce(async (...args) => {
      await original(...args);
      throw new Error('worker died after appending');
    });
    const queued = await run('overdue-check', '2024-10-14').expect(201);
    const outcome = await finished('overdue-check', queued.body.jobId);
    expect(outcome).toMatchObject({ state: 'completed', attemptsMade: 2 });
    expect(await problemEvents(id)).toBe(before + 2);
    // Every attempt fails: the job lands in the failed set, an admin sees it and retries it.
    spy.mockImplementation(async () => {
      throw new Error('calendar not loaded');
    });
    const failing = await run('overdue-check', '2024-10-15').expect(201);
    expect(await finished('overdue-check', failing.body.jobId)).toMatchObject({ state: 'failed', attemptsMade: 3 });
    const failed = await w.http().get('/api/v1/admin/jobs/failed').set('Authorization', w.users.admin.auth).expect(200);
    expect(failed.body).toEqual(expect.arrayContaining([expect.objectContaining({ queue: 'overdue-check', jobId: failing.body.jobId, failedReason: 'calendar not loaded' })]));
    spy.mockRestore();
    await w.http().post(`/api/v1/admin/jobs/overdue-check/${failing.body.jobId}/retry`).set('Authorization', w.users.admin.auth).expect(200);
    expect(await finished('overdue-check', failing.body.jobId)).toMatchObject({ state: 'completed' });
    expect(await problemEvents(id)).toBe(before + 2);
    await w.http().post(`/api/v1/admin/jobs/overdue-check/${failing.body.jobId}/retry`).set('Authorization', w.users.admin.auth).expect(409);
    await w.http().post('/api/v1/admin/jobs/nope/x/retry').set('Authorization', w.users.admin.auth).expect(404);
  });

  it('keeps accepting commands while Redis is down, and runs jobs once it is back', async () => {
    await redis.kill();
    const uscc = await w.registerEnterprise(); // POST /api/v1/enterprises → 201 without Redis
    expect(uscc).toHaveLength(18);
    await run('certification-expiry', '2024-10-15').expect(503);
    await w.http().get('/api/v1/admin/jobs').set('Authorization', w.users.admin.auth).expect(503);

    await redis.start(); // same port, empty: the worker must register its schedulers again
    let queued: { status: number; body: { jobId: string } } = { status: 0, body: { jobId: '' } };
    for (let i = 0; i < 100 && queued.status !== 201; i++) {
      queued = await run('certification-expiry', '2024-10-15');
      if (queued.status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
    expect(queued.status).toBe(201);
    expect(await finished('certification-expiry', queued.body.jobId)).toMatchObject({ state: 'completed' });
    for (let i = 0; i < 100 && (await queue('overdue-check').getJobSchedulersCount()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    for (const name of JOB_NAMES) expect(await queue(name).getJobSchedulersCount()).toBe(1);
  });

  it('serves Bull Board to admins only', async () => {
    await w.http().get('/admin/queues').expect(401);
    await w.http().get('/admin/queues').set('Authorization', w.users.manager.auth).expect(403);
    const page = await w.http().get('/admin/queues').set('Authorization', w.users.admin.auth).expect(200);
    expect(page.text).toContain('<html');
    const api = await w.http().get('/admin/queues/api/queues').set('Authorization', w.users.admin.auth).expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('opens from the console through an HttpOnly cookie scoped to the board, for admins only', async () => {
    await w.http().post('/api/v1/admin/queue-board-session').set('Authorization', w.users.manager.auth).expect(403);
    const session = await w.http().post('/api/v1/admin/queue-board-session').set('Authorization', w.users.admin.auth).expect(200);
    expect(session.body).toMatchObject({ url: '/admin/queues' });
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/^zhuqi_queue_board=[^;]+;.*Path=\/admin\/queues.*HttpOnly.*SameSite=Strict/);
    const pair = cookie.split(';')[0];
    const page = await w.http().get('/admin/queues').set('Cookie', pair).expect(200);
    expect(page.text).toContain('<html');
    // A manager's token in the cookie is refused as its bearer header is; a forged one is not a token at all.
    await w.http().get('/admin/queues').set('Cookie', `zhuqi_queue_board=${w.users.manager.token}`).expect(403);
    await w.http().get('/admin/queues').set('Cookie', 'zhuqi_queue_board=forged').expect(401);
  });
});
