import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

describe.each(testDatabaseKinds())('visits (走访) over HTTP on %s', (kind) => {
  // With the likely-duplicate check on, as in production (the shared fixtures turn it off).
  const w = useSupportWorld(kind, { VISIT_DUPLICATE_WINDOW_MINUTES: '10' });
  const list = (query: object, user = w.users.manager) => w.http().get('/api/v1/visits').query(query).set('Authorization', user.auth).expect(200);
  const ids = (res: { body: { items: { visitId: string }[] } }) => res.body.items.map((v) => v.visitId);

  it('logs a visit with the problems raised in it; every event records the acting user', async () => {
    const { caseworker, caseworker2, manager } = w.users;
    const uscc = await w.registerEnterprise();
    const body = {
      ...visitBody(uscc, '2024-06-12', [caseworker.id, caseworker2.id], [
        { title: '高新技术企业认定辅导', category: '科技创新' },
        { title: '物流园区道路拥堵', category: '物流' },
      ]),
      form: 'symposium',
    };
    const res = await w.logVisit(body, caseworker2).expect(201);
    const { visitId, problemIds, position } = res.body;

    const listed = await list({ enterpriseUscc: uscc, position });
    expect(listed.body).toEqual({
      total: 1,
      items: [
        {
          visitId,
          enterpriseUscc: uscc,
          visitedOn: '2024-06-12',
          caseworkerIds: [caseworker.id, caseworker2.id],
          form: 'symposium',
          notes: body.notes,
          problemIds,
          voidedOn: null,
          voidReason: null,
          voidedAt: null,
          loggedAt: expect.any(String),
          loggedBy: caseworker2.id,
        },
      ],
    });
    for (const [i, id] of (problemIds as string[]).entries()) {
      const problem = await w.problem(id, manager, position).expect(200);
      expect(problem.body).toMatchObject({ source: 'visit', visitId, enterpriseUscc: uscc, registeredOn: '2024-06-12', title: body.problems[i].title });
    }
    const events = await w.api.app
      .get(DataSource)
      .query(`SELECT stream_id, type, metadata->>'actorId' AS actor FROM es_events WHERE stream_id = ANY($1) ORDER BY global_position`, [
        [`visit-${visitId}`, ...problemIds.map((id: string) => `problem-${id}`)],
      ]);
    expect(events).toEqual([
      { stream_id: `visit-${visitId}`, type: 'VisitLogged', actor: caseworker2.id },
      { stream_id: `problem-${problemIds[0]}`, type: 'ProblemRegistered', actor: caseworker2.id },
      { stream_id: `problem-${problemIds[1]}`, type: 'ProblemRegistered', actor: caseworker2.id },
    ]);
  });

  it('lists visits by enterprise, caseworker and period (late logging belongs to the visit date), paginated', async () => {
    const { caseworker, caseworker2 } = w.users;
    const [a, b] = [await w.registerEnterprise(), await w.registerEnterprise()];
    // Logged in whatever order they are typed in; each belongs to its visit date.
    const v1 = (await w.logVisit(visitBody(a, '2024-04-10', [caseworker.id])).expect(201)).body;
    const v2 = (await w.logVisit(visitBody(a, '2024-04-02', [caseworker2.id])).expect(201)).body;
    const v3 = (await w.logVisit(visitBody(b, '2024-04-20', [caseworker.id, caseworker2.id])).expect(201)).body;
    const v4 = (await w.logVisit(visitBody(b, '2024-05-01', [caseworker.id])).expect(201)).body;
    const april = { from: '2024-04-01', to: '2024-04-30', position: v4.position };

    expect(ids(await list(april))).toEqual([v3.visitId, v1.visitId, v2.visitId]); // newest visit date first
    expect(ids(await list({ ...april, enterpriseUscc: a }))).toEqual([v1.visitId, v2.visitId]);
    expect(ids(await list({ ...april, caseworkerId: caseworker2.id }))).toEqual([v3.visitId, v2.visitId]);
    expect(ids(await list({ from: '2024-04-15', enterpriseUscc: b }))).toEqual([v4.visitId, v3.visitId]);
    const page = await list({ ...april, limit: 2, offset: 2 });
    expect(page.body.total).toBe(3);
    expect(ids(page)).toEqual([v2.visitId]);
    // A caseworker reads the list too.
    expect((await list({ ...april, enterpriseUscc: b }, caseworker)).body.total).toBe(1);
  });

  it('a duplicate visit is voided only once the problems it raised no longer count on their own (merged or withdrawn)', async () => {
    const { caseworker } = w.users;
    const uscc = await w.registerEnterprise();
    const problem = { title: '用工缺口', category: '用工' };
    const original = (await w.logVisit(visitBody(uscc, '2024-03-05', [caseworker.id], [problem])).expect(201)).body;
    const twice = (await w.logVisit({ ...visitBody(uscc, '2024-03-05', [caseworker.id], [problem, { title: '融资难', category: '融资' }]), confirmSecondVisit: true }).expect(201)).body;
    const [again, other] = twice.problemIds as string[];

    const before = await w.eventCount();
    const refused = await w.http().post(`/api/v1/visits/${twice.visitId}/void`).set('Authorization', caseworker.auth).send({ reason: '重复录入' }).expect(409);
    expect(refused.body).toMatchObject({ error: 'VISIT_PROBLEMS_STILL_COUNTED', problemIds: [again, other].sort() });
    expect(await w.eventCount()).toBe(before);

    await w.step(again, 'merge', { on: '2024-03-06', intoProblemId: original.problemIds[0] }, caseworker).expect(200);
    const stillOne = await w.http().post(`/api/v1/visits/${twice.visitId}/void`).set('Authorization', caseworker.auth).send({ reason: '重复录入' }).expect(409);
    expect(stillOne.body.problemIds).toEqual([other]);
    await w.step(other, 'withdraw', { on: '2024-03-06', requestedBy: '企业联系人', reason: '重复登记' }, caseworker).expect(200);
    await w.http().post(`/api/v1/visits/${twice.visitId}/void`).set('Authorization', caseworker.auth).send({ reason: '重复录入' }).expect(200);
  });

  it('voids a visit logged twice by mistake, with a reason; it leaves the list but stays in the log', async () => {
    const { caseworker } = w.users;
    const uscc = await w.registerEnterprise();
    const first = (await w.logVisit(visitBody(uscc, '2024-03-05', [caseworker.id])).expect(201)).body;
    const twice = (await w.logVisit({ ...visitBody(uscc, '2024-03-05', [caseworker.id]), confirmSecondVisit: true }).expect(201)).body;
    const voided = await w
      .http()
      .post(`/api/v1/visits/${twice.visitId}/void`)
      .set('Authorization', caseworker.auth)
      .send({ reason: '重复录入' })
      .expect(200);
    expect(voided.body).toEqual({ visitId: twice.visitId, version: 2, position: expect.any(Number) });

    expect(ids(await list({ enterpriseUscc: uscc, position: voided.body.position }))).toEqual([first.visitId]);
    const all = await list({ enterpriseUscc: uscc, includeVoided: true });
    expect(all.body.total).toBe(2);
    const gone = all.body.items.find((v: { visitId: string }) => v.visitId === twice.visitId);
    expect(gone).toMatchObject({ voidReason: '重复录入', voidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), voidedAt: expect.any(String) });

    const before = await w.eventCount();
    const again = await w.http().post(`/api/v1/visits/${twice.visitId}/void`).set('Authorization', caseworker.auth).send({ reason: '再次' }).expect(409);
    expect(again.body.error).toBe('VISIT_ALREADY_VOIDED');
    const unknown = await w.http().post(`/api/v1/visits/${randomUUID()}/void`).set('Authorization', caseworker.auth).send({ reason: '不存在' }).expect(404);
    expect(unknown.body.error).toBe('VISIT_NOT_FOUND');
    const malformed = await w.http().post('/api/v1/visits/not-a-uuid/void').set('Authorization', caseworker.auth).send({ reason: 'x' }).expect(400);
    expect(malformed.body.errors).toMatchObject([{ field: 'id', messages: ['id must be a UUID (version 4)'] }]);
    const noReason = await w.http().post(`/api/v1/visits/${first.visitId}/void`).set('Authorization', caseworker.auth).send({}).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(await w.eventCount()).toBe(before);
  });

  it('a form sent twice without an Idempotency-Key is refused as a likely duplicate naming the first, unless confirmed a second visit', async () => {
    const { caseworker, caseworker2 } = w.users;
    const uscc = await w.registerEnterprise();
    const body = visitBody(uscc, '2024-04-08', [caseworker.id], [{ title: '厂房漏水', category: '其他' }]);
    const first = (await w.logVisit(body).expect(201)).body;

    // At once, before any read model has caught up: the check also reads the log's unprojected tail.
    const before = await w.eventCount();
    const refused = await w.logVisit(body).expect(409);
    expect(refused.body).toMatchObject({
      error: 'VISIT_POSSIBLE_DUPLICATE',
      duplicateOf: { visitId: first.visitId, enterpriseUscc: uscc, visitedOn: '2024-04-08', caseworkerIds: [caseworker.id], loggedBy: caseworker.id, loggedAt: expect.any(String) },
    });
    expect(refused.body.message).toContain('confirmSecondVisit');
    expect(await w.eventCount()).toBe(before);
    // Any caseworker in common is the same person's visit; a later read of the list changes nothing.
    await w.logVisit({ ...body, caseworkerIds: [caseworker2.id, caseworker.id] }, caseworker2).expect(409);
    await list({ enterpriseUscc: uscc, position: first.position });
    await w.logVisit(body).expect(409);
    expect(await w.eventCount()).toBe(before);

    // Not a duplicate: another caseworker, another date, or the first one voided.
    await w.logVisit({ ...body, caseworkerIds: [caseworker2.id] }, caseworker2).expect(201);
    await w.logVisit({ ...body, visitedOn: '2024-04-09' }).expect(201);
    const second = await w.logVisit({ ...body, confirmSecondVisit: true }).expect(201);
    expect(second.body.visitId).not.toBe(first.visitId);

    const malformed = await w.logVisit({ ...body, confirmSecondVisit: 'yes' }).expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['confirmSecondVisit']);
  });

  it('an Idempotency-Key retry of a visit is answered as the first time, not refused as its own duplicate', async () => {
    const uscc = await w.registerEnterprise();
    const body = visitBody(uscc, '2024-04-10', [w.users.caseworker.id]);
    const key = randomUUID();
    const first = await w.logVisit(body, w.users.caseworker, key).expect(201);
    const retried = await w.logVisit(body, w.users.caseworker, key).expect(201);
    expect(retried.body.visitId).toBe(first.body.visitId);
  });

  it('registers a problem from a hotline call or a letter, outside any visit', async () => {
    const uscc = await w.registerEnterprise();
    const body = { enterpriseUscc: uscc, title: '办证材料被多次退回', description: '12345 热线转办', category: '审批', source: 'hotline', raisedOn: '2024-06-20' };
    const res = await w.http().post('/api/v1/problems').set('Authorization', w.users.caseworker.auth).send(body).expect(201);
    expect(res.body).toEqual({ problemId: expect.any(String), status: 'registered', version: 1, position: expect.any(Number) });
    const got = await w.problem(res.body.problemId, w.users.manager, res.body.position).expect(200);
    expect(got.body).toMatchObject({ source: 'hotline', visitId: null, registeredOn: '2024-06-20', description: '12345 热线转办' });

    const before = await w.eventCount();
    const fromVisit = await w.http().post('/api/v1/problems').set('Authorization', w.users.caseworker.auth).send({ ...body, source: 'visit' }).expect(400);
    expect(fromVisit.body.errors).toMatchObject([{ field: 'source', messages: [expect.stringContaining('visits register their problems themselves')] }]);
    expect(await w.eventCount()).toBe(before);
  });
});
