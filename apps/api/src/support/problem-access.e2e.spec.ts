import { randomUUID } from 'node:crypto';
import type { TestUser } from '../../../../test/support/auth';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

const STEPS = [
  'categorize', 'assign', 'accept', 'return', 'progress', 'extension-request', 'extension-approval', 'extension-rejection',
  'escalate', 'supervise', 'resolve', 'follow-up', 'close', 'merge', 'withdraw',
];

describe.each(testDatabaseKinds())('who may see and do what with problems and visits, on %s', (kind) => {
  const w = useSupportWorld(kind);
  let uscc: string;
  /** Assigned to unit-drc with unit-hr as co-unit, accepted by unit-drc. */
  let assigned: string;
  /** Registered, never assigned. */
  let unassigned: string;
  let visitId: string;
  let position: number;

  beforeAll(async () => {
    const { caseworker, drc } = w.users;
    uscc = await w.registerEnterprise();
    const visit = await w
      .logVisit(visitBody(uscc, '2024-06-03', [caseworker.id], [{ title: '融资需求', category: '融资' }, { title: '招工难', category: '用工' }]))
      .expect(201);
    [assigned, unassigned] = visit.body.problemIds;
    visitId = visit.body.visitId;
    await w.step(assigned, 'assign', { on: '2024-06-03', leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr], level: 'district', workingDays: 5 }, caseworker).expect(200);
    position = (await w.step(assigned, 'accept', { on: '2024-06-04' }, drc).expect(200)).body.position;
  });

  it('no token (or a forged one) is a 401 on every route family, and appends nothing', async () => {
    const before = await w.eventCount();
    const routes: [method: 'get' | 'post', path: string][] = [
      ['post', '/api/v1/visits'],
      ['get', '/api/v1/visits'],
      ['post', `/api/v1/visits/${visitId}/void`],
      ['post', '/api/v1/problems'],
      ['get', '/api/v1/problems'],
      ['get', `/api/v1/problems/${assigned}`],
      ...STEPS.map((s): ['post', string] => ['post', `/api/v1/problems/${assigned}/${s}`]),
      ['get', '/api/v1/metrics/resolution?from=2024-06-01'],
      ['get', '/api/v1/metrics/visits?from=2024-06-01&to=2024-06-30'],
    ];
    for (const [method, path] of routes) {
      const res = await w.http()[method](path).send({});
      expect([path, res.status]).toEqual([path, 401]);
      const forged = await w.http()[method](path).set('Authorization', 'Bearer not.a.token').send({});
      expect([path, forged.status, forged.body.message]).toEqual([path, 401, expect.stringContaining('invalid')]);
    }
    expect(await w.eventCount()).toBe(before);
  });

  it('a wrong role is a 403 naming the roles allowed, and appends nothing', async () => {
    const { caseworker, manager, drc } = w.users;
    const before = await w.eventCount();
    const denied = async (user: TestUser, path: string, body: object = {}, method: 'get' | 'post' = 'post') => {
      const res = await w.http()[method](path).set('Authorization', user.auth).send(body);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.message).toContain(`you are ${user === drc ? 'unit_handler' : user === caseworker ? 'caseworker' : 'manager'}`);
    };
    const p = `/api/v1/problems/${assigned}`;
    // Only the handling unit resolves, accepts, reports progress, asks for more time.
    await denied(caseworker, `${p}/resolve`, { outcome: 'solved', summary: '已解决' });
    await denied(manager, `${p}/resolve`, { outcome: 'solved', summary: '已解决' });
    await denied(caseworker, `${p}/accept`);
    await denied(caseworker, `${p}/progress`, { note: '进展' });
    await denied(caseworker, `${p}/extension-request`, { workingDays: 3, reason: '延期' });
    // Only managers decide extensions, escalate and supervise.
    await denied(caseworker, `${p}/extension-approval`);
    await denied(caseworker, `${p}/extension-rejection`, { reason: '不同意' });
    await denied(caseworker, `${p}/escalate`, { to: 'city', reason: '升级' });
    await denied(caseworker, `${p}/supervise`, { note: '督办' });
    // A unit handler neither logs visits nor registers, assigns, follows up or closes problems.
    await denied(drc, '/api/v1/visits', visitBody(uscc, '2024-06-05', [drc.id]));
    await denied(drc, '/api/v1/problems', { enterpriseUscc: uscc, title: 't', description: 'd', category: '融资', source: 'hotline', raisedOn: '2024-06-05' });
    await denied(drc, `/api/v1/problems/${unassigned}/assign`, { leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 5 });
    for (const step of ['categorize', 'follow-up', 'close', 'merge', 'withdraw']) await denied(drc, `${p}/${step}`);
    await denied(drc, `/api/v1/visits/${visitId}/void`, { reason: '重复' });
    // Nor reads the zone's visits or its published figures: of the resolution figures, only its own unit's (unit=).
    await denied(drc, '/api/v1/visits', {}, 'get');
    for (const query of ['', `&unit=${UNITS.hr}`]) {
      const zone = await w.http().get(`/api/v1/metrics/resolution?from=2024-06-01${query}`).set('Authorization', drc.auth).expect(403);
      expect(zone.body).toMatchObject({ error: 'NOT_YOUR_UNIT', field: 'unit' });
    }
    await w.http().get(`/api/v1/metrics/resolution?from=2024-06-01&unit=${UNITS.drc}`).set('Authorization', drc.auth).expect(200);
    await denied(drc, '/api/v1/metrics/visits?from=2024-06-01&to=2024-06-30', {}, 'get');
    expect(await w.eventCount()).toBe(before);
  });

  it('a unit handler of another unit gets 404 on the problem and on acting on it, and does not see it in the list', async () => {
    const { tax, drc } = w.users;
    const before = await w.eventCount();
    const hidden = await w.problem(assigned, tax, position).expect(404);
    expect(hidden.body).toMatchObject({ error: 'PROBLEM_NOT_FOUND' });
    // Indistinguishable from a problem that does not exist at all: existence does not leak.
    const missing = randomUUID();
    const none = await w.problem(missing, tax).expect(404);
    expect(hidden.body.message.replace(assigned, 'ID')).toBe(none.body.message.replace(missing, 'ID'));

    const acts: [string, object][] = [
      ['accept', {}],
      ['return', { reason: '退回' }],
      ['progress', { note: '进展' }],
      ['extension-request', { workingDays: 2, reason: '延期' }],
      ['resolve', { outcome: 'solved', summary: '已解决' }],
    ];
    for (const [action, body] of acts) {
      const res = await w.step(assigned, action, { on: '2024-06-05', ...body }, tax);
      expect([action, res.status, res.body.error]).toEqual([action, 404, 'PROBLEM_NOT_FOUND']);
    }
    // Nor is an unassigned problem visible to any unit.
    await w.problem(unassigned, drc).expect(404);
    await w.step(unassigned, 'accept', { on: '2024-06-05' }, drc).expect(404);

    for (const query of [{}, { unitId: UNITS.drc }, { enterpriseUscc: uscc }]) {
      const list = await w.http().get('/api/v1/problems').query({ ...query, position }).set('Authorization', tax.auth).expect(200);
      expect(list.body).toEqual({ items: [], total: 0 });
    }
    expect(await w.eventCount()).toBe(before);
  });

  it('a co-unit handler sees the problem and reports progress, but only the lead unit resolves it', async () => {
    const { hr, drc, manager } = w.users;
    expect((await w.problem(assigned, hr, position).expect(200)).body).toMatchObject({ problemId: assigned, leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr] });
    const listed = await w.http().get('/api/v1/problems').query({ position }).set('Authorization', hr.auth).expect(200);
    expect(listed.body.items.map((p: { problemId: string }) => p.problemId)).toEqual([assigned]);
    expect(listed.body.items[0]).not.toHaveProperty('history');

    const resolve = await w.step(assigned, 'resolve', { on: '2024-06-05', outcome: 'solved', summary: '协办单位代为办结' }, hr).expect(403);
    expect(resolve.body).toMatchObject({ error: 'NOT_THE_HANDLING_UNIT' });
    await w.step(assigned, 'extension-request', { on: '2024-06-05', workingDays: 2, reason: '协办' }, hr).expect(403);
    const progress = await w.step(assigned, 'progress', { on: '2024-06-05', note: '已提供社保数据' }, hr).expect(200);
    expect(progress.body.status).toBe('in_progress');

    // The lead unit sees its problem; a manager sees everything and can filter by unit.
    const lead = await w.http().get('/api/v1/problems').query({ position: progress.body.position }).set('Authorization', drc.auth).expect(200);
    expect(lead.body.items.map((p: { problemId: string }) => p.problemId)).toEqual([assigned]);
    const all = await w.http().get('/api/v1/problems').query({ enterpriseUscc: uscc }).set('Authorization', manager.auth).expect(200);
    expect(all.body.total).toBe(2);
    const byUnit = await w.http().get('/api/v1/problems').query({ unitId: UNITS.hr }).set('Authorization', manager.auth).expect(200);
    expect(byUnit.body.items.map((p: { problemId: string }) => p.problemId)).toEqual([assigned]);
  });
});
