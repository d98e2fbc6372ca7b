import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { JobQueues, previousMonth } from '@app/jobs';
import { todayInShanghai } from '@app/platform';
import { serverDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld } from '../../../../test/support/support-fixtures';
import { WorkerModule } from '../worker.module';
import { JobProcessors } from './job-processors';
import { freePort, TestRedis } from './redis-server.testing';

let redis: TestRedis;
const prefix = `zhuqi-catch-up-${process.pid}`;

/** The months a schedule owed since going live on the 1st of the month three months back (today is the real clock). */
function owedMonths(now = new Date()): { goLive: string; months: string[] } {
  const today = todayInShanghai(now);
  const m1 = previousMonth(today);
  const m2 = previousMonth(`${m1}-01`);
  const m3 = previousMonth(`${m2}-01`);
  // The tick for last month comes at 02:00 on the 1st (Shanghai): before it, last month is not owed yet.
  const shanghaiHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(now));
  const lastMonthDue = !(today.endsWith('-01') && shanghaiHour < 2);
  return { goLive: `${m3}-01`, months: lastMonthDue ? [m3, m2, m1] : [m3, m2] };
}

/**
 * A Redis restarted empty loses the queued runs and the scheduler tick that fell in the outage. A worker
 * starting (or reconnecting) enqueues every month since go-live whose summary the log does not hold, and
 * the latest overdue check; run by several workers, or again after another flush, each month is generated once.
 */
describe.each(serverDatabaseKinds())('missed scheduled runs are caught up on %s', (kind) => {
  const workers: INestApplicationContext[] = [];
  const saved = { ...process.env };
  const { goLive, months } = owedMonths();
  beforeAll(async () => {
    redis = new TestRedis(await freePort());
    await redis.start();
    Object.assign(process.env, { REDIS_URL: redis.url, JOBS_PREFIX: prefix, JOBS_BACKOFF_MS: '50', JOBS_ATTEMPTS: '3', GO_LIVE_DATE: goLive });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await redis?.kill();
    process.env = saved;
  });
  const w = useSupportWorld(kind);

  async function startWorker(): Promise<JobProcessors> {
    const worker = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: ['error'] });
    workers.push(worker);
    await worker.init();
    const processors = worker.get(JobProcessors);
    await processors.schedulersReady;
    return processors;
  }
  /** Events on each month's summary stream, straight from the log. */
  const summaryEvents = async (): Promise<Record<string, number>> => {
    const rows: { month: string; n: number }[] = await w.api.app.get(DataSource).query(
      `SELECT right(stream_id, 7) AS month, count(*)::int AS n FROM es_events WHERE stream_id LIKE 'monthly-summary-%' GROUP BY stream_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.month, r.n]));
  };
  async function completed(jobIds: string[]): Promise<void> {
    const queues = workers.at(-1)!.get(JobQueues);
    for (const id of jobIds) {
      const name = id.split(':')[0] as 'monthly-summary' | 'overdue-check';
      let state = 'unknown';
      for (let i = 0; i < 400 && state !== 'completed' && state !== 'failed'; i++) {
        state = await queues.queue(name).getJobState(id);
        if (state !== 'completed') await new Promise((r) => setTimeout(r, 50));
      }
      expect([id, state]).toEqual([id, 'completed']);
    }
  }

  it('generates every missing month since go-live once, however many workers start, and again nothing after a flush', async () => {
    // One month was closed by hand (the admin did it during the outage); the others have no summary.
    const [, handMade] = months;
    await w.http().post(`/api/v1/reports/monthly/${handMade}`).set('Authorization', w.users.manager.auth).send({}).expect(200);
    const missing = months.filter((m) => m !== handMade);

    // Two workers start at once on an empty Redis (no queued runs, no scheduler).
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    const [caughtA, caughtB] = await Promise.all([a.caughtUp, b.caughtUp]);
    const today = todayInShanghai();
    // Each worker enqueues what the log lacks when it looks: the later one may find a month the earlier one's job
    // has already generated, so each list is part of the missing months and together they are all of them.
    const months0 = (caught: typeof caughtA) => caught.filter((r) => r.name === 'monthly-summary').map((r) => r.period);
    for (const caught of [caughtA, caughtB]) {
      expect(missing).toEqual(expect.arrayContaining(months0(caught)));
      expect(caught.filter((r) => r.name === 'overdue-check')).toHaveLength(1); // the latest daily check, today's or yesterday's
    }
    expect([...new Set([...months0(caughtA), ...months0(caughtB)])].sort()).toEqual(missing);
    const overdueDay = caughtA.find((r) => r.name === 'overdue-check')!.period;
    expect(overdueDay <= today).toBe(true);
    await completed([...missing.map((m) => `monthly-summary:default:${m}`), `overdue-check:default:${overdueDay}`]);
    expect(await summaryEvents()).toEqual(Object.fromEntries(months.map((m) => [m, 1])));

    // Redis restarts empty again; a worker starting now finds every month's summary in the log.
    await Promise.all(workers.splice(0).map((x) => x.close()));
    await redis.kill();
    await redis.start();
    const c = await startWorker();
    const caughtC = await c.caughtUp;
    expect(caughtC.filter((r) => r.name === 'monthly-summary')).toEqual([]);
    await completed([`overdue-check:default:${overdueDay}`]);
    expect(await summaryEvents()).toEqual(Object.fromEntries(months.map((m) => [m, 1])));
  });
});
