import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/** The problem list as a caseworker uses it: 我登记的诉求, each with its enterprise's name. */
describe.each(testDatabaseKinds())('the problem list on %s', (kind) => {
  const w = useSupportWorld(kind);
  let mine: string[] = [];
  let theirs: string[] = [];
  let uscc = '';
  let position = 0;

  beforeAll(async () => {
    const { caseworker, caseworker2 } = w.users;
    uscc = await w.registerEnterprise();
    const v1 = await w.logVisit(visitBody(uscc, '2024-06-03', [caseworker.id], [{ title: '融资难', category: '融资' }, { title: '招工难', category: '用工' }]), caseworker).expect(201);
    mine = v1.body.problemIds;
    const v2 = await w.logVisit(visitBody(uscc, '2024-06-04', [caseworker2.id], [{ title: '用地', category: '用地' }]), caseworker2).expect(201);
    theirs = v2.body.problemIds;
    const assigned = await w
      .step(mine[0], 'assign', { on: '2024-06-04', leadUnitId: UNITS.drc, coUnitIds: [], level: 'district', workingDays: 5 }, caseworker)
      .expect(200);
    position = assigned.body.position;
  });

  it('lists only the problems a caseworker registered, with who registered them', async () => {
    const { caseworker, caseworker2 } = w.users;
    const res = await w.http().get('/api/v1/problems').query({ registeredBy: caseworker.id, position }).set('Authorization', caseworker.auth).expect(200);
    expect(res.body.items.map((p: { problemId: string }) => p.problemId).sort()).toEqual([...mine].sort());
    expect(res.body.total).toBe(2);
    expect(res.body.items.every((p: { registeredBy: string }) => p.registeredBy === caseworker.id)).toBe(true);
    const other = await w.http().get('/api/v1/problems').query({ registeredBy: caseworker2.id, position }).set('Authorization', caseworker.auth).expect(200);
    expect(other.body.items.map((p: { problemId: string }) => p.problemId)).toEqual(theirs);
  });

  it('names the enterprise in the list, on the problem page and behind a figure', async () => {
    const { manager } = w.users;
    const name = `测试企业${uscc.slice(-5)}有限公司`;
    const list = await w.http().get('/api/v1/problems').query({ enterpriseUscc: uscc, position }).set('Authorization', manager.auth).expect(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.every((p: { enterpriseName: string }) => p.enterpriseName === name)).toBe(true);
    const one = await w.problem(mine[0], manager, position).expect(200);
    expect(one.body).toMatchObject({ enterpriseUscc: uscc, enterpriseName: name });
    const behind = await w
      .http()
      .get('/api/v1/metrics/resolution/problems')
      .query({ scope: 'period', from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-30', figure: 'collected', part: 'numerator', position })
      .set('Authorization', manager.auth)
      .expect(200);
    expect(behind.body.items.map((p: { enterpriseName: string }) => p.enterpriseName)).toEqual([name, name, name]);
  });

  it('keeps a unit handler to its unit whatever the filter, and refuses a malformed registeredBy', async () => {
    const { caseworker, drc, hr } = w.users;
    const ofDrc = await w.http().get('/api/v1/problems').query({ registeredBy: caseworker.id, position }).set('Authorization', drc.auth).expect(200);
    expect(ofDrc.body.items.map((p: { problemId: string }) => p.problemId)).toEqual([mine[0]]);
    const ofHr = await w.http().get('/api/v1/problems').query({ registeredBy: caseworker.id, position }).set('Authorization', hr.auth).expect(200);
    expect(ofHr.body.items).toEqual([]);
    const bad = await w.http().get('/api/v1/problems').query({ registeredBy: 'me' }).set('Authorization', caseworker.auth).expect(400);
    expect(bad.body.errors).toMatchObject([{ field: 'registeredBy', messages: ['registeredBy must be a user id (UUID)'] }]);
    await w.http().get('/api/v1/problems').query({ registeredBy: caseworker.id }).expect(401);
  });
});
