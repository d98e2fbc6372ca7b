import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { AppConfig, UsersService } from '@app/platform';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { createUser, type TestUser } from '../../../../test/support/auth';
import { registerUnits } from '../../../../test/support/handling-units';

/** Tokens are only as good as the account behind them; administrators manage accounts; users their password. */
describe.each(testDatabaseKinds())('accounts and tokens on %s', (kind) => {
  let api: TestApp;
  let admin: TestUser;
  const http = () => request(api.app.getHttpServer());
  const me = (auth: string) => http().get('/api/v1/auth/me').set('Authorization', auth);
  const login = (username: string, password: string) => http().post('/api/v1/auth/login').send({ username, password });
  const sign = (claims: object, options: jwt.SignOptions) => jwt.sign(claims, api.app.get(AppConfig).jwt.secret, { issuer: 'zhuqi', ...options });

  beforeAll(async () => {
    api = await startTestApi(kind, { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    admin = await createUser(api.app, 'admin');
    await registerUnits(api.app, ['district-hr']);
  });
  afterAll(() => api?.close());

  describe('a token is honoured only for a live account and a bounded lifetime', () => {
    it('refuses a well-signed token for a user that does not exist', async () => {
      const token = sign({ sub: randomUUID(), username: 'ghost', name: 'ghost', role: 'admin', unit: null, gen: 0 }, { expiresIn: 600 });
      const res = await me(`Bearer ${token}`).expect(401);
      expect(res.body.message).toMatch(/log in again/);
    });

    it('refuses a token without exp, one living ten years, and one signed with another algorithm', async () => {
      const claims = { sub: admin.id, username: admin.username, name: admin.username, role: 'admin', unit: null, gen: 0 };
      await me(`Bearer ${sign(claims, { expiresIn: 600 })}`).expect(200); // the control: the same claims, properly minted
      await me(`Bearer ${sign(claims, {})}`).expect(401);
      await me(`Bearer ${sign(claims, { expiresIn: 10 * 365 * 86400 })}`).expect(401);
      await me(`Bearer ${sign(claims, { expiresIn: 600, algorithm: 'HS512' })}`).expect(401);
    });

    it('accepts the scheme in any case, and nothing but a bearer token', async () => {
      await me(`bearer ${admin.token}`).expect(200);
      await me(`BEARER ${admin.token}`).expect(200);
      await me(`Basic ${admin.token}`).expect(401);
      await me(`Bearer ${admin.token} extra`).expect(401);
    });

    it('takes role and unit from the account, not from what the token claims', async () => {
      const user = await createUser(api.app, 'caseworker');
      const claims = { sub: user.id, username: user.username, name: user.username, role: 'admin', unit: null, gen: 0 };
      const res = await me(`Bearer ${sign(claims, { expiresIn: 600 })}`).expect(200);
      expect(res.body.role).toBe('caseworker');
    });
  });

  describe('administrators manage accounts', () => {
    it('deactivating a user ends their sessions at once and refuses their login; reactivating lets them back', async () => {
      const user = await createUser(api.app, 'caseworker');
      await me(user.auth).expect(200);
      const off = await http().patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ active: false }).expect(200);
      expect(off.body).toMatchObject({ id: user.id, active: false });
      await me(user.auth).expect(401);
      await login(user.username, 'correct-horse-battery').expect(401);
      const directory = await http().get('/api/v1/users/directory').set('Authorization', admin.auth).expect(200);
      expect(directory.body.map((c: { id: string }) => c.id)).not.toContain(user.id);

      await http().patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ active: true }).expect(200);
      await me(user.auth).expect(401); // an old token stays revoked
      const back = await login(user.username, 'correct-horse-battery').expect(200);
      await me(`Bearer ${back.body.accessToken}`).expect(200);
    });

    it('a new role or unit revokes the old token; the next login carries the new one', async () => {
      const user = await createUser(api.app, 'caseworker');
      const unknown = await http().patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ role: 'unit_handler', unitId: 'no-such-unit' }).expect(422);
      expect(unknown.body).toMatchObject({ error: 'HANDLING_UNIT_UNKNOWN' });
      await me(user.auth).expect(200); // refused: nothing changed
      await http().patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ role: 'unit_handler', unitId: 'district-hr' }).expect(200);
      await me(user.auth).expect(401);
      const again = await login(user.username, 'correct-horse-battery').expect(200);
      expect(again.body.user).toMatchObject({ role: 'unit_handler', unitId: 'district-hr' });

      // A new display name is no reason to log anyone out.
      const renamed = await http().patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ displayName: '赵磊' }).expect(200);
      expect(renamed.body.displayName).toBe('赵磊');
      await me(`Bearer ${again.body.accessToken}`).expect(200);
    });

    it('refuses bad changes with field messages and changes nothing', async () => {
      const user = await createUser(api.app, 'caseworker');
      const bad = await http()
        .patch(`/api/v1/users/${user.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'boss', active: 'no', displayName: '', extra: 1 })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['active', 'displayName', 'extra', 'role']);
      const noUnit = await http().patch(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).send({ role: 'unit_handler' }).expect(400);
      expect(noUnit.body.errors).toMatchObject([{ field: 'unitId', messages: ['unitId is required for unit_handler'] }]);
      await http().patch('/api/v1/users/not-a-uuid').set('Authorization', admin.auth).send({ active: false }).expect(400);
      await http().patch(`/api/v1/users/${randomUUID()}`).set('Authorization', admin.auth).send({ active: false }).expect(404);
      const unchanged = await http().get(`/api/v1/users/${user.id}`).set('Authorization', admin.auth).expect(200);
      expect(unchanged.body).toMatchObject({ role: 'caseworker', active: true, displayName: user.username });
      await me(user.auth).expect(200);
    });

    it('keeps at least one active administrator', async () => {
      const users = api.app.get(UsersService);
      const { items } = await users.list({ limit: 100, offset: 0 });
      const otherAdmins = items.filter((u) => u.role === 'admin' && u.active && u.id !== admin.id);
      for (const other of otherAdmins) await users.update(other.id, { active: false });
      const res = await http().patch(`/api/v1/users/${admin.id}`).set('Authorization', admin.auth).send({ active: false }).expect(409);
      expect(res.body.message).toMatch(/last active administrator/);
      await http().patch(`/api/v1/users/${admin.id}`).set('Authorization', admin.auth).send({ role: 'manager' }).expect(409);
      await me(admin.auth).expect(200);

      const second = await createUser(api.app, 'admin');
      await http().patch(`/api/v1/users/${second.id}`).set('Authorization', admin.auth).send({ role: 'manager' }).expect(200);
    });

    it('resets a forgotten password: the old one and the old token stop working', async () => {
      const user = await createUser(api.app, 'manager');
      await http().post(`/api/v1/users/${user.id}/password`).set('Authorization', admin.auth).send({ newPassword: 'short' }).expect(400);
      await http().post(`/api/v1/users/${user.id}/password`).set('Authorization', admin.auth).send({ newPassword: 'a-brand-new-password' }).expect(204);
      await me(user.auth).expect(401);
      await login(user.username, 'correct-horse-battery').expect(401);
      await login(user.username, 'a-brand-new-password').expect(200);
    });

    it('lists accounts a page at a time, active or not', async () => {
      const first = await http().get('/api/v1/users?limit=2&offset=0').set('Authorization', admin.auth).expect(200);
      const second = await http().get('/api/v1/users?limit=2&offset=2').set('Authorization', admin.auth).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.total).toBeGreaterThan(4);
      expect(second.body.total).toBe(first.body.total);
      const names = [...first.body.items, ...second.body.items].map((u: { username: string }) => u.username);
      expect(names).toEqual([...names].sort());
      expect(new Set(names).size).toBe(4);
      expect(first.body.items[0]).toHaveProperty('active');
      expect(first.body.items[0].passwordHash).toBeUndefined();
      await http().get('/api/v1/users?limit=1000').set('Authorization', admin.auth).expect(400);
    });

    it('is for administrators only', async () => {
      const manager = await createUser(api.app, 'manager');
      const target = await createUser(api.app, 'caseworker');
      await http().get('/api/v1/users').set('Authorization', manager.auth).expect(403);
      await http().get(`/api/v1/users/${target.id}`).set('Authorization', manager.auth).expect(403);
      await http().patch(`/api/v1/users/${target.id}`).set('Authorization', manager.auth).send({ active: false }).expect(403);
      await http().post(`/api/v1/users/${target.id}/password`).set('Authorization', manager.auth).send({ newPassword: 'a-brand-new-password' }).expect(403);
      await http().patch(`/api/v1/users/${target.id}`).send({ active: false }).expect(401);
      await me(target.auth).expect(200);
    });
  });

  describe('a user changes their own password', () => {
    it('needs the current password, and ends every other session', async () => {
      const user = await createUser(api.app, 'unit_handler', 'district-drc');
      const otherSession = (await login(user.username, 'correct-horse-battery').expect(200)).body.accessToken as string;

      const wrong = await http().post('/api/v1/auth/password').set('Authorization', user.auth).send({ currentPassword: 'nope', newPassword: 'my-new-long-password' }).expect(400);
      expect(wrong.body.errors).toMatchObject([{ field: 'currentPassword', messages: ['The current password is wrong'] }]);
      const short = await http().post('/api/v1/auth/password').set('Authorization', user.auth).send({ currentPassword: 'correct-horse-battery', newPassword: 'short' }).expect(400);
      expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['newPassword']);
      await me(user.auth).expect(200); // nothing changed yet

      const changed = await http().post('/api/v1/auth/password').set('Authorization', user.auth).send({ currentPassword: 'correct-horse-battery', newPassword: 'my-new-long-password' }).expect(200);
      await me(`Bearer ${changed.body.accessToken}`).expect(200);
      await me(user.auth).expect(401);
      await me(`Bearer ${otherSession}`).expect(401);
      await login(user.username, 'correct-horse-battery').expect(401);
      await login(user.username, 'my-new-long-password').expect(200);
      await http().post('/api/v1/auth/password').send({ currentPassword: 'x', newPassword: 'my-new-long-password' }).expect(401);
    });
  });
});
