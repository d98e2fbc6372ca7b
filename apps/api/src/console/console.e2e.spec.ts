import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createUser } from '../../../../test/support/auth';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';

/** The API serves the built console at / with deep links, and keeps its own routes (and a missing asset) its own. */
describe('the console, served by the API', () => {
  let api: TestApp;
  let dir: string;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhuqi-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>助企</title><div id="app"></div></html>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    api = await startTestApi('pglite', { CONSOLE_DIR: dir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / and any deep link with index.html', async () => {
    for (const path of ['/', '/problems/5b1a0c2e-0000-4000-8000-000000000000', '/admin/users']) {
      const res = await http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="app">');
    }
    await http().get('/assets/app.js').expect(200);
  });

  it('leaves the API, health, metrics and missing assets alone', async () => {
    expect((await http().get('/api/v1/no-such-route').expect(404)).headers['content-type']).toMatch(/json/);
    expect((await http().get('/assets/missing.js').expect(404)).text).not.toContain('<div id="app">');
    expect((await http().get('/health').expect(200)).headers['content-type']).toMatch(/json/);
    expect((await http().get('/metrics').expect(200)).text).toContain('# HELP');
  });

  it('the colleague directory: names, roles and units for any logged-in user, never credentials', async () => {
    const unit = await createUser(api.app, 'unit_handler', 'unit-drc');
    const caseworker = await createUser(api.app, 'caseworker');
    await http().get('/api/v1/users/directory').expect(401);
    const res = await http().get('/api/v1/users/directory').set('Authorization', unit.auth).expect(200);
    expect(res.body).toEqual(expect.arrayContaining([
      { id: caseworker.id, displayName: caseworker.username, role: 'caseworker', unitId: null },
      { id: unit.id, displayName: unit.username, role: 'unit_handler', unitId: 'unit-drc' },
    ]));
    for (const person of res.body) expect(Object.keys(person).sort()).toEqual(['displayName', 'id', 'role', 'unitId']);
    // The full account list stays an admin's.
    await http().get('/api/v1/users').set('Authorization', caseworker.auth).expect(403);
  });
});
