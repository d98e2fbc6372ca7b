import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, newUscc, useSupportWorld, visitBody, withWrongCheck } from '../../../../test/support/support-fixtures';

type FieldErrors = { field: string; messages: string[] }[];
/** The 400's field errors as { field: 'message; message' }. */
const byField = (errors: FieldErrors) => Object.fromEntries(errors.map((e) => [e.field, e.messages.join('; ')]));

describe.each(testDatabaseKinds())('support input validation over HTTP on %s: 400/404/422, never an event', (kind) => {
  const w = useSupportWorld(kind);
  let uscc: string;
  let problemId: string;
  let eventsBefore: number;

  beforeAll(async () => {
    uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-06-03', [w.users.caseworker.id], [{ title: '融资', category: '融资' }])).expect(201);
    problemId = visit.body.problemIds[0];
  });
  beforeEach(async () => {
    eventsBefore = await w.eventCount();
  });
  afterEach(async () => {
    expect(await w.eventCount()).toBe(eventsBefore);
  });

  it('a visit with wrong types, unknown enums, an impossible date, over-long text and unknown fields names every field', async () => {
    const res = await w
      .logVisit({
        enterpriseUscc: uscc,
        visitedOn: '2024-02-30',
        caseworkerIds: 'cw-1',
        form: 'email',
        notes: '记'.repeat(5001),
        problems: [{ title: '长'.repeat(201), description: 42, category: '外卖' }],
        priority: 'high',
      })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    // Each message comes with the rule it names, for a client to say it in its own language.
    const codes = Object.fromEntries(res.body.errors.map((e: { field: string; codes: string[] }) => [e.field, e.codes]));
    expect(codes).toMatchObject({ visitedOn: ['isCalendarDate'], form: ['isIn'], notes: ['isLength'], priority: ['whitelistValidation'] });
    expect(byField(res.body.errors)).toEqual({
      visitedOn: 'visitedOn: 2024-02-30 is not a date in the calendar',
      caseworkerIds: expect.stringContaining('caseworkerIds must be an array'),
      form: expect.stringContaining('form must be one of the following values: on_site, symposium, phone, online'),
      notes: expect.stringContaining('shorter than or equal to 5000'),
      'problems[0].title': expect.stringContaining('shorter than or equal to 200'),
      'problems[0].description': expect.stringContaining('must be a string'),
      'problems[0].category': expect.stringContaining('category must be one of the following values: 融资'),
      priority: 'property priority should not exist',
    });
  });

  it('a visit with missing fields, or none of its caseworkers, names them', async () => {
    const missing = await w.logVisit({}).expect(400);
    expect(Object.keys(byField(missing.body.errors)).sort()).toEqual(['caseworkerIds', 'enterpriseUscc', 'form', 'notes', 'problems', 'visitedOn']);
    const noOne = await w.logVisit(visitBody(uscc, '2024-06-03', [])).expect(400);
    expect(noOne.body.errors).toMatchObject([{ field: 'caseworkerIds', messages: ['caseworkerIds must name at least one caseworker'] }]);
  });

  it('a wrong USCC check character is a 400 naming enterpriseUscc; an unregistered enterprise is a 422 saying so', async () => {
    const wrong = withWrongCheck(uscc);
    const bad = await w.logVisit(visitBody(wrong, '2024-06-03', [w.users.caseworker.id])).expect(400);
    expect(bad.body.errors).toMatchObject([
      { field: 'enterpriseUscc', messages: [`enterpriseUscc: wrong check character '${wrong[17]}' at position 18: expected '${uscc[17]}'`] },
    ]);
    const unknown = newUscc();
    const unregistered = await w.logVisit(visitBody(unknown, '2024-06-03', [w.users.caseworker.id], [{ title: 't', category: '融资' }])).expect(422);
    expect(unregistered.body).toMatchObject({ error: 'ENTERPRISE_NOT_REGISTERED', field: 'enterpriseUscc', message: expect.stringContaining(unknown) });
    const hotline = { enterpriseUscc: unknown, title: 't', description: 'd', category: '融资', source: 'letter', raisedOn: '2024-06-03' };
    const direct = await w.http().post('/api/v1/problems').set('Authorization', w.users.caseworker.auth).send(hotline).expect(422);
    expect(direct.body.error).toBe('ENTERPRISE_NOT_REGISTERED');
  });

  it('lifecycle steps refuse unknown levels, outcomes, satisfactions and categories, wrong types and impossible dates', async () => {
    const { caseworker, manager, drc } = w.users;
    const fieldsOf = async (action: string, body: object, user = caseworker) =>
      byField((await w.step(problemId, action, body, user).expect(400)).body.errors);

    expect(await fieldsOf('assign', { leadUnitId: 'unit drc!', coUnitIds: 'unit-hr', level: 'county', workingDays: '3', on: '2024-02-30' })).toEqual({
      leadUnitId: expect.stringContaining('leadUnitId must be a handling unit id'),
      coUnitIds: expect.stringContaining('coUnitIds must be an array'),
      level: expect.stringContaining('level must be one of the following values: district, city, province'),
      workingDays: expect.stringContaining('workingDays must be an integer number'),
      on: 'on: 2024-02-30 is not a date in the calendar',
    });
    expect(await fieldsOf('assign', { leadUnitId: UNITS.drc, coUnitIds: [], level: 'city', workingDays: 0, expectedVersion: 0 })).toEqual({
      workingDays: 'workingDays must not be less than 1',
      expectedVersion: 'expectedVersion must not be less than 1',
    });
    expect(await fieldsOf('resolve', { outcome: 'fixed', summary: '结'.repeat(2001) }, drc)).toEqual({
      outcome: expect.stringContaining('outcome must be one of the following values: solved, explained_policy, long_term'),
      summary: expect.stringContaining('shorter than or equal to 2000'),
    });
    expect(await fieldsOf('follow-up', { satisfaction: 'happy', note: '', on: '2024/06/05' })).toEqual({
      satisfaction: expect.stringContaining('satisfied, basically_satisfied, unsatisfied'),
      note: expect.stringContaining('longer than or equal to 1'),
      on: 'on must be a date written YYYY-MM-DD',
    });
    expect(await fieldsOf('categorize', { category: '外卖', reason: 'x' })).toEqual({
      category: expect.stringContaining('category must be one of the following values'),
      reason: 'property reason should not exist',
    });
    expect(await fieldsOf('escalate', { to: 'nation', reason: 'r'.repeat(1001) }, manager)).toEqual({
      to: expect.stringContaining('district, city, province'),
      reason: expect.stringContaining('shorter than or equal to 1000'),
    });
    expect(Object.keys(await fieldsOf('withdraw', {})).sort()).toEqual(['reason', 'requestedBy']);
  });

  it('an unknown problem is a 404 on read and on every step; a malformed id is a 400', async () => {
    const { caseworker, manager } = w.users;
    const unknown = randomUUID();
    const got = await w.problem(unknown, manager).expect(404);
    expect(got.body).toMatchObject({ error: 'PROBLEM_NOT_FOUND', message: expect.stringContaining(unknown) });
    const steps: [string, object][] = [
      ['assign', { leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 3 }],
      ['categorize', { category: '用工' }],
      ['follow-up', { satisfaction: 'satisfied', note: '满意' }],
      ['close', {}],
      ['withdraw', { requestedBy: '企业', reason: '不需要' }],
    ];
    for (const [action, body] of steps) {
      const res = await w.step(unknown, action, body, caseworker);
      expect([action, res.status, res.body.error]).toEqual([action, 404, 'PROBLEM_NOT_FOUND']);
    }
    // Nor can a problem be merged into one that does not exist (it would drop out of every count).
    const intoNothing = await w.step(problemId, 'merge', { intoProblemId: unknown }, caseworker).expect(422);
    expect(intoNothing.body).toMatchObject({ error: 'INVALID_PROBLEM_CHANGE', field: 'intoProblemId', message: expect.stringContaining(unknown) });
    const malformed = await w.problem('not-a-uuid', manager).expect(400);
    expect(malformed.body).toMatchObject({ error: 'VALIDATION_FAILED', errors: [{ field: 'id', messages: ['id must be a UUID (version 4)'] }] });
    expect((await w.step('12345', 'close', {}, caseworker).expect(400)).body.errors[0].field).toBe('id');
  });

  it('a deadline running past the loaded calendar is a 422 naming the year', async () => {
    // From late November 2026, 40 working days run into 2027, which is not loaded.
    const assign = { on: '2026-11-27', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 40 };
    const res = await w.step(problemId, 'assign', assign, w.users.caseworker).expect(422);
    expect(res.body).toMatchObject({ error: 'CALENDAR_YEAR_NOT_LOADED', year: 2027, loadedYears: [2024, 2025, 2026] });
    const lead = await w.step(problemId, 'assign', { ...assign, on: '2024-06-03', coUnitIds: [UNITS.drc] }, w.users.caseworker).expect(422);
    expect(lead.body).toMatchObject({ error: 'INVALID_PROBLEM_CHANGE', field: 'coUnitIds' });
  });

  it('query strings are validated too: filters, pagination, metric parameters and ?position=', async () => {
    const { manager } = w.users;
    const get = (path: string, query: object) => w.http().get(path).query(query).set('Authorization', manager.auth).expect(400);
    const fields = async (path: string, query: object) => (await get(path, query)).body.errors.map((e: { field: string }) => e.field).sort();
    expect(await fields('/api/v1/problems', { status: 'pending', level: 'county', limit: 101, overdue: 'maybe', from: '2024-02-30' })).toEqual([
      'from', 'level', 'limit', 'overdue', 'status',
    ]);
    expect(await fields('/api/v1/visits', { offset: -1, includeVoided: 'yes' })).toEqual(['includeVoided', 'offset']);
    expect(await fields('/api/v1/metrics/resolution', { scope: 'ever', groupBy: 'park', asOf: '2024-13-01' })).toEqual([
      'asOf', 'from', 'groupBy', 'scope',
    ]);
    expect(await fields('/api/v1/metrics/visits', { from: '2024-06-01', groupBy: 'unit' })).toEqual(['groupBy', 'to']);
    expect(await fields(`/api/v1/problems/${problemId}`, { position: 'latest' })).toEqual(['position']);
  });
});
