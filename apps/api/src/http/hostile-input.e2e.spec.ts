import { testDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/** `[[[…1…]]]` nested `depth` levels deep, as raw JSON text (JSON.stringify of such a value would recurse too). */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** The one error body every 4xx has: a code, a sentence, and field messages (empty when no field is at fault). */
const errorShape = (status: number, error: string) =>
  expect.objectContaining({ statusCode: status, error, message: expect.any(String), errors: expect.any(Array) });

describe.each(testDatabaseKinds())('hostile input over HTTP on %s: a 4xx naming the field, never a 500', (kind) => {
  const w = useSupportWorld(kind);
  let uscc: string;

  beforeAll(async () => {
    uscc = await w.registerEnterprise();
  });

  const visit = (overrides: object = {}) => ({ ...visitBody(uscc, '2024-06-03', [w.users.caseworker.id]), ...overrides });
  /** POST /visits with the body exactly as given (supertest would re-encode an object). */
  const rawVisit = (raw: string | Buffer) =>
    w
      .http()
      .post('/api/v1/visits')
      .set('Authorization', w.users.caseworker.auth)
      .set('content-type', 'application/json')
      .serialize((body: unknown) => body as string)
      .send(raw);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  describe('text the database cannot store', () => {
    it('a NUL character in a body field is a 400 naming the field; nothing is appended', async () => {
      const before = await w.eventCount();
      const res = await w.logVisit(visit({ notes: 'before\u0000after' })).expect(400);
      expect(res.body).toEqual(errorShape(400, 'VALIDATION_FAILED'));
      expect(fields(res.body)).toEqual(['notes']);
      expect(res.body.errors[0].messages[0]).toContain('NUL');
      expect(await w.eventCount()).toBe(before);
    });

    it('a lone surrogate deep in the body is a 400 naming its path', async () => {
      const raw = JSON.stringify(visit({ problems: [{ title: 'TITLE', description: '说明', category: '融资' }] })).replace('TITLE', '\\ud800x');
      const res = await rawVisit(raw).expect(400);
      expect(fields(res.body)).toEqual(['problems[0].title']);
      expect(res.body.errors[0].messages[0]).toContain('surrogate');
    });

    it('a NUL in a query parameter is a 400 naming the parameter', async () => {
      const res = await w.http().get('/api/v1/enterprises?name=a%00b').set('Authorization', w.users.manager.auth).expect(400);
      expect(fields(res.body)).toEqual(['name']);
    });

    it('a NUL in a login name is a 400, not a 500 from the users table', async () => {
      const res = await w.http().post('/api/v1/auth/login').send({ username: 'ad\u0000min', password: 'x'.repeat(12) }).expect(400);
      expect(fields(res.body)).toEqual(['username']);
    });

    it('a body that is not valid UTF-8 is a 400 saying so (not silently replaced by U+FFFD)', async () => {
      const bytes = Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      const res = await rawVisit(bytes).expect(400);
      expect(res.body).toEqual(errorShape(400, 'MALFORMED_BODY'));
      expect(res.body.message).toContain('UTF-8');
      expect(fields(res.body)).toEqual(['body']);
    });
  });

  describe('structure', () => {
    it('JSON nested 2000 levels deep is a 400 before any transformation, on a guarded route', async () => {
      const res = await rawVisit(`{"notes":${nested(2000)}}`).expect(400);
      expect(res.body).toEqual(errorShape(400, 'VALIDATION_FAILED'));
      expect(res.body.errors[0].messages[0]).toMatch(/nested more than \d+ levels/);
    });

    it('and on the public login route', async () => {
      const res = await w.http().post('/api/v1/auth/login').set('content-type', 'application/json').send(`{"username":${nested(2000)},"password":"x"}`).expect(400);
      expect(fields(res.body)).toEqual(['username']);
    });

    it('__proto__ as an extra field is refused like any other extra field', async () => {
      const raw = JSON.stringify(visit()).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
      const res = await rawVisit(raw).expect(400);
      expect(fields(res.body)).toEqual(['__proto__']);
      const nestedProto = JSON.stringify(visit({ problems: [{ title: 't', description: 'd', category: '融资' }] })).replace('{"title"', '{"__proto__":{},"title"');
      const inner = await rawVisit(nestedProto).expect(400);
      expect(fields(inner.body)).toEqual(['problems[0].__proto__']);
    });
  });

  it('__proto__ in a query string and constructor/prototype as body fields are refused too', async () => {
    const query = await w.http().get('/api/v1/visits?__proto__=x').set('Authorization', w.users.manager.auth).expect(400);
    expect(fields(query.body)).toEqual(['__proto__']);
    const body = await w.logVisit(visit({ constructor: { prototype: { isAdmin: true } }, prototype: 1 })).expect(400);
    expect(fields(body.body).sort()).toEqual(['constructor', 'prototype']);
  });

  describe('numbers are bounded', () => {
    it('offset=1e20 is a 400 naming offset (not bigint out of range)', async () => {
      for (const path of ['/api/v1/visits', '/api/v1/problems', '/api/v1/enterprises', '/api/v1/subsidies/cases']) {
        const res = await w.http().get(`${path}?offset=1e20`).set('Authorization', w.users.manager.auth);
        expect([path, res.status, fields(res.body)]).toEqual([path, 400, ['offset']]);
      }
    });

    it('expectedVersion=1e308 is a 400 naming expectedVersion (not a 409 about a version that cannot exist)', async () => {
      const made = await w.logVisit(visit({ problems: [{ title: '版本', description: '说明', category: '融资' }] })).expect(201);
      const id = made.body.problemIds[0];
      const res = await w.step(id, 'categorize', { category: '用工', expectedVersion: 1e308 }, w.users.caseworker).expect(400);
      expect(fields(res.body)).toEqual(['expectedVersion']);
      const renamed = await w
        .http()
        .post(`/api/v1/enterprises/${uscc}/rename`)
        .set('Authorization', w.users.manager.auth)
        .send({ effectiveOn: '2024-06-01', name: '新名称有限公司', expectedVersion: 1e300 })
        .expect(400);
      expect(fields(renamed.body)).toEqual(['expectedVersion']);
    });

    it('position and version far past any log are a 400', async () => {
      const res = await w.http().get('/api/v1/visits?position=1e20').set('Authorization', w.users.manager.auth).expect(400);
      expect(fields(res.body)).toEqual(['position']);
      const month = await w.http().get('/api/v1/reports/monthly/2024-06?version=1e20').set('Authorization', w.users.manager.auth).expect(400);
      expect(fields(month.body)).toEqual(['version']);
    });
  });

  describe('dates and instants are strict', () => {
    it('from after to is a 400 naming to', async () => {
      for (const path of ['/api/v1/metrics/visits', '/api/v1/metrics/resolution', '/api/v1/visits', '/api/v1/problems']) {
        const res = await w.http().get(`${path}?from=2024-06-30&to=2024-06-01`).set('Authorization', w.users.manager.auth);
        expect([path, res.status, fields(res.body)]).toEqual([path, 400, ['to']]);
        expect(res.body.errors[0].messages[0]).toContain('on or after from');
      }
    });

    it('a missing from says it is required, not that it is not a date', async () => {
      const res = await w.http().get('/api/v1/metrics/visits?to=2024-06-30').set('Authorization', w.users.manager.auth).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'from', messages: ['from is required (YYYY-MM-DD)'] }]);
    });

    it('knownAt must be an ISO 8601 instant: 1 is not the year 2001', async () => {
      for (const knownAt of ['1', '2024', '2024-06-30', 'June 30 2024']) {
        const res = await w.http().get(`/api/v1/metrics/resolution?from=2024-06-01&to=2024-06-30&knownAt=${encodeURIComponent(knownAt)}`).set('Authorization', w.users.manager.auth);
        expect([knownAt, res.status, fields(res.body)]).toEqual([knownAt, 400, ['knownAt']]);
      }
      await w.http().get('/api/v1/metrics/resolution?from=2024-06-01&to=2024-06-30&knownAt=2024-07-01T00:00:00%2B08:00').set('Authorization', w.users.manager.auth).expect(200);
      await w.http().get('/api/v1/metrics/resolution?from=2024-06-01&to=2024-06-30&knownAt=2024-06-30T16:00:00.000Z').set('Authorization', w.users.manager.auth).expect(200);
    });
  });

  describe('companions on a visit', () => {
    it('an unknown user id among the caseworkers is a 400 naming it; nothing is appended', async () => {
      const before = await w.eventCount();
      const res = await w.logVisit(visit({ caseworkerIds: [w.users.caseworker.id, 'no-such-user'] })).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'caseworkerIds[1]', messages: ['no-such-user is not an active caseworker'] }]);
      expect(await w.eventCount()).toBe(before);
    });

    it('a companion deactivated a moment ago is refused at once, though the check is cached', async () => {
      const admin = w.users.admin.auth;
      const created = await w.http().post('/api/v1/users').set('Authorization', admin)
        .send({ username: 'companion-leaving', displayName: '即将离岗', password: 'a-long-enough-password', role: 'caseworker' }).expect(201);
      const id = created.body.id as string;
      // Once accepted, the account sits in the cache the check reads.
      await w.logVisit(visit({ caseworkerIds: [w.users.caseworker.id, id] })).expect(201);
      await w.http().patch(`/api/v1/users/${id}`).set('Authorization', admin).send({ active: false }).expect(200);
      const before = await w.eventCount();
      const res = await w.logVisit(visit({ caseworkerIds: [w.users.caseworker.id, id] })).expect(400);
      expect(res.body.errors).toMatchObject([{ field: 'caseworkerIds[1]', messages: [`${id} is not an active caseworker`] }]);
      expect(await w.eventCount()).toBe(before);
      await w.http().patch(`/api/v1/users/${id}`).set('Authorization', admin).send({ active: true }).expect(200);
      await w.logVisit(visit({ caseworkerIds: [w.users.caseworker.id, id] })).expect(201);
    });

    it('a unit handler or a manager is not a caseworker on a visit', async () => {
      const res = await w.logVisit(visit({ caseworkerIds: [w.users.drc.id, w.users.caseworker2.id, w.users.manager.id] })).expect(400);
      expect(fields(res.body)).toEqual(['caseworkerIds[0]', 'caseworkerIds[2]']);
    });
  });

  describe('one error shape everywhere', () => {
    it('a malformed UUID in the path', async () => {
      const res = await w.http().post('/api/v1/certifications/imports/not-a-uuid/commit').set('Authorization', w.users.manager.auth).send({}).expect(400);
      expect(res.body).toEqual(errorShape(400, 'VALIDATION_FAILED'));
      expect(fields(res.body)).toEqual(['importId']);
    });

    it('a JSON syntax error', async () => {
      const res = await rawVisit('{"notes": "unterminated').expect(400);
      expect(res.body).toEqual(errorShape(400, 'MALFORMED_BODY'));
      expect(res.body.message).toMatch(/^The body is not valid JSON/);
      expect(fields(res.body)).toEqual(['body']);
    });

    it('a body over the size limit is a 413', async () => {
      const res = await w.logVisit(visit({ notes: 'x'.repeat(200 * 1024) })).expect(413);
      expect(res.body).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));
      expect(res.body.message).toContain('100 KB');
    });

    it('an unknown API route', async () => {
      const res = await w.http().get('/api/v1/no-such-thing').set('Authorization', w.users.manager.auth).expect(404);
      expect(res.body).toEqual(errorShape(404, 'ROUTE_NOT_FOUND'));
      expect(res.body.message).toContain('GET /api/v1/no-such-thing');
    });

    it('a plain 401 and a domain 404 have it too', async () => {
      const anonymous = await w.http().get('/api/v1/visits').expect(401);
      expect(anonymous.body).toEqual(errorShape(401, 'Unauthorized'));
      const missing = await w.http().get('/api/v1/problems/00000000-0000-4000-8000-000000000000').set('Authorization', w.users.manager.auth).expect(404);
      expect(missing.body).toEqual(errorShape(404, 'PROBLEM_NOT_FOUND'));
    });
  });
});
