import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/**
 * A problem's history is appended, one problem_facts row per event, not a document rewritten whole on every event;
 * the migration that moved it keeps every entry (who, what, when), both ways.
 */
describe.each(testDatabaseKinds())('a problem history on %s', (kind) => {
  const w = useSupportWorld(kind);
  let problemId = '';
  let position = 0;

  beforeAll(async () => {
    const { caseworker, drc } = w.users;
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-06-03', [caseworker.id], [{ title: '融资难', category: '融资' }]), caseworker).expect(201);
    [problemId] = visit.body.problemIds;
    await w.step(problemId, 'assign', { on: '2024-06-04', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 5 }, caseworker).expect(200);
    await w.step(problemId, 'accept', { on: '2024-06-05' }, drc).expect(200);
    position = (await w.step(problemId, 'progress', { on: '2024-06-06', note: '已对接合作银行' }, drc).expect(200)).body.position;
  });

  it('is one row per event with who recorded it, and no column of the problems row', async () => {
    const { caseworker, drc } = w.users;
    const details = await w.problem(problemId, caseworker, position).expect(200);
    expect(details.body.history.map((h: { type: string; on: string; actorId: string }) => [h.type, h.on, h.actorId])).toEqual([
      ['ProblemRegistered', '2024-06-03', caseworker.id],
      ['ProblemAssigned', '2024-06-04', caseworker.id],
      ['ProblemAccepted', '2024-06-05', drc.id],
      ['ProblemProgressReported', '2024-06-06', drc.id],
    ]);
    expect(details.body.history[3].summary).toMatchObject({ note: '已对接合作银行' });
    const db = w.api.app.get(DataSource);
    const columns = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'problems' AND column_name = 'history'`);
    expect(columns).toEqual([]);
    const rows = await db.query(`SELECT stream_position, actor_id FROM problem_facts WHERE problem_id = $1 ORDER BY stream_position`, [problemId]);
    expect(rows.map((r: { actor_id: string }) => r.actor_id)).toEqual([caseworker.id, caseworker.id, drc.id, drc.id]);
  });

  it('survives the migration down (a history document again) and up (actors from the log)', async () => {
    const { caseworker } = w.users;
    const before = (await w.problem(problemId, caseworker, position).expect(200)).body.history;
    const db = w.api.app.get(DataSource);
    const migration = 'ProblemHistoryRows1764300002100';
    const undone: string[] = [];
    while (!undone.includes(migration)) {
      const [{ name }] = await db.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
      await db.undoLastMigration({ transaction: 'all' });
      undone.push(name);
    }
    const [{ history }] = await db.query(`SELECT history FROM problems WHERE problem_id = $1`, [problemId]);
    expect(history).toEqual(before);
    await db.runMigrations({ transaction: 'all' });
    expect((await w.problem(problemId, caseworker, position).expect(200)).body.history).toEqual(before);
  });
});
