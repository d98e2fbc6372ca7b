import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { newId } from '@app/platform';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/**
 * A visit and the problems raised in it are one fact: they are appended in one transaction or not at all.
 * Before, the visit was committed first and each problem after it, so a problem that failed left a visit
 * listing a problem that never existed (and a retry without an Idempotency-Key logged the visit twice).
 */
describe.each(testDatabaseKinds())('a visit commits with its problems, or not at all, on %s', (kind) => {
  const w = useSupportWorld(kind);
  const db = () => w.api.app.get(DataSource);

  /** Every visit and problem event about the enterprise, straight from the log. */
  const logged = async (uscc: string): Promise<string[]> =>
    (
      await db().query(
        `SELECT type FROM es_events WHERE (stream_id LIKE 'visit-%' OR stream_id LIKE 'problem-%') AND data->>'enterpriseUscc' = $1
         ORDER BY global_position`,
        [uscc],
      )
    ).map((r: { type: string }) => r.type);

  const twoProblems = (uscc: string, second = '第二个问题') =>
    visitBody(uscc, '2024-06-12', [w.users.caseworker.id], [
      { title: '第一个问题', category: '融资' },
      { title: second, category: '用工' },
    ]);

  it('a second problem the domain refuses (its stream exists already) appends neither the visit nor the first problem', async () => {
    const { caseworker } = w.users;
    const uscc = await w.registerEnterprise();
    // The stream the request's second problem will address (ids derive from a digest of the user's Idempotency-Key,
    // as the idempotency interceptor hands it down) already holds a problem.
    const taken = newId(createHash('sha256').update(`${caseworker.id}:visit-atomic-1`).digest('hex'), 'visit-problem-1');
    await w.api.app.get<EventStore>(EVENT_STORE).append(`problem-${taken}`, [
      {
        type: 'ProblemRegistered',
        businessTime: '2024-06-01T00:00:00+08:00',
        data: { problemId: taken, enterpriseUscc: await w.registerEnterprise(), title: '先占用的问题', description: '热线登记', category: '其他', source: 'hotline', visitId: null, raisedOn: '2024-06-01' },
      },
    ]);

    const res = await w.logVisit(twoProblems(uscc), caseworker, 'visit-atomic-1').expect(409);
    expect(res.body.error).toBe('PROBLEM_ALREADY_REGISTERED');
    expect(await logged(uscc)).toEqual([]);
  });

  it('a fault while appending the second problem rolls back the visit and the first; the retry logs the visit once', async () => {
    const { caseworker, manager } = w.users;
    const uscc = await w.registerEnterprise();
    // A fault injected in the database, in the middle of the write: the second problem's insert fails.
    await db().query(`
      CREATE FUNCTION test_fail_marked_problem() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'ProblemRegistered' AND NEW.data->>'title' = '注入故障' THEN RAISE EXCEPTION 'injected fault'; END IF;
        RETURN NEW;
      END $$`);
    await db().query(`CREATE TRIGGER test_fail_marked_problem BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION test_fail_marked_problem()`);
    try {
      const fault = await w.logVisit(twoProblems(uscc, '注入故障'), caseworker).expect(500);
      // The one error shape, with no internals: the fault itself is in the log, not in the answer.
      expect(fault.body).toMatchObject({ statusCode: 500, error: 'INTERNAL_ERROR', errors: [] });
      expect(JSON.stringify(fault.body)).not.toMatch(/injected fault|plpgsql|stack/i);
      expect(await logged(uscc)).toEqual([]);
    } finally {
      await db().query('DROP TRIGGER test_fail_marked_problem ON es_events');
      await db().query('DROP FUNCTION test_fail_marked_problem()');
    }

    // The caseworker submits again (no Idempotency-Key): one visit, two problems.
    const retry = await w.logVisit(twoProblems(uscc, '注入故障'), caseworker).expect(201);
    expect(await logged(uscc)).toEqual(['VisitLogged', 'ProblemRegistered', 'ProblemRegistered']);
    const visits = await w.http().get('/api/v1/visits').query({ enterpriseUscc: uscc, position: retry.body.position }).set('Authorization', manager.auth).expect(200);
    expect(visits.body.total).toBe(1);
    for (const id of retry.body.problemIds as string[]) await w.problem(id, manager, retry.body.position).expect(200);
  });
});
