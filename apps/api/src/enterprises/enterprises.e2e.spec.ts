import request from 'supertest';
import { DataSource } from 'typeorm';
import { usccCheckCharacter } from '@app/enterprises';
import { createUser, type TestUser } from '../../../../test/support/auth';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';

const BASE = '/api/v1/enterprises';
let serial = 0;
/** A fresh valid USCC per call: 17 characters of body and the check character computed for them. */
const newUscc = () => {
  const body = `91330100MA${String(++serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
const enterprise = (uscc: string, name = '星河精密制造有限公司') => ({
  uscc,
  name,
  address: '科创大道 88 号',
  park: '智能制造产业园',
  industry: '通用设备制造业',
});

describe.each(testDatabaseKinds())('enterprise registry over HTTP on %s', (kind) => {
  let api: TestApp;
  let caseworker: TestUser;
  let manager: TestUser;
  let unitHandler: TestUser;
  const http = () => request(api.app.getHttpServer());
  // Only enterprise streams: other modules (the calendar seeder) may append in the background.
  const eventCount = async () => {
    const [{ n }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'enterprise-%'`);
    return n as number;
  };
  const register = (body: object, user = caseworker) => http().post(BASE).set('Authorization', user.auth).send(body);
  const rename = (uscc: string, body: object, user = caseworker) =>
    http().post(`${BASE}/${uscc}/rename`).set('Authorization', user.auth).send(body);
  const relocate = (uscc: string, body: object, user = caseworker) =>
    http().post(`${BASE}/${uscc}/relocate`).set('Authorization', user.auth).send(body);

  beforeAll(async () => {
    api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true' });
    caseworker = await createUser(api.app, 'caseworker');
    manager = await createUser(api.app, 'manager');
    unitHandler = await createUser(api.app, 'unit_handler', 'unit-tax');
  });
  afterAll(() => api?.close());

  it('registers an enterprise (201 with its position) and reads it back at that position', async () => {
    const uscc = newUscc();
    const res = await register(enterprise(uscc, '  北辰软件有限公司 ')).expect(201);
    expect(res.body).toEqual({ uscc, version: 1, position: expect.any(Number) });

    const got = await http().get(`${BASE}/${uscc}?position=${res.body.position}`).set('Authorization', manager.auth).expect(200);
    expect(got.body).toEqual({
      uscc,
      name: '北辰软件有限公司',
      address: '科创大道 88 号',
      park: '智能制造产业园',
      industry: '通用设备制造业',
      registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      version: 1,
      history: [],
      // The rest of the profile (see enterprise-profile.e2e.spec.ts): nothing yet but its registration.
      asOf: expect.any(String),
      certifications: [],
      visits: { items: [], total: 0 },
      problems: { items: [], total: 0 },
      subsidies: { items: [], total: 0 },
      timeline: {
        items: [expect.objectContaining({ type: 'EnterpriseRegistered', position: res.body.position, actorId: caseworker.id, on: expect.any(String), data: expect.objectContaining({ uscc }) })],
        total: 1,
      },
    });
  });

  it('rename and relocate show in the history; repeating a rename changes nothing', async () => {
    const uscc = newUscc();
    await register(enterprise(uscc)).expect(201);
    const renameBody = { name: '星河智能装备股份有限公司', effectiveOn: '2024-06-15' };
    const renamed = await rename(uscc, renameBody).expect(200);
    expect(renamed.body).toEqual({ uscc, version: 2, position: expect.any(Number) });
    const again = await rename(uscc, renameBody).expect(200);
    expect(again.body).toEqual({ uscc, version: 2, position: null });
    const moved = await relocate(uscc, { address: '生物谷路 9 号', park: '生物医药产业园', effectiveOn: '2024-06-20' }, manager).expect(200);

    const got = await http().get(`${BASE}/${uscc}?position=${moved.body.position}`).set('Authorization', caseworker.auth).expect(200);
    expect(got.body).toMatchObject({ name: '星河智能装备股份有限公司', address: '生物谷路 9 号', park: '生物医药产业园', version: 3 });
    expect(got.body.history).toEqual([
      {
        change: 'renamed',
        from: '星河精密制造有限公司',
        to: '星河智能装备股份有限公司',
        effectiveOn: '2024-06-15',
        recordedAt: expect.any(String),
        recordedBy: caseworker.id,
      },
      {
        change: 'relocated',
        from: { address: '科创大道 88 号', park: '智能制造产业园' },
        to: { address: '生物谷路 9 号', park: '生物医药产业园' },
        effectiveOn: '2024-06-20',
        recordedAt: expect.any(String),
        recordedBy: manager.id,
      },
    ]);
  });

  it('a wrong check character is a 400 naming uscc and the expected character, and appends nothing', async () => {
    const valid = newUscc();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const before = await eventCount();
    const res = await register(enterprise(wrong)).expect(400);
    const message = `uscc: wrong check character '${wrong[17]}' at position 18: expected '${valid[17]}'`;
    expect(res.body.errors).toMatchObject([{ field: 'uscc', messages: [message] }]);
    const lower = await register(enterprise('91440300708461136t')).expect(400);
    expect(lower.body.errors[0]).toMatchObject({ field: 'uscc', messages: [expect.stringContaining('position 18')] });
    expect(await eventCount()).toBe(before);
  });

  it('missing fields, an over-long or blank name, unknown fields and impossible dates are 400s with field messages', async () => {
    const before = await eventCount();
    const missing = await register({ uscc: newUscc() }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['address', 'industry', 'name', 'park']);

    const tooLong = await register({ ...enterprise(newUscc()), name: '长'.repeat(101), park: '   ', extra: 1 }).expect(400);
    const messages = Object.fromEntries(tooLong.body.errors.map((e: { field: string; messages: string[] }) => [e.field, e.messages]));
    expect(messages.name).toEqual([expect.stringContaining('shorter than or equal to 100')]);
    expect(messages.park).toEqual(['park must not be empty']);
    expect(messages.extra).toEqual([expect.stringContaining('should not exist')]);

    const uscc = newUscc();
    await register(enterprise(uscc)).expect(201);
    const afterRegister = await eventCount();
    const badDate = await rename(uscc, { name: '新名称', effectiveOn: '2024-02-30' }).expect(400);
    expect(badDate.body.errors).toMatchObject([{ field: 'effectiveOn', messages: ['effectiveOn: 2024-02-30 is not a date in the calendar'] }]);
    const noDate = await relocate(uscc, { address: '新地址', park: '新园区' }).expect(400);
    expect(noDate.body.errors).toMatchObject([{ field: 'effectiveOn', messages: ['effectiveOn is required (YYYY-MM-DD)'] }]);
    expect(afterRegister).toBe(before + 1);
    expect(await eventCount()).toBe(afterRegister);
  });

  it('refuses business-rule violations with the domain reason: 409 duplicate, 422 unchanged name or future date', async () => {
    const uscc = newUscc();
    await register(enterprise(uscc)).expect(201);
    const before = await eventCount();
    const duplicate = await register(enterprise(uscc, '另一个名字')).expect(409);
    expect(duplicate.body).toMatchObject({ error: 'ENTERPRISE_ALREADY_REGISTERED', uscc });

    const same = await rename(uscc, { name: '星河精密制造有限公司', effectiveOn: '2024-06-15' }).expect(422);
    expect(same.body.error).toBe('NOTHING_CHANGES');
    const future = await rename(uscc, { name: '新名称', effectiveOn: '2999-01-01' }).expect(422);
    expect(future.body).toMatchObject({ error: 'INVALID_EFFECTIVE_DATE', field: 'effectiveOn' });
    expect(await eventCount()).toBe(before);
  });

  it('a stale expectedVersion is a 409 with both versions', async () => {
    const uscc = newUscc();
    await register(enterprise(uscc)).expect(201);
    await rename(uscc, { name: '甲', effectiveOn: '2024-06-01', expectedVersion: 1 }).expect(200);
    const stale = await rename(uscc, { name: '乙', effectiveOn: '2024-06-02', expectedVersion: 1 }).expect(409);
    expect(stale.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedVersion: 1, actualVersion: 2 });
  });

  it('an unknown USCC is a 404 on get, rename and relocate; a malformed one in the path is a 400', async () => {
    const unknown = newUscc();
    const before = await eventCount();
    const got = await http().get(`${BASE}/${unknown}`).set('Authorization', caseworker.auth).expect(404);
    expect(got.body).toMatchObject({ error: 'ENTERPRISE_NOT_FOUND', uscc: unknown });
    await rename(unknown, { name: '新名称', effectiveOn: '2024-06-15' }).expect(404);
    await relocate(unknown, { address: '新地址', park: '新园区', effectiveOn: '2024-06-15' }).expect(404);
    const malformed = await http().get(`${BASE}/not-a-uscc`).set('Authorization', caseworker.auth).expect(400);
    expect(malformed.body.errors).toMatchObject([{ field: 'uscc', messages: [expect.stringContaining('18 characters')] }]);
    expect(await eventCount()).toBe(before);
  });

  it('no token is a 401; a unit handler gets 403 on register, list and get', async () => {
    const uscc = newUscc();
    await http().post(BASE).send(enterprise(uscc)).expect(401);
    await http().get(BASE).expect(401);
    await register(enterprise(uscc), unitHandler).expect(403);
    await http().get(BASE).set('Authorization', unitHandler.auth).expect(403);
    await http().get(`${BASE}/${uscc}`).set('Authorization', unitHandler.auth).expect(403);
  });

  it('an Idempotency-Key retry of a registration returns the first response, replayed, and appends nothing', async () => {
    const body = enterprise(newUscc());
    const first = await register(body).set('Idempotency-Key', `register-${kind}`).expect(201);
    const before = await eventCount();
    const retry = await register(body).set('Idempotency-Key', `register-${kind}`).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await eventCount()).toBe(before);
    // Without the key the same request is a duplicate.
    await register(body).expect(409);
  });

  it('lists with filters (name part, park, industry), pagination and the total count', async () => {
    const tag = `筛选${kind}`;
    const usccs = [newUscc(), newUscc(), newUscc()];
    let position = 0;
    for (const [i, uscc] of usccs.entries()) {
      const park = i < 2 ? `${tag}园` : '其他园';
      const industry = i === 1 ? '软件业' : '制造业';
      const res = await register({ ...enterprise(uscc, `${tag}企业${i}号`), park, industry }).expect(201);
      position = res.body.position;
    }
    const list = (query: string) => http().get(`${BASE}?position=${position}&${query}`).set('Authorization', manager.auth).expect(200);

    const byName = await list(`name=${encodeURIComponent(tag)}&limit=2`);
    expect(byName.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(byName.body.items.map((e: { uscc: string }) => e.uscc)).toEqual(usccs.slice(0, 2));
    const page2 = await list(`name=${encodeURIComponent(tag)}&limit=2&offset=2`);
    expect(page2.body.items.map((e: { uscc: string }) => e.uscc)).toEqual([usccs[2]]);

    const inPark = await list(`park=${encodeURIComponent(`${tag}园`)}&industry=${encodeURIComponent('软件业')}`);
    expect(inPark.body.items.map((e: { uscc: string }) => e.uscc)).toEqual([usccs[1]]);
    expect(inPark.body.total).toBe(1);
    // LIKE wildcards in the filter are matched literally.
    expect((await list('name=%25')).body.total).toBe(0);

    const tooMany = await http().get(`${BASE}?limit=101`).set('Authorization', manager.auth).expect(400);
    expect(tooMany.body.errors[0].field).toBe('limit');
  });
});
