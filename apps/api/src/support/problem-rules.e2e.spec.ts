import { EVENT_STORE, type EventStore } from '@app/event-store';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/** Problems that must not vanish (issue 11): the side exits' limits, 重办's new deadline, and 督办's `automatic`. */
describe.each(testDatabaseKinds())('problem rules over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);

  const problems = async (on: string, titles: string[], uscc?: string): Promise<string[]> => {
    const enterprise = uscc ?? (await w.registerEnterprise());
    const visit = await w
      .logVisit(visitBody(enterprise, on, [w.users.caseworker.id], titles.map((title) => ({ title, category: '融资' as const }))))
      .expect(201);
    return visit.body.problemIds;
  };
  const assign = (id: string, on: string, workingDays = 3) =>
    w.step(id, 'assign', { on, leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays }, w.users.caseworker).expect(200);

  it('merges only into an open problem of the same enterprise, never into a merged or withdrawn one, never in a cycle', async () => {
    const { caseworker } = w.users;
    const uscc = await w.registerEnterprise();
    const [a, b, c, gone] = await problems('2024-09-02', ['贷款慢', '贷款审批慢', '贷款审批太慢', '已撤回的'], uscc);
    const [elsewhere] = await problems('2024-09-02', ['别家企业的贷款']);

    const otherFirm = await w.step(a, 'merge', { on: '2024-09-03', intoProblemId: elsewhere }, caseworker).expect(422);
    expect(otherFirm.body).toMatchObject({ error: 'INVALID_PROBLEM_CHANGE', field: 'intoProblemId', message: expect.stringContaining('another enterprise') });

    await w.step(gone, 'withdraw', { on: '2024-09-03', requestedBy: '企业', reason: '不需要' }, caseworker).expect(200);
    const intoWithdrawn = await w.step(a, 'merge', { on: '2024-09-03', intoProblemId: gone }, caseworker).expect(422);
    expect(intoWithdrawn.body).toMatchObject({ field: 'intoProblemId', message: expect.stringContaining('is withdrawn') });

    // B → A, then A → B would be a cycle: B is merged, so it is refused.
    await w.step(b, 'merge', { on: '2024-09-03', intoProblemId: a }, caseworker).expect(200);
    const cycle = await w.step(a, 'merge', { on: '2024-09-03', intoProblemId: b }, caseworker).expect(422);
    expect(cycle.body).toMatchObject({ field: 'intoProblemId', message: expect.stringContaining('is merged') });
    // A longer chain: C → B would leave C counted nowhere (B is merged into A); C → A is the way.
    await w.step(c, 'merge', { on: '2024-09-03', intoProblemId: b }, caseworker).expect(422);
    const merged = await w.step(c, 'merge', { on: '2024-09-03', intoProblemId: a }, caseworker).expect(200);
    expect((await w.problem(c, caseworker, merged.body.position).expect(200)).body.status).toBe('merged');
  });

  it('withdraws and merges only before resolution, a reopened problem included', async () => {
    const { caseworker, drc } = w.users;
    const [id, other] = await problems('2024-09-02', ['用工缺口', '用工缺口（重复）']);
    await assign(id, '2024-09-02');
    await w.step(id, 'accept', { on: '2024-09-03' }, drc).expect(200);
    await w.step(id, 'resolve', { on: '2024-09-04', outcome: 'solved', summary: '已招聘' }, drc).expect(200);
    const refused = async (status: string) => {
      const withdraw = await w.step(id, 'withdraw', { on: '2024-09-09', requestedBy: '企业', reason: '不需要' }, caseworker).expect(409);
      expect(withdraw.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', status, action: 'withdraw', message: expect.stringContaining('resolved') });
      const merge = await w.step(id, 'merge', { on: '2024-09-09', intoProblemId: other }, caseworker).expect(409);
      expect(merge.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', status, action: 'merge' });
    };
    await refused('resolved');
    await w.step(id, 'follow-up', { on: '2024-09-09', satisfaction: 'unsatisfied', note: '人员未到岗' }, caseworker).expect(200);
    await refused('in_progress');
  });

  it('重办 gives a new deadline from the reopen date, and the second conclusion is judged on time against it', async () => {
    const { caseworker, manager, drc } = w.users;
    const [id, byManager] = await problems('2024-09-02', ['融资担保', '融资担保二']);
    for (const p of [id, byManager]) {
      await assign(p, '2024-09-02'); // Mon 09-02 + 3 working days = Thu 09-05
      await w.step(p, 'accept', { on: '2024-09-03' }, drc).expect(200);
      await w.step(p, 'resolve', { on: '2024-09-04', outcome: 'solved', summary: '已办' }, drc).expect(200);
    }
    // Unsatisfied on Mon 09-09: the original 3 working days again, Tue 10 / Wed 11 / Thu 12 September.
    const reopened = await w.step(id, 'follow-up', { on: '2024-09-09', satisfaction: 'unsatisfied', note: '额度不足' }, caseworker).expect(200);
    expect((await w.problem(id, caseworker, reopened.body.position).expect(200)).body).toMatchObject({ status: 'in_progress', deadline: '2024-09-12' });

    // A manager may set another limit; nobody else may.
    const notYours = await w.step(byManager, 'follow-up', { on: '2024-09-09', satisfaction: 'unsatisfied', note: '不满意', reopenWorkingDays: 1 }, caseworker);
    expect(notYours.status).toBe(403);
    const set = await w.step(byManager, 'follow-up', { on: '2024-09-09', satisfaction: 'unsatisfied', note: '不满意', reopenWorkingDays: 1 }, manager).expect(200);
    expect((await w.problem(byManager, manager, set.body.position).expect(200)).body.deadline).toBe('2024-09-10');

    // Resolved again on Wed 09-11: late against the first deadline (09-05), on time against 重办's (09-12).
    await w.step(id, 'resolve', { on: '2024-09-11', outcome: 'solved', summary: '追加担保' }, drc).expect(200);
    const last = await w.step(byManager, 'resolve', { on: '2024-09-11', outcome: 'solved', summary: '追加担保' }, drc).expect(200);
    const metrics = await w.http().get('/api/v1/metrics/resolution')
      .query({ from: '2024-09-01', to: '2024-09-30', asOf: '2024-09-30', position: last.body.position })
      .set('Authorization', manager.auth).expect(200);
    expect(metrics.body.total.onTimeRate).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('a 重办 stored before the rule (ProblemReopened v1) is upcast: the old deadline stands and judges the next conclusion', async () => {
    const { caseworker, drc } = w.users;
    const [id] = await problems('2024-09-02', ['老数据']);
    await assign(id, '2024-09-02'); // deadline Thu 09-05
    await w.step(id, 'accept', { on: '2024-09-03' }, drc).expect(200);
    await w.step(id, 'resolve', { on: '2024-09-04', outcome: 'solved', summary: '已办' }, drc).expect(200);
    // What the old code stored for an unsatisfied follow-up: a v1 reopen with no deadline.
    const store = w.api.app.get<EventStore>(EVENT_STORE);
    const streamId = `problem-${id}`;
    const metadata = { actorId: caseworker.id };
    await store.append(streamId, [
      { type: 'ProblemFollowedUp', businessTime: '2024-09-09T00:00:00+08:00', metadata, data: { satisfaction: 'unsatisfied', note: '不满意', followedUpOn: '2024-09-09' } },
      { type: 'ProblemReopened', schemaVersion: 1, businessTime: '2024-09-09T00:00:00+08:00', metadata, data: { reason: '不满意', reopenedOn: '2024-09-09' } },
    ], { expectedVersion: await store.streamVersion(streamId) });
    const stored = await store.readStream(streamId);
    expect(stored.at(-1)).toMatchObject({ schemaVersion: 2, data: { reason: '不满意', reopenedOn: '2024-09-09', workingDays: null, deadline: null } });

    const resolved = await w.step(id, 'resolve', { on: '2024-09-10', outcome: 'solved', summary: '再办' }, drc).expect(200);
    const details = await w.problem(id, caseworker, resolved.body.position).expect(200);
    expect(details.body).toMatchObject({ status: 'resolved', deadline: '2024-09-05', reopenCount: 1 });
    expect((await store.readStream(streamId)).at(-1)).toMatchObject({ type: 'ProblemResolved', data: { deadline: '2024-09-05' } });
  });

  it('refuses `automatic` on a manual 督办 as an unknown field', async () => {
    const { manager } = w.users;
    const [id] = await problems('2024-09-02', ['审批慢']);
    await assign(id, '2024-09-02');
    const res = await w.step(id, 'supervise', { on: '2024-09-03', note: '请加快', automatic: true }, manager).expect(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'automatic' })] });
    const ok = await w.step(id, 'supervise', { on: '2024-09-03', note: '请加快' }, manager).expect(200);
    expect((await w.problem(id, manager, ok.body.position).expect(200)).body.supervisionCount).toBe(1);
  });
});
