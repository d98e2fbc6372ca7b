import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/**
 * System steps don't block late logging (issue 11): the overdue flag and the automatic 督办 are the system's notes.
 * A unit that resolved on the deadline day and records it after the overdue job ran gets its true date, is counted
 * on time, and the problem page shows the notes as corrected.
 */
describe.each(testDatabaseKinds())('late steps after the overdue check on %s', (kind) => {
  // The admin trigger runs the overdue check in the API process when there is no Redis (as jobs-in-process does).
  const savedRedisUrl = process.env.REDIS_URL;
  beforeAll(() => delete process.env.REDIS_URL);
  afterAll(() => {
    if (savedRedisUrl !== undefined) process.env.REDIS_URL = savedRedisUrl;
  });
  const w = useSupportWorld(kind);

  it('records a resolution dated on the deadline day after the flag and 督办, and counts it on time', async () => {
    const { caseworker, manager, drc, admin } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-09-26', [caseworker.id], [{ title: '流动资金贷款审批慢', category: '融资' }])).expect(201);
    const [id] = visit.body.problemIds as string[];
    // Assigned Fri 2024-09-27 with 3 working days → deadline Tue 2024-10-08 (National Day in between).
    await w.step(id, 'assign', { on: '2024-09-27', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 3 }, caseworker).expect(200);
    await w.step(id, 'accept', { on: '2024-09-29' }, drc).expect(200);
    // The job runs on Fri 10-11, 3 working days past the deadline: flag and automatic 督办.
    const job = await w.http().post('/api/v1/admin/jobs/run').set('Authorization', admin.auth).send({ job: 'overdue-check', period: '2024-10-11' }).expect(201);
    expect(job.body.result).toMatchObject({ overdue: 1, eventsAppended: 2 });

    // The unit resolved it on the deadline day and records it now: its true date, not refused for the system's notes.
    const resolved = await w.step(id, 'resolve', { on: '2024-10-08', outcome: 'solved', summary: '已放款' }, drc).expect(200);
    const page = await w.problem(id, manager, resolved.body.position).expect(200);
    expect(page.body).toMatchObject({ status: 'resolved', resolvedOn: '2024-10-08', deadline: '2024-10-08' });
    const history = page.body.history as { type: string; on: string; correctedOn?: string; summary: { automatic?: boolean } }[];
    expect(history.filter((h) => h.type === 'ProblemFlaggedOverdue' || h.summary.automatic === true)).toEqual([
      expect.objectContaining({ type: 'ProblemFlaggedOverdue', on: '2024-10-11', correctedOn: '2024-10-08' }),
      expect.objectContaining({ type: 'ProblemSupervisionIssued', on: '2024-10-11', correctedOn: '2024-10-08' }),
    ]);

    const metrics = await w.http().get('/api/v1/metrics/resolution')
      .query({ from: '2024-09-01', to: '2024-10-31', asOf: '2024-10-31', position: resolved.body.position })
      .set('Authorization', manager.auth).expect(200);
    expect(metrics.body.total).toMatchObject({ onTimeRate: { numerator: 1, denominator: 1 }, overdue: 0 });
  });

  it('still refuses a step dated before a step someone took', async () => {
    const { caseworker, drc } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-09-26', [caseworker.id], [{ title: '用工缺口', category: '用工' }])).expect(201);
    const [id] = visit.body.problemIds as string[];
    await w.step(id, 'assign', { on: '2024-09-27', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 3 }, caseworker).expect(200);
    await w.step(id, 'accept', { on: '2024-10-08' }, drc).expect(200);
    const early = await w.step(id, 'resolve', { on: '2024-10-07', outcome: 'solved', summary: '已招聘' }, drc).expect(422);
    expect(early.body).toMatchObject({ field: 'on', message: expect.stringContaining('previous step') });
  });
});
