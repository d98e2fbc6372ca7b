import { DataSource } from 'typeorm';
import { InProcessSchedule } from '@app/jobs';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/** Without REDIS_URL: the admin trigger runs the job bodies in the API process itself. */
describe.each(testDatabaseKinds())('jobs in-process (no Redis) on %s', (kind) => {
  // CI sets REDIS_URL for the whole run; this suite is about its absence (startTestApi reads the env).
  const savedRedisUrl = process.env.REDIS_URL;
  beforeAll(() => delete process.env.REDIS_URL);
  afterAll(() => {
    if (savedRedisUrl !== undefined) process.env.REDIS_URL = savedRedisUrl;
  });
  const w = useSupportWorld(kind);

  const countEvents = async (streamId: string, type?: string): Promise<number> => {
    const [{ n }] = await w.api.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1 AND ($2::text IS NULL OR type = $2)`,
      [streamId, type ?? null],
    );
    return n;
  };
  const run = (job: string, period?: string) =>
    w.http().post('/api/v1/admin/jobs/run').set('Authorization', w.users.admin.auth).send({ job, period });

  it('flags and escalates each overdue problem exactly once, however often the check runs', async () => {
    const { caseworker, manager } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-09-26', [caseworker.id], [
      { title: '流动资金贷款审批慢', category: '融资' },
      { title: '扩建用地指标不足', category: '用地' },
      { title: '审批材料多', category: '审批' },
    ])).expect(201);
    const [late, resolved, notYetDue] = visit.body.problemIds as string[];
    // Assigned Fri 2024-09-27 with 3 working days → deadline Tue 2024-10-08 (National Day in between).
    const assign = { on: '2024-09-27', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 3 };
    await w.step(late, 'assign', assign, caseworker).expect(200);
    await w.step(resolved, 'assign', assign, caseworker).expect(200);
    await w.step(resolved, 'accept', { on: '2024-09-28' }, w.users.drc).expect(200);
    await w.step(resolved, 'resolve', { on: '2024-10-09', outcome: 'solved', summary: '已协调解决' }, w.users.drc).expect(200);
    const last = await w.step(notYetDue, 'assign', { ...assign, workingDays: 20 }, caseworker).expect(200);
    await w.problem(notYetDue, manager, last.body.position).expect(200);
    const stream = (id: string) => `problem-${id}`;
    const before = { late: await countEvents(stream(late)), resolved: await countEvents(stream(resolved)), notYetDue: await countEvents(stream(notYetDue)) };

    // 2024-10-10 is 2 working days past the deadline: flagged, below the 3 days that bring 督办.
    const first = await run('overdue-check', '2024-10-10').expect(201);
    expect(first.body).toMatchObject({ mode: 'in-process', jobId: 'overdue-check:default:2024-10-10', result: { overdue: 1, changed: 1, eventsAppended: 1 } });
    const again = await run('overdue-check', '2024-10-10').expect(201);
    expect(again.body.result).toMatchObject({ overdue: 1, changed: 0, eventsAppended: 0 });

    // 2024-10-11: 3 working days overdue → 督办, once; the flag is not repeated.
    await run('overdue-check', '2024-10-11').expect(201);
    await run('overdue-check', '2024-10-11').expect(201);
    await run('overdue-check', '2024-10-14').expect(201);
    expect(await countEvents(stream(late))).toBe(before.late + 2);
    expect(await countEvents(stream(resolved))).toBe(before.resolved);
    expect(await countEvents(stream(notYetDue))).toBe(before.notYetDue);
    expect(await countEvents(stream(late), 'ProblemFlaggedOverdue')).toBe(1);
    expect(await countEvents(stream(late), 'ProblemSupervisionIssued')).toBe(1);
    const details = await w.problem(late, manager).expect(200);
    expect(details.body.supervisionCount).toBe(1);
  });

  it('schedules the five jobs in-process on Asia/Shanghai time', () => {
    const scheduled = w.api.app.get(InProcessSchedule).scheduled;
    expect(scheduled.map((s) => s.name)).toEqual(['monthly-summary', 'overdue-check', 'certification-expiry', 'idempotency-pruning', 'unit-digest']);
    // 02:00 on the 1st in Shanghai is 18:00 UTC on the last day of the month before.
    const monthly = new Date(scheduled[0].nextRun!);
    expect([monthly.getUTCHours(), monthly.getUTCMinutes()]).toEqual([18, 0]);
    expect(new Date(monthly.getTime() + 8 * 3600_000).getUTCDate()).toBe(1);
    expect(new Date(scheduled[1].nextRun!).getUTCHours()).toBe(17); // 01:00 Shanghai
    const pruning = new Date(scheduled[3].nextRun!);
    expect([pruning.getUTCHours(), pruning.getUTCMinutes()]).toEqual([19, 45]); // 03:45 Shanghai
  });

  it('is for admins only, and checks the job and its period', async () => {
    await w.http().post('/api/v1/admin/jobs/run').set('Authorization', w.users.manager.auth).send({ job: 'overdue-check' }).expect(403);
    await w.http().get('/api/v1/admin/jobs').set('Authorization', w.users.caseworker.auth).expect(403);
    await w.http().get('/api/v1/admin/jobs').expect(401);
    await run('reindex-everything').expect(400);
    await run('monthly-summary', '2024-06-01').expect(400);
    await run('overdue-check', '2024-13-01').expect(400);
    const state = await w.http().get('/api/v1/admin/jobs').set('Authorization', w.users.admin.auth).expect(200);
    expect(state.body).toEqual({ mode: 'in-process', queues: {} });
  });

  it('lists certifications expiring within the window, from the job and from GET /certifications/expiring', async () => {
    const uscc = await w.registerEnterprise();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const plus = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
    const grant = (type: string, validFrom: string, validTo: string, batch: string) =>
      w.http().post('/api/v1/certifications').set('Authorization', w.users.manager.auth)
        .send({ uscc, type, level: 'province', batch, documentNumber: `文号-${batch}`, announcedOn: validFrom, validFrom, validTo });
    const soon = await grant('specialized_sme', plus(-700), plus(30), `${today}-a`);
    if (soon.status !== 201) throw new Error(`grant refused: ${JSON.stringify(soon.body)}`);
    const list = await w.http().get('/api/v1/certifications/expiring').query({ withinDays: 90, position: soon.body.position })
      .set('Authorization', w.users.caseworker.auth).expect(200);
    expect(list.body.certifications).toEqual(expect.arrayContaining([expect.objectContaining({ uscc, validTo: plus(30), daysLeft: 30 })]));
    const job = await run('certification-expiry', today).expect(201);
    expect(job.body.result.certifications).toEqual(expect.arrayContaining([expect.objectContaining({ uscc, daysLeft: 30 })]));
    const narrow = await w.http().get('/api/v1/certifications/expiring').query({ withinDays: 10 }).set('Authorization', w.users.manager.auth).expect(200);
    expect(narrow.body.certifications.filter((c: { uscc: string }) => c.uscc === uscc)).toEqual([]);
    await w.http().get('/api/v1/certifications/expiring').set('Authorization', w.users.drc.auth).expect(403);
  });
});
