import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { createUser, type TestUser } from '../../../../test/support/auth';
import { testDatabaseKinds } from '../../../../test/support/test-database';

describe.each(testDatabaseKinds())('working calendar over HTTP on %s', (kind) => {
  let api: TestApp;
  let admin: TestUser;
  let caseworker: TestUser;
  let manager: TestUser;
  const http = () => request(api.app.getHttpServer());
  const db = () => api.app.get(DataSource);
  const countEvents = async () => (await db().query('SELECT count(*)::int AS n FROM es_events'))[0].n as number;
  /** The log's last position: reads with ?position= wait until the read models have caught up with it. */
  const head = async () => (await db().query('SELECT max(global_position)::int AS p FROM es_events'))[0].p as number;
  const deadline = (from: string, workingDays: number, user: TestUser = caseworker, position?: number) =>
    http()
      .get('/api/v1/calendar/deadline')
      .query({ from, workingDays, ...(position ? { position } : {}) })
      .set('Authorization', user.auth);

  beforeAll(async () => {
    api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true' });
    [admin, caseworker, manager] = [await createUser(api.app, 'admin'), await createUser(api.app, 'caseworker'), await createUser(api.app, 'manager')];
    // The seed was appended during start-up; let the read model catch up before any test reads it.
    await http().get(`/api/v1/calendar?position=${await head()}`).set('Authorization', caseworker.auth).expect(200);
  });
  afterAll(() => api?.close());

  it('seeds 2024–2026 from chinese-days at start-up, as the system user', async () => {
    const res = await http().get('/api/v1/calendar/2024').set('Authorization', caseworker.auth).expect(200);

    expect(res.body.year).toBe(2024);
    expect(res.body.holidays).toHaveLength(28); // 1 + 8 + 3 + 5 + 1 + 3 + 7 days off
    expect(res.body.holidays).toContainEqual({ date: '2024-10-07', name: '国庆节' });
    expect(res.body.makeUpWorkdays.map((d: { date: string }) => d.date)).toEqual([
      '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
    ]);
    expect((await http().get('/api/v1/calendar').set('Authorization', manager.auth).expect(200)).body).toEqual({ years: [2024, 2025, 2026] });
    const seeded = await db().query(
      `SELECT stream_id, metadata->>'actorId' AS actor, data->>'source' AS source FROM es_events WHERE type = 'CalendarYearLoaded' ORDER BY stream_id`,
    );
    expect(seeded).toEqual(
      ['calendar-2024', 'calendar-2025', 'calendar-2026'].map((stream_id) => ({ stream_id, actor: 'system', source: 'chinese-days@1.5.7' })),
    );
  });

  it('computes a deadline across the 2024 National Day break', async () => {
    // Fri 09-27 not counted; Sun 09-29 (make-up) 1, Mon 09-30 2, 10-01..07 off, Tue 10-08 3.
    const res = await deadline('2024-09-27', 3).expect(200);
    expect(res.body).toEqual({ from: '2024-09-27', workingDays: 3, deadline: '2024-10-08' });
    expect((await deadline('2024-10-08', 5).expect(200)).body.deadline).toBe('2024-10-14'); // via Sat 10-12 (make-up)
  });

  it('an administrator’s correction changes a deadline; the same PUT again changes nothing', async () => {
    // Thu 2025-10-09: Fri 10-10 is 1, Sat 10-11 (make-up) is 2 — until the correction drops that make-up day.
    expect((await deadline('2025-10-09', 2).expect(200)).body.deadline).toBe('2025-10-11');
    const current = (await http().get('/api/v1/calendar/2025').set('Authorization', admin.auth).expect(200)).body;
    const body = {
      holidays: current.holidays,
      makeUpWorkdays: current.makeUpWorkdays.filter((d: { date: string }) => d.date !== '2025-10-11'),
      reason: '测试：更正调休安排',
    };

    const put = await http().put('/api/v1/admin/calendar/2025').set('Authorization', admin.auth).send(body).expect(200);
    expect(put.body).toEqual({ year: 2025, outcome: 'corrected', version: 2, position: expect.any(Number) });
    expect((await deadline('2025-10-09', 2, caseworker, put.body.position).expect(200)).body.deadline).toBe('2025-10-13');

    const before = await countEvents();
    const again = await http().put('/api/v1/admin/calendar/2025').set('Authorization', admin.auth).send(body).expect(200);
    expect(again.body).toEqual({ year: 2025, outcome: 'unchanged', version: 2, position: null });
    expect(await countEvents()).toBe(before);
    const [corrected] = await db().query(`SELECT metadata->>'actorId' AS actor, data->>'reason' AS reason FROM es_events WHERE type = 'CalendarYearCorrected'`);
    expect(corrected).toEqual({ actor: admin.id, reason: '测试：更正调休安排' });
  });

  it('only administrators may change the calendar; everything needs a token', async () => {
    const before = await countEvents();
    const body = { holidays: [{ date: '2024-01-01', name: '元旦' }], makeUpWorkdays: [], reason: 'x' };
    for (const user of [caseworker, manager]) {
      const res = await http().put('/api/v1/admin/calendar/2024').set('Authorization', user.auth).send(body).expect(403);
      expect(res.body.message).toContain('admin');
    }
    await http().put('/api/v1/admin/calendar/2024').send(body).expect(401);
    await http().get('/api/v1/calendar/2024').expect(401);
    await http().get('/api/v1/calendar/deadline?from=2024-09-27&workingDays=3').expect(401);
    expect(await countEvents()).toBe(before);
  });

  it('malformed input is a 400 naming each field, and appends nothing', async () => {
    const before = await countEvents();
    const res = await http()
      .put('/api/v1/admin/calendar/2024')
      .set('Authorization', admin.auth)
      .send({
        holidays: [{ date: '2024-02-30', name: '春节' }, { date: '2024-10-01', name: '国庆节' }, { date: '2024-10-01', name: '国庆节' }],
        makeUpWorkdays: [{ date: '2024/09/29', name: '' }],
      })
      .expect(400);

    expect(res.body.error).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries(res.body.errors.map((e: { field: string; messages: string[] }) => [e.field, e.messages.join('; ')]));
    expect(fields).toMatchObject({
      holidays: expect.stringContaining('2024-10-01 more than once'),
      'holidays[0].date': expect.stringContaining('2024-02-30 is not a date in the calendar'),
      'makeUpWorkdays[0].date': expect.stringContaining('YYYY-MM-DD'),
      'makeUpWorkdays[0].name': expect.any(String),
      reason: expect.any(String),
    });
    const valid = { holidays: [{ date: '2024-01-01', name: '元旦' }], makeUpWorkdays: [], reason: '测试' };
    const badYear = await http().put('/api/v1/admin/calendar/twenty').set('Authorization', admin.auth).send(valid).expect(400);
    expect(badYear.body.errors).toMatchObject([{ field: 'year', messages: expect.arrayContaining(['year must be a whole number, e.g. 2024']) }]);
    const missing = await http().put('/api/v1/admin/calendar/2024').set('Authorization', admin.auth).send({ reason: '测试' }).expect(400);
    expect(missing.body.errors).toMatchObject([
      { field: 'holidays', messages: ['holidays must be a list of { date, name }'] },
      { field: 'makeUpWorkdays', messages: ['makeUpWorkdays must be a list of { date, name }'] },
    ]);
    const badQuery = await deadline('2024-13-01', 0).expect(400);
    expect(badQuery.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'workingDays']);
    expect(await countEvents()).toBe(before);
  });

  it('a well-formed arrangement that breaks a calendar rule is a 422 listing the fields, and appends nothing', async () => {
    const before = await countEvents();
    const res = await http()
      .put('/api/v1/admin/calendar/2024')
      .set('Authorization', admin.auth)
      .send({ holidays: [{ date: '2025-01-01', name: '元旦' }], makeUpWorkdays: [{ date: '2024-10-08', name: '国庆节' }], reason: '测试' })
      .expect(422);

    expect(res.body).toMatchObject({ error: 'CALENDAR_YEAR_INVALID', year: 2024 });
    expect(res.body.errors).toEqual([
      { field: 'holidays[0].date', messages: ['2025-01-01 is not in 2024'] },
      { field: 'makeUpWorkdays[0].date', messages: [expect.stringContaining('Tuesday')] },
    ]);
    expect(await countEvents()).toBe(before);
  });

  it('a deadline beyond the loaded years is a clear error naming the year; an unloaded year is 404', async () => {
    const res = await deadline('2026-12-28', 5).expect(422);
    expect(res.body).toMatchObject({ error: 'CALENDAR_YEAR_NOT_LOADED', year: 2027, loadedYears: [2024, 2025, 2026] });
    expect(res.body.message).toContain('2027');
    const missing = await http().get('/api/v1/calendar/2027').set('Authorization', caseworker.auth).expect(404);
    expect(missing.body).toMatchObject({ error: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 });
  });

  it('once an administrator loads the next year, deadlines run into it', async () => {
    const put = await http()
      .put('/api/v1/admin/calendar/2027')
      .set('Authorization', admin.auth)
      .send({ holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [], reason: '测试：预置2027年元旦' })
      .expect(200);
    expect(put.body).toMatchObject({ year: 2027, outcome: 'loaded', version: 1 });

    // Mon 12-28: Tue 1, Wed 2, Thu 12-31 3, Fri 2027-01-01 off, Mon 01-04 4, Tue 01-05 5.
    expect((await deadline('2026-12-28', 5, caseworker, put.body.position).expect(200)).body.deadline).toBe('2027-01-05');
  });
});
