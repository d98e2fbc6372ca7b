import { DataSource } from 'typeorm';
import { serverDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/**
 * Merges never form a cycle, even concurrently (issue 11). Real PostgreSQL only: PGlite has one connection, so two
 * requests never overlap there. A merge appends on both streams at once (ProblemMerged on the duplicate,
 * ProblemDuplicateMergedIn on the target), each at the version its rules were checked against.
 */
describe.each(serverDatabaseKinds())('merges racing over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);

  it('A→B and B→A sent at the same time: exactly one succeeds, the other finds its target merged', async () => {
    const { caseworker, manager } = w.users;
    const db = w.api.app.get(DataSource);
    for (let round = 0; round < 5; round++) {
      const uscc = await w.registerEnterprise();
      const visit = await w.logVisit(visitBody(uscc, '2024-09-02', [caseworker.id], [{ title: '贷款慢', category: '融资' }, { title: '贷款审批慢', category: '融资' }])).expect(201);
      const [a, b] = visit.body.problemIds as string[];
      const [ab, ba] = await Promise.all([
        w.step(a, 'merge', { on: '2024-09-03', intoProblemId: b }, caseworker),
        w.step(b, 'merge', { on: '2024-09-03', intoProblemId: a }, manager),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, 422]);
      const loser = ab.status === 422 ? ab : ba;
      expect(loser.body).toMatchObject({ error: 'INVALID_PROBLEM_CHANGE', field: 'intoProblemId', message: expect.stringContaining('is merged') });

      const merged: { stream_id: string }[] = await db.query(
        `SELECT stream_id FROM es_events WHERE type = 'ProblemMerged' AND stream_id = ANY($1)`, [[`problem-${a}`, `problem-${b}`]],
      );
      expect(merged).toHaveLength(1);
      const survivor = merged[0].stream_id === `problem-${a}` ? b : a;
      const page = await w.problem(survivor, manager, (ab.status === 200 ? ab : ba).body.position).expect(200);
      expect(page.body.status).toBe('registered');
      expect(page.body.history.map((h: { type: string }) => h.type)).toContain('ProblemDuplicateMergedIn');
    }
  });
});
