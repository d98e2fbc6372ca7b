import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

describe.each(testDatabaseKinds())('a problem through its whole lifecycle over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);

  it('visit → assign → accept → progress → extension → resolve → unsatisfied → reopened → resolve → satisfied → close', async () => {
    const { caseworker, caseworker2, manager, drc, drc2, hr } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w
      .logVisit(
        visitBody(uscc, '2024-09-26', [caseworker.id, caseworker2.id], [
          { title: '流动资金贷款审批慢', category: '融资' },
          { title: '扩建用地指标不足', category: '用地' },
        ]),
      )
      .expect(201);
    expect(visit.body).toEqual({ visitId: expect.any(String), problemIds: [expect.any(String), expect.any(String)], position: expect.any(Number) });
    const [id, other] = visit.body.problemIds as string[];
    const registered = await w.problem(id, caseworker, visit.body.position).expect(200);
    expect(registered.body).toMatchObject({ status: 'registered', source: 'visit', visitId: visit.body.visitId, registeredOn: '2024-09-26', category: '融资' });

    // Assigned on Fri 2024-09-27 with 3 working days (the assignment day itself is not counted):
    // Sat 09-28 off, Sun 09-29 make-up working day = 1, Mon 09-30 = 2, 10-01..10-07 National Day off, Tue 10-08 = 3.
    const assign = { on: '2024-09-27', leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr], level: 'district', workingDays: 3 };
    const assigned = await w.step(id, 'assign', assign, caseworker).expect(200);
    expect(assigned.body).toEqual({ problemId: id, status: 'assigned', version: 2, position: expect.any(Number) });
    const afterAssign = await w.problem(id, manager, assigned.body.position).expect(200);
    expect(afterAssign.body).toMatchObject({ deadline: '2024-10-08', assignedOn: '2024-09-27', leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr] });

    const accepted = await w.step(id, 'accept', { on: '2024-09-29' }, drc).expect(200);
    expect(accepted.body).toEqual({ problemId: id, status: 'accepted', version: 3, position: expect.any(Number) });
    // A co-unit may report progress too.
    expect((await w.step(id, 'progress', { on: '2024-09-30', note: '已对接合作银行' }, hr).expect(200)).body.status).toBe('in_progress');
    const requested = await w.step(id, 'extension-request', { on: '2024-10-08', workingDays: 4, reason: '银行授信审批未完成' }, drc).expect(200);
    expect((await w.problem(id, drc, requested.body.position).expect(200)).body.pendingExtensionDays).toBe(4);

    // 4 working days after the old deadline Tue 10-08: Wed 10-09 = 1, Thu 10-10 = 2, Fri 10-11 = 3, Sat 10-12 (make-up) = 4.
    const approved = await w.step(id, 'extension-approval', { on: '2024-10-08' }, manager).expect(200);
    expect((await w.problem(id, caseworker, approved.body.position).expect(200)).body).toMatchObject({ deadline: '2024-10-12', pendingExtensionDays: null });

    await w.step(id, 'resolve', { on: '2024-10-11', outcome: 'solved', summary: '贷款已发放' }, drc).expect(200);
    const unsatisfied = await w.step(id, 'follow-up', { on: '2024-10-14', satisfaction: 'unsatisfied', note: '额度低于申请' }, caseworker).expect(200);
    expect(unsatisfied.body.status).toBe('in_progress'); // 重办: reopened for the lead unit
    const reopened = await w.problem(id, caseworker, unsatisfied.body.position).expect(200);
    // 重办 with a new time limit: the original 3 working days from Mon 10-14 = Thu 10-17.
    expect(reopened.body).toMatchObject({
      status: 'in_progress', outcome: null, resolvedOn: null, reopenCount: 1, satisfaction: 'unsatisfied', deadline: '2024-10-17',
    });

    const tooEarly = await w.step(id, 'close', { on: '2024-10-14' }, caseworker).expect(409);
    expect(tooEarly.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', status: 'in_progress' });
    await w.step(id, 'resolve', { on: '2024-10-15', outcome: 'solved', summary: '追加授信已到位' }, drc2).expect(200);
    const beforeFollowUp = await w.step(id, 'close', { on: '2024-10-15' }, caseworker).expect(409);
    expect(beforeFollowUp.body).toMatchObject({ error: 'ILLEGAL_TRANSITION', status: 'resolved', action: 'close' });
    expect(beforeFollowUp.body.message).toContain('satisfied follow-up');
    await w.step(id, 'follow-up', { on: '2024-10-16', satisfaction: 'satisfied', note: '企业满意' }, caseworker2).expect(200);
    const closed = await w.step(id, 'close', { on: '2024-10-17' }, caseworker).expect(200);
    expect(closed.body).toEqual({ problemId: id, status: 'closed', version: 12, position: expect.any(Number) });

    const details = await w.problem(id, manager, closed.body.position).expect(200);
    expect(details.body).toMatchObject({
      status: 'closed',
      outcome: 'solved',
      resolvedOn: '2024-10-15',
      satisfaction: 'satisfied',
      closedOn: '2024-10-17',
      deadline: '2024-10-17',
      version: 12,
    });
    const history = details.body.history.map((h: { type: string; on: string; actorId: string }) => [h.type, h.on, h.actorId]);
    expect(history).toEqual([
      ['ProblemRegistered', '2024-09-26', caseworker.id],
      ['ProblemAssigned', '2024-09-27', caseworker.id],
      ['ProblemAccepted', '2024-09-29', drc.id],
      ['ProblemProgressReported', '2024-09-30', hr.id],
      ['ProblemExtensionRequested', '2024-10-08', drc.id],
      ['ProblemExtensionApproved', '2024-10-08', manager.id],
      ['ProblemResolved', '2024-10-11', drc.id],
      ['ProblemFollowedUp', '2024-10-14', caseworker.id],
      ['ProblemReopened', '2024-10-14', caseworker.id],
      ['ProblemResolved', '2024-10-15', drc2.id],
      ['ProblemFollowedUp', '2024-10-16', caseworker2.id],
      ['ProblemClosed', '2024-10-17', caseworker.id],
    ]);
    expect(details.body.history[5].summary).toMatchObject({ workingDays: 4, previousDeadline: '2024-10-08', deadline: '2024-10-12' });
    expect(details.body.history[3].summary).toMatchObject({ unitId: UNITS.hr, note: '已对接合作银行' });

    // The other problem of the visit is untouched.
    expect((await w.problem(other, caseworker).expect(200)).body).toMatchObject({ status: 'registered', category: '用地', version: 1 });
  });

  it('computes a deadline across the 2024 Spring Festival', async () => {
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-02-07', [w.users.caseworker.id], [{ title: '春节用工缺口', category: '用工' }])).expect(201);
    // Thu 2024-02-08 + 3 working days: Fri 02-09 = 1, 02-10..02-17 Spring Festival off,
    // Sun 02-18 (make-up) = 2, Mon 02-19 = 3.
    const assign = { on: '2024-02-08', leadUnitId: UNITS.hr, coUnitIds: [], level: 'district', workingDays: 3 };
    const res = await w.step(visit.body.problemIds[0], 'assign', assign, w.users.manager).expect(200);
    expect((await w.problem(visit.body.problemIds[0], w.users.hr, res.body.position).expect(200)).body.deadline).toBe('2024-02-19');
  });

  it('returned to the assigner, reassigned to another unit, escalated, supervised; a rejected extension keeps the deadline', async () => {
    const { caseworker, manager, drc, tax } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-05-06', [caseworker.id], [{ title: '出口退税进度', category: '政策' }])).expect(201);
    const id: string = visit.body.problemIds[0];
    await w.step(id, 'assign', { on: '2024-05-06', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 5 }, caseworker).expect(200);
    const returned = await w.step(id, 'return', { on: '2024-05-07', reason: '不属于本单位职责' }, drc).expect(200);
    expect(returned.body.status).toBe('registered');
    expect((await w.problem(id, caseworker, returned.body.position).expect(200)).body).toMatchObject({ leadUnitId: null, deadline: null });
    // drc no longer sees it.
    await w.problem(id, drc).expect(404);

    // Tue 05-07 + 5: Wed 05-08 = 1, Thu 2, Fri 3, Sat 05-11 (make-up) = 4, Mon 05-13 = 5.
    await w.step(id, 'assign', { on: '2024-05-07', leadUnitId: UNITS.tax, coUnitIds: [], level: 'district', workingDays: 5 }, caseworker).expect(200);
    await w.step(id, 'accept', { on: '2024-05-08' }, tax).expect(200);
    const escalated = await w.step(id, 'escalate', { on: '2024-05-09', to: 'city', reason: '需市税务局协调' }, manager).expect(200);
    const same = await w.step(id, 'escalate', { on: '2024-05-09', to: 'city', reason: '再次' }, manager).expect(422);
    expect(same.body).toMatchObject({ error: 'INVALID_PROBLEM_CHANGE', field: 'to' });
    await w.step(id, 'supervise', { on: '2024-05-10', note: '请加快办理' }, manager).expect(200);
    await w.step(id, 'extension-request', { on: '2024-05-10', workingDays: 10, reason: '等待市局答复' }, tax).expect(200);
    const rejected = await w.step(id, 'extension-rejection', { on: '2024-05-10', reason: '时限内可办结' }, manager).expect(200);

    const details = await w.problem(id, tax, rejected.body.position).expect(200);
    expect(details.body).toMatchObject({ level: 'city', supervisionCount: 1, deadline: '2024-05-13', pendingExtensionDays: null, leadUnitId: UNITS.tax });
    expect(escalated.body.version).toBeLessThan(details.body.version);
    expect(details.body.history.map((h: { type: string }) => h.type)).toEqual([
      'ProblemRegistered',
      'ProblemAssigned',
      'ProblemReturned',
      'ProblemAssigned',
      'ProblemAccepted',
      'ProblemEscalated',
      'ProblemSupervisionIssued',
      'ProblemExtensionRequested',
      'ProblemExtensionRejected',
    ]);
  });

  it('refuses illegal transitions with 409 and the domain code, appending nothing', async () => {
    const { caseworker, manager, drc, hr } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-07-01', [caseworker.id], [{ title: '厂房租金补贴', category: '政策' }])).expect(201);
    const id: string = visit.body.problemIds[0];
    const before = await w.eventCount();
    const refuse = async (action: string, body: object, user = caseworker, status = 'registered') => {
      const res = await w.step(id, action, { on: '2024-07-02', ...body }, user).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'ILLEGAL_TRANSITION', status });
    };
    await refuse('follow-up', { satisfaction: 'satisfied', note: '满意' });
    await refuse('close', {});
    await refuse('extension-approval', {}, manager);
    expect(await w.eventCount()).toBe(before);

    await w.step(id, 'assign', { on: '2024-07-02', leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr], level: 'district', workingDays: 5 }, caseworker).expect(200);
    const assigned = await w.eventCount();
    await refuse('assign', { leadUnitId: UNITS.hr, coUnitIds: [], level: 'city', workingDays: 5 }, caseworker, 'assigned');
    await refuse('resolve', { outcome: 'solved', summary: '未受理先办结' }, drc, 'assigned');
    await refuse('progress', { note: '未受理' }, hr, 'assigned');
    await w.step(id, 'accept', { on: '2024-07-02' }, drc).expect(200);
    await w.step(id, 'extension-request', { on: '2024-07-03', workingDays: 3, reason: '材料不全' }, drc).expect(200);
    await refuse('extension-request', { workingDays: 3, reason: '再申请' }, drc, 'accepted');
    const withdrawn = await w.step(id, 'withdraw', { on: '2024-07-04', requestedBy: '企业法人张某', reason: '企业自行解决' }, caseworker).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const afterWithdraw = await w.eventCount();
    expect(afterWithdraw).toBe(assigned + 3);
    // A withdrawn problem is dead: its pending extension cannot move its deadline any more.
    await refuse('extension-approval', {}, manager, 'withdrawn');
    await refuse('merge', { intoProblemId: id }, caseworker, 'withdrawn');
    expect(await w.eventCount()).toBe(afterWithdraw);
  });
});
