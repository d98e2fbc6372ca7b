import { DataSource } from 'typeorm';
import { InProcessSchedule, previousMonth } from '@app/jobs';
import { todayInShanghai } from '@app/platform';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld } from '../../../../test/support/support-fixtures';

/** Went live on the 1st two months before last (today is the real clock); the months whose tick has passed since. */
function owedMonths(now = new Date()): { goLive: string; months: string[] } {
  const m1 = previousMonth(todayInShanghai(now));
  const m2 = previousMonth(`${m1}-01`);
  const shanghaiHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(now));
  const lastMonthDue = !(todayInShanghai(now).endsWith('-01') && shanghaiHour < 2); // its tick is 02:00 on the 1st
  return { goLive: `${m2}-01`, months: lastMonthDue ? [m2, m1] : [m2] };
}

/**
 * Without Redis the API runs the schedule itself; a process stopped over 02:00 on the 1st missed that
 * month's summary. At start it generates every ended month since go-live that has none, once.
 */
describe.each(testDatabaseKinds())('missed runs caught up in-process (no Redis) on %s', (kind) => {
  const saved = { redis: process.env.REDIS_URL, goLive: process.env.GO_LIVE_DATE };
  const { goLive, months } = owedMonths();
  beforeAll(() => {
    delete process.env.REDIS_URL;
    process.env.GO_LIVE_DATE = goLive;
  });
  afterAll(() => {
    if (saved.redis !== undefined) process.env.REDIS_URL = saved.redis;
    if (saved.goLive === undefined) delete process.env.GO_LIVE_DATE;
    else process.env.GO_LIVE_DATE = saved.goLive;
  });
  const w = useSupportWorld(kind);

  const summaryEvents = async (): Promise<Record<string, number>> => {
    const rows: { month: string; n: number }[] = await w.api.app.get(DataSource).query(
      `SELECT right(stream_id, 7) AS month, count(*)::int AS n FROM es_events WHERE stream_id LIKE 'monthly-summary-%' GROUP BY stream_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.month, r.n]));
  };

  it('generates each ended month since go-live at start, and nothing when it catches up again', async () => {
    const schedule = w.api.app.get(InProcessSchedule);
    const caught = await schedule.caughtUp;
    expect(caught.filter((r) => r.name === 'monthly-summary').map((r) => r.period)).toEqual(months);
    expect(await summaryEvents()).toEqual(Object.fromEntries(months.map((m) => [m, 1])));

    const again = await schedule.catchUp();
    expect(again.filter((r) => r.name === 'monthly-summary')).toEqual([]);
    expect(await summaryEvents()).toEqual(Object.fromEntries(months.map((m) => [m, 1])));
  });
});
