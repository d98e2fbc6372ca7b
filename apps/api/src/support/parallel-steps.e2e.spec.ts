import { EVENT_STORE, type EventStore } from '@app/event-store';
import { problemStreamId } from '@app/support';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/** Steps racing on one problem: without expectedVersion the API re-decides, it never invents a version it was "expected". */
describe.each(testDatabaseKinds())('parallel steps on one problem over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);

  /** A fresh problem accepted by unit-drc: version 3 (registered, assigned, accepted). */
  async function acceptedProblem(): Promise<string> {
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-06-03', [w.users.caseworker.id], [{ title: '并行进展', category: '用工' }])).expect(201);
    const id: string = visit.body.problemIds[0];
    await w.step(id, 'assign', { on: '2024-06-03', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 10 }, w.users.caseworker).expect(200);
    await w.step(id, 'accept', { on: '2024-06-04' }, w.users.drc).expect(200);
    return id;
  }

  it('eight progress notes sent at once without expectedVersion are all recorded', async () => {
    const id = await acceptedProblem();
    const notes = Array.from({ length: 8 }, (_, i) => `进展 ${i + 1}`);
    const results = await Promise.all(
      notes.map((note, i) => w.step(id, 'progress', { on: '2024-06-05', note }, i % 2 ? w.users.drc : w.users.drc2)),
    );

    expect(results.map((r) => [r.status, r.body.message])).toEqual(notes.map(() => [200, undefined]));
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const last = results.reduce((a, b) => (a.body.position > b.body.position ? a : b));
    const details = await w.problem(id, w.users.manager, last.body.position).expect(200);
    const recorded = details.body.history.filter((h: { type: string }) => h.type === 'ProblemProgressReported');
    expect(recorded).toHaveLength(8);
  });

  it('eight writers each sending notes one after another are never re-decided: one process queues them per problem', async () => {
    const id = await acceptedProblem();
    const redecisions = async () => {
      const text = (await w.http().get('/metrics').expect(200)).text;
      const line = text.split('\n').find((l) => l.startsWith('zhuqi_command_redecisions_total{command="ReportProgress"}'));
      return line === undefined ? 0 : Number(line.split(' ').at(-1));
    };
    const before = await redecisions();

    // Sustained load, not one burst: each writer sends its next note as soon as its last one is answered,
    // so the writers keep overlapping for the whole run (a burst of retries alone used to absorb one burst).
    const writers = 8;
    const notesEach = 6;
    const statuses = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const seen: number[] = [];
        for (let n = 0; n < notesEach; n++) {
          const res = await w.step(id, 'progress', { on: '2024-06-05', note: `写手 ${writer} 第 ${n} 条` }, writer % 2 ? w.users.drc : w.users.drc2);
          seen.push(res.status);
        }
        return seen;
      }),
    );

    expect(statuses.flat()).toEqual(Array(writers * notesEach).fill(200));
    expect(await redecisions()).toBe(before);
    const events = await w.api.app.get<EventStore>(EVENT_STORE).readStream(problemStreamId(id));
    expect(events.filter((e) => e.type === 'ProblemProgressReported')).toHaveLength(writers * notesEach);
  });

  it('a stale expectedVersion is still a 409 naming the version the problem is at', async () => {
    const id = await acceptedProblem();
    await w.step(id, 'progress', { on: '2024-06-05', note: '第一次', expectedVersion: 3 }, w.users.drc).expect(200);

    const stale = await w.step(id, 'progress', { on: '2024-06-05', note: '基于旧版本', expectedVersion: 3 }, w.users.drc2).expect(409);

    expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedVersion: 3, actualVersion: 4 });
    expect(stale.body.message).toContain('version 4');
  });
});
