import request from 'supertest';
import { UsersService } from '@app/platform';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { createUser } from '../../../../test/support/auth';
import { registerUnits } from '../../../../test/support/handling-units';

describe.each(testDatabaseKinds())('login, tokens and user administration on %s', (kind) => {
  let api: TestApp;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi(kind, { LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
    await registerUnits(api.app, ['district-drc']);
    await api.app.get(UsersService).create({ username: 'wang.fang', displayName: '王芳', password: 'long-enough-password', role: 'manager' });
  });
  afterAll(() => api?.close());

  it('logs in with the right password and answers a short-lived bearer token', async () => {
    const res = await http().post('/api/v1/auth/login').send({ username: 'wang.fang', password: 'long-enough-password' }).expect(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { username: 'wang.fang', role: 'manager', unitId: null } });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'wang.fang', displayName: '王芳' });
  });

  it('gives the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await http().post('/api/v1/auth/login').send({ username: 'wang.fang', password: 'not-the-password' }).expect(401);
    const unknown = await http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'whatever-password' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses missing, malformed and forged tokens with 401', async () => {
    await http().get('/api/v1/auth/me').expect(401);
    await http().get('/api/v1/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const forged = Buffer.from(JSON.stringify({ sub: 'x', role: 'admin' })).toString('base64url');
    await http().get('/api/v1/auth/me').set('Authorization', `Bearer eyJhbGciOiJIUzI1NiJ9.${forged}.c2lnbmF0dXJl`).expect(401);
  });

  it('lets an admin create users, with field-level errors for bad input, and nobody else', async () => {
    const admin = await createUser(api.app, 'admin');
    const caseworker = await createUser(api.app, 'caseworker');
    const body = { username: 'li.na', displayName: '李娜', password: 'another-long-password', role: 'unit_handler', unitId: 'district-drc' };
    await http().post('/api/v1/users').set('Authorization', caseworker.auth).send(body).expect(403);
    const created = await http().post('/api/v1/users').set('Authorization', admin.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ username: 'li.na', role: 'unit_handler', unitId: 'district-drc' });
    await http().post('/api/v1/users').set('Authorization', admin.auth).send(body).expect(409);

    const bad = await http()
      .post('/api/v1/users')
      .set('Authorization', admin.auth)
      .send({ username: 'X', displayName: '', password: 'short', role: 'boss', extra: 1 })
      .expect(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['displayName', 'extra', 'password', 'role', 'username']);
    const noUnit = await http().post('/api/v1/users').set('Authorization', admin.auth).send({ ...body, username: 'zhao.lei', unitId: undefined }).expect(400);
    expect(noUnit.body.errors.map((e: { field: string }) => e.field)).toEqual(['unitId']);
  });
});
