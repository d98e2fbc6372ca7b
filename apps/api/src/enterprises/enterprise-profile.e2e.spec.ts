import request from 'supertest';
import { usccCheckCharacter } from '@app/enterprises';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { createUser, type TestUser } from '../../../../test/support/auth';

const body = '91330100MA9900001';
const USCC = body + usccCheckCharacter(body);

/** GET /api/v1/enterprises/:uscc: one profile from every context, and one timeline of its events. */
describe.each(testDatabaseKinds())('enterprise profile on %s', (kind) => {
  let api: TestApp;
  let caseworker: TestUser;
  let manager: TestUser;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true' });
    caseworker = await createUser(api.app, 'caseworker');
    manager = await createUser(api.app, 'manager');
  });
  afterAll(() => api?.close());

  it('shows the registry entry, certifications with today’s status, visits, problems, subsidies and the timeline', async () => {
    const post = (path: string, user: TestUser, payload: object) =>
      http().post(`/api/v1${path}`).set('Authorization', user.auth).send(payload);
    await post('/enterprises', caseworker, { uscc: USCC, name: '远景新材料有限公司', address: '光谷大道 1 号', park: '新材料园', industry: '新材料' }).expect(201);
    await post('/visits', caseworker, {
      enterpriseUscc: USCC,
      visitedOn: '2024-06-14',
      caseworkerIds: [caseworker.id],
      form: 'on_site',
      notes: '走访了解经营情况',
      problems: [{ title: '用工紧张', description: '缺少技术工人', category: '用工' }],
    }).expect(201);
    await post('/certifications', manager, {
      uscc: USCC,
      type: 'specialized_sme',
      level: 'province',
      batch: '2024年第一批',
      documentNumber: '豫工信〔2024〕1号',
      announcedOn: '2024-05-20',
      validFrom: '2024-05-01',
    }).expect(201);
    const item = await post('/subsidies/policy-items', manager, { name: '研发费用补助', policyYear: 2023, issuingUnit: '区科技局', mode: 'application' }).expect(201);
    const opened = await post('/subsidies/cases', caseworker, { how: 'apply', enterpriseUscc: USCC, policyItemId: item.body.policyItemId, on: '2024-06-20' }).expect(201);

    const profile = await http().get(`/api/v1/enterprises/${USCC}?position=${opened.body.position}`).set('Authorization', manager.auth).expect(200);
    expect(profile.body).toMatchObject({ uscc: USCC, name: '远景新材料有限公司', park: '新材料园' });
    expect(profile.body.certifications).toEqual([
      expect.objectContaining({ type: 'specialized_sme', level: 'province', validFrom: '2024-05-01', validTo: '2027-04-30', status: expect.any(String) }),
    ]);
    expect(profile.body.visits.items).toHaveLength(1);
    expect(profile.body.problems.items).toEqual([expect.objectContaining({ title: '用工紧张', status: 'registered' })]);
    expect(profile.body.subsidies.items).toHaveLength(1);
    // The timeline, in business-date order: every context's events about this enterprise.
    const types = profile.body.timeline.items.map((e: { type: string }) => e.type);
    expect(profile.body.timeline.total).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining(['EnterpriseRegistered', 'VisitLogged', 'ProblemRegistered', 'CertificationGranted']));
    expect(types.some((t: string) => t.startsWith('Subsidy'))).toBe(true);
    const dates = profile.body.timeline.items.map((e: { on: string }) => e.on);
    expect(dates).toEqual([...dates].sort());
  });

  it('is 404 for an unknown enterprise and 403 for a unit handler', async () => {
    const unknownBody = '91330100MA9900002';
    await http().get(`/api/v1/enterprises/${unknownBody}${usccCheckCharacter(unknownBody)}`).set('Authorization', manager.auth).expect(404);
    const handler = await createUser(api.app, 'unit_handler', 'unit-x');
    await http().get(`/api/v1/enterprises/${USCC}`).set('Authorization', handler.auth).expect(403);
  });
});
