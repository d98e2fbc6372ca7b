import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

describe.each(testDatabaseKinds())('concurrent actions, stale versions and idempotent retries over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);
  let uscc: string;

  beforeAll(async () => {
    uscc = await w.registerEnterprise();
  });

  /** The types of a problem's events, straight from the log. */
  const streamTypes = async (id: string): Promise<string[]> =>
    (
      await w.api.app.get(DataSource).query('SELECT type FROM es_events WHERE stream_id = $1 ORDER BY stream_position', [`problem-${id}`])
    ).map((r: { type: string }) => r.type);

  /** A fresh problem, assigned to unit-drc (unit-hr co-handling) and accepted on 2024-06-04; its id and the log position of the acceptance. */
  async function acceptedProblem(): Promise<[id: string, position: number]> {
    const visit = await w.logVisit(visitBody(uscc, '2024-06-03', [w.users.caseworker.id], [{ title: '并发测试', category: '市场' }])).expect(201);
    const id: string = visit.body.problemIds[0];
    await w.step(id, 'assign', { on: '2024-06-03', leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr], level: 'district', workingDays: 5 }, w.users.caseworker).expect(200);
    const accepted = await w.step(id, 'accept', { on: '2024-06-04' }, w.users.drc).expect(200);
    return [id, accepted.body.position];
  }

  it('of concurrent resolves by two handlers of the lead unit exactly one wins; the others get 409, never a lost update', async () => {
    const { drc, drc2, manager } = w.users;
    const [id] = await acceptedProblem();
    const attempts = [drc, drc2, drc, drc2].map((user, i) =>
      w.step(id, 'resolve', { on: '2024-06-05', outcome: i % 2 ? 'explained_policy' : 'solved', summary: `办结方案 ${i}` }, user),
    );
    const results = await Promise.all(attempts);
    const won = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => [r.status, r.body.error])).toEqual(Array(3).fill([409, 'ILLEGAL_TRANSITION']));

    expect(await streamTypes(id)).toEqual(['ProblemRegistered', 'ProblemAssigned', 'ProblemAccepted', 'ProblemResolved']);
    const winner = results.indexOf(won[0]);
    const details = await w.problem(id, manager, won[0].body.position).expect(200);
    expect(details.body.history.at(-1).summary).toMatchObject({ summary: `办结方案 ${winner}` });
  });

  it('of two concurrent follow-ups (satisfied and unsatisfied) exactly one is recorded, and the state follows the winner', async () => {
    const { caseworker, caseworker2, drc } = w.users;
    const [id] = await acceptedProblem();
    await w.step(id, 'resolve', { on: '2024-06-05', outcome: 'solved', summary: '已解决' }, drc).expect(200);
    const [satisfied, unsatisfied] = await Promise.all([
      w.step(id, 'follow-up', { on: '2024-06-06', satisfaction: 'satisfied', note: '满意' }, caseworker),
      w.step(id, 'follow-up', { on: '2024-06-06', satisfaction: 'unsatisfied', note: '不满意' }, caseworker2),
    ]);
    expect([satisfied.status, unsatisfied.status].sort()).toEqual([200, 409]);
    const types = await streamTypes(id);
    expect(types.filter((t) => t === 'ProblemFollowedUp')).toHaveLength(1);
    if (satisfied.status === 200) {
      expect(satisfied.body.status).toBe('followed_up');
      expect(types.at(-1)).toBe('ProblemFollowedUp');
    } else {
      expect(unsatisfied.body.status).toBe('in_progress');
      expect(types.slice(-2)).toEqual(['ProblemFollowedUp', 'ProblemReopened']);
    }
  });

  it('a stale expectedVersion is a 409 with both versions; concurrent steps pinned to one version let exactly one through', async () => {
    const { drc, manager, hr } = w.users;
    const [id, position] = await acceptedProblem();
    const seen = (await w.problem(id, drc, position).expect(200)).body.version;
    expect(seen).toBe(3);
    await w.step(id, 'progress', { on: '2024-06-05', note: '第一次进展', expectedVersion: 3 }, drc).expect(200);
    const before = await w.eventCount();
    const stale = await w.step(id, 'progress', { on: '2024-06-05', note: '基于旧版本', expectedVersion: 3 }, drc).expect(409);
    expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedVersion: 3, actualVersion: 4 });
    expect(stale.body.message).toContain('version 4');
    expect(await w.eventCount()).toBe(before);

    const pinned = await Promise.all([
      w.step(id, 'supervise', { on: '2024-06-06', note: '督办', expectedVersion: 4 }, manager),
      w.step(id, 'progress', { on: '2024-06-06', note: '并发进展', expectedVersion: 4 }, drc),
      w.step(id, 'progress', { on: '2024-06-06', note: '协办进展', expectedVersion: 4 }, hr),
    ]);
    expect(pinned.filter((r) => r.status === 200)).toHaveLength(1);
    for (const res of pinned.filter((r) => r.status !== 200)) {
      expect(res.body).toMatchObject({ statusCode: 409, error: 'CONCURRENCY_CONFLICT', expectedVersion: 4, actualVersion: 5 });
    }
    expect(await streamTypes(id)).toHaveLength(5);
  });

  it('an Idempotency-Key retry of a visit returns the first response, replayed, and appends nothing; another body is a 422', async () => {
    const { caseworker, caseworker2 } = w.users;
    const body = visitBody(uscc, '2024-06-10', [caseworker.id], [{ title: '重试测试一', category: '物流' }, { title: '重试测试二', category: '用地' }]);
    const first = await w.logVisit(body, caseworker, 'visit-retry-1').expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await w.eventCount();

    const retry = await w.logVisit(body, caseworker, 'visit-retry-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const other = await w.logVisit({ ...body, notes: '另一份记录' }, caseworker, 'visit-retry-1').expect(422);
    expect(other.body.message).toContain('different request');
    expect(await w.eventCount()).toBe(before);
    const listed = await w.http().get('/api/v1/visits').query({ enterpriseUscc: uscc, from: '2024-06-10', to: '2024-06-10', position: first.body.position })
      .set('Authorization', caseworker.auth).expect(200);
    expect(listed.body.total).toBe(1);

    // Keys belong to their user: another caseworker's identical key is another request.
    const theirs = await w.logVisit(body, caseworker2, 'visit-retry-1').expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.visitId).not.toBe(first.body.visitId);
    expect(await w.eventCount()).toBe(before + 3);
  });

  it('a failed request keeps its fingerprint (a corrected body needs a new key); simultaneous retries with one key log the visit once', async () => {
    const { caseworker } = w.users;
    const body = visitBody(uscc, '2024-06-11', [caseworker.id], [{ title: '同时重试', category: '其他' }]);
    const before = await w.eventCount();
    await w.logVisit({ ...body, visitedOn: '2024-06-31' }, caseworker, 'visit-retry-2-bad').expect(400);
    expect(await w.eventCount()).toBe(before);
    await w.logVisit(body, caseworker, 'visit-retry-2-bad').expect(422);

    const results = await Promise.all([1, 2, 3].map(() => w.logVisit(body, caseworker, 'visit-retry-2')));
    const created = results.filter((r) => r.status === 201);
    // The rest either replay the first response or are told the first is still being processed.
    expect(results.every((r) => r.status === 201 || (r.status === 409 && /still being processed/.test(r.body.message)))).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.visitId)).size).toBe(1);
    expect(await w.eventCount()).toBe(before + 2); // VisitLogged + ProblemRegistered, once

    const badKey = await w.logVisit(body, caseworker, 'key with spaces').expect(400);
    expect(badKey.body.errors).toMatchObject([{ field: 'Idempotency-Key', messages: [expect.stringContaining('1-200 characters')] }]);
  });

  it('a retried lifecycle step with its Idempotency-Key is replayed, not refused, and an unsatisfied follow-up reopens once', async () => {
    const { caseworker, drc } = w.users;
    const [id] = await acceptedProblem();
    const resolve = { on: '2024-06-05', outcome: 'solved', summary: '已解决' };
    const send = (action: string, body: object, user = drc, key?: string) =>
      w.http().post(`/api/v1/problems/${id}/${action}`).set('Authorization', user.auth).set('Idempotency-Key', key!).send(body);
    const first = await send('resolve', resolve, drc, 'resolve-once').expect(200);
    const again = await send('resolve', resolve, drc, 'resolve-once').expect(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // Without the key, the same step is a second resolve: refused.
    await w.step(id, 'resolve', resolve, drc).expect(409);

    const followUp = { on: '2024-06-06', satisfaction: 'unsatisfied', note: '问题仍在' };
    const f1 = await send('follow-up', followUp, caseworker, 'follow-up-once').expect(200);
    await send('follow-up', followUp, caseworker, 'follow-up-once').expect(200);
    expect(f1.body.status).toBe('in_progress');
    expect(await streamTypes(id)).toEqual([
      'ProblemRegistered', 'ProblemAssigned', 'ProblemAccepted', 'ProblemResolved', 'ProblemFollowedUp', 'ProblemReopened',
    ]);
  });
});
