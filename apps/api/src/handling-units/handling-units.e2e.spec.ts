import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { UNITS, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/*
 * The handling-unit registry over HTTP: administrators register and change units, everyone signed in reads
 * them, and the paths that refer to a unit (assign, reassign, co-units, a new unit handler) accept only a
 * registered, active one. Every refusal appends nothing.
 */
describe.each(testDatabaseKinds())('the handling-unit registry on %s', (kind) => {
  const w = useSupportWorld(kind);
  const admin = () => w.users.admin.auth;
  const unitEvents = async () => {
    const [{ n }] = await w.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'handling-unit-%'`);
    return n as number;
  };
  const register = (body: object, auth = admin()) => w.http().post('/api/v1/admin/units').set('Authorization', auth).send(body);
  const act = (id: string, action: string, body: object = {}, auth = admin()) =>
    w.http().post(`/api/v1/admin/units/${id}/${action}`).set('Authorization', auth).send(body);
  const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

  it('an admin registers a unit under a parent; anyone signed in reads it, by page and by code', async () => {
    const city = await register({ id: 'city-tax', name: '市税务局', level: 'city' }).expect(201);
    expect(city.body).toMatchObject({ unitId: 'city-tax', active: true, version: 1 });
    const created = await register({ id: 'district-tax', name: ' 区税务分局 ', level: 'district', parentId: 'city-tax' }).expect(201);

    const one = await w.http().get('/api/v1/units/district-tax').query({ position: created.body.position }).set('Authorization', w.users.caseworker.auth).expect(200);
    expect(one.body).toMatchObject({ id: 'district-tax', name: '区税务分局', level: 'district', parentId: 'city-tax', parentName: '市税务局', active: true, version: 1 });

    const page = await w.http().get('/api/v1/units').query({ limit: 2, offset: 0, position: created.body.position }).set('Authorization', w.users.drc.auth).expect(200);
    expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 0 }); // the fixture's three units and these two
    expect(page.body.items.map((u: { level: string }) => u.level)).toEqual(['district', 'district']); // 区 first
    const cities = await w.http().get('/api/v1/units').query({ level: 'city', position: created.body.position }).set('Authorization', w.users.manager.auth).expect(200);
    expect(cities.body.items.map((u: { id: string }) => u.id)).toEqual(['city-tax']);
    await w.http().get('/api/v1/units/nowhere').set('Authorization', w.users.manager.auth).expect(404);

    // The same registration again changes nothing; another unit under a taken code is a 409 naming the field.
    const before = await unitEvents();
    expect((await register({ id: 'city-tax', name: '市税务局', level: 'city' }).expect(201)).body.position).toBeNull();
    const taken = await register({ id: 'city-tax', name: '市财政局', level: 'city' }).expect(409);
    expect(taken.body).toMatchObject({ error: 'HANDLING_UNIT_EXISTS', field: 'id' });
    expect(await unitEvents()).toBe(before);
  });

  it('bad input is a 400 naming each field, a bad reference a 422 naming it; nothing is appended', async () => {
    const before = await unitEvents();
    const bad = await register({ id: 'bad code!', name: '', level: 'county', parentId: 'x y', extra: 1 }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['extra', 'id', 'level', 'name', 'parentId']);
    expect(fieldsOf((await register({}).expect(400)).body)).toEqual(['id', 'level', 'name']);
    const badChange = await act(UNITS.tax, 'change', { name: 'x'.repeat(61), level: 'town', parentId: 7 }).expect(400);
    expect(fieldsOf(badChange.body)).toEqual(['level', 'name', 'parentId']);
    await w.http().get('/api/v1/units').query({ active: 'yes', limit: 0 }).set('Authorization', admin()).expect(400);

    const unknownParent = await register({ id: 'district-x', name: '区某局', level: 'district', parentId: 'city-nowhere' }).expect(422);
    expect(unknownParent.body).toMatchObject({ error: 'HANDLING_UNIT_INVALID', field: 'parentId', errors: [{ field: 'parentId' }] });
    const blank = await register({ id: 'district-x', name: '   ', level: 'district' }).expect(422);
    expect(blank.body.errors).toEqual([{ field: 'name', messages: [expect.stringContaining('name: must be 1-60')] }]);
    await act('unit-nowhere', 'deactivate').expect(404);
    expect(await unitEvents()).toBe(before);
  });

  it('only admins change the registry (403); without a token it is 401', async () => {
    const before = await unitEvents();
    for (const user of [w.users.manager, w.users.caseworker, w.users.drc]) {
      await register({ id: 'district-y', name: '区某局', level: 'district' }, user.auth).expect(403);
      await act(UNITS.tax, 'deactivate', {}, user.auth).expect(403);
      await act(UNITS.tax, 'change', { name: '改名' }, user.auth).expect(403);
    }
    await w.http().post('/api/v1/admin/units').send({ id: 'district-y', name: '区某局', level: 'district' }).expect(401);
    await w.http().post(`/api/v1/admin/units/${UNITS.tax}/reactivate`).expect(401);
    await w.http().get('/api/v1/units').expect(401);
    expect(await unitEvents()).toBe(before);
  });

  it('renames, changes the level and moves a unit; refuses a loop; deactivates and reactivates', async () => {
    await register({ id: 'prov-a', name: '省甲厅', level: 'province' }).expect(201);
    await register({ id: 'city-a', name: '市甲局', level: 'city', parentId: 'prov-a' }).expect(201);
    const changed = await act('city-a', 'change', { name: '市甲委', level: 'province', expectedVersion: 1 }).expect(200);
    expect(changed.body).toMatchObject({ unitId: 'city-a', version: 3 });
    await act('city-a', 'change', { name: '又一名', expectedVersion: 1 }).expect(409);
    // prov-a under city-a, which is under prov-a: a loop.
    const before = await unitEvents();
    const loop = await act('prov-a', 'change', { parentId: 'city-a' }).expect(422);
    expect(loop.body).toMatchObject({ field: 'parentId', message: expect.stringContaining('under prov-a already') });
    expect(await unitEvents()).toBe(before);
    const detached = await act('city-a', 'change', { parentId: null }).expect(200);
    const read = await w.http().get('/api/v1/units/city-a').query({ position: detached.body.position }).set('Authorization', admin()).expect(200);
    expect(read.body).toMatchObject({ name: '市甲委', level: 'province', parentId: null, version: 4 });

    const off = await act('city-a', 'deactivate', { reason: '机构改革' }).expect(200);
    expect(off.body).toMatchObject({ active: false });
    expect((await act('city-a', 'deactivate').expect(200)).body.position).toBeNull();
    const inactive = await w.http().get('/api/v1/units').query({ active: false, position: off.body.position }).set('Authorization', admin()).expect(200);
    expect(inactive.body.items.map((u: { id: string }) => u.id)).toEqual(['city-a']);
    // A deactivated unit takes no new sub-units.
    expect((await register({ id: 'district-a', name: '区甲局', level: 'district', parentId: 'city-a' }).expect(422)).body.field).toBe('parentId');
    expect((await act('city-a', 'reactivate').expect(200)).body).toMatchObject({ active: true, version: 6 });
  });

  it('a problem is assigned, reassigned and co-assigned only to registered, active units', async () => {
    const uscc = await w.registerEnterprise();
    const visit = await w.logVisit(visitBody(uscc, '2024-09-02', [w.users.caseworker.id], [{ title: '招工难', category: '用工' }])).expect(201);
    const id: string = visit.body.problemIds[0];
    const problemEvents = async () => {
      const [{ n }] = await w.api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1`, [`problem-${id}`]);
      return n as number;
    };
    await register({ id: 'district-closed', name: '区撤并局', level: 'district' }).expect(201);
    await act('district-closed', 'deactivate').expect(200);
    const assign = (body: object) => w.step(id, 'assign', { on: '2024-09-02', coUnitIds: [], level: 'district', workingDays: 5, ...body }, w.users.caseworker);
    const before = await problemEvents();

    const unknown = await assign({ leadUnitId: 'unit-nowhere' }).expect(422);
    expect(unknown.body).toMatchObject({ error: 'HANDLING_UNIT_UNKNOWN', field: 'leadUnitId', errors: [{ field: 'leadUnitId' }] });
    const inactiveLead = await assign({ leadUnitId: 'district-closed' }).expect(422);
    expect(inactiveLead.body).toMatchObject({ error: 'HANDLING_UNIT_INACTIVE', field: 'leadUnitId' });
    const inactiveCo = await assign({ leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr, 'district-closed'] }).expect(422);
    expect(inactiveCo.body).toMatchObject({ error: 'HANDLING_UNIT_INACTIVE', field: 'coUnitIds[1]' });
    expect(await problemEvents()).toBe(before);

    // Assigned to a unit, returned, then reassigned: the same check, and a unit handler of the unit sees it.
    await assign({ leadUnitId: UNITS.drc, coUnitIds: [UNITS.hr] }).expect(200);
    await w.step(id, 'return', { on: '2024-09-02', reason: '非本单位职责' }, w.users.drc).expect(200);
    const afterReturn = await problemEvents();
    expect((await assign({ leadUnitId: 'unit-nowhere' }).expect(422)).body.field).toBe('leadUnitId');
    expect(await problemEvents()).toBe(afterReturn);
    await assign({ leadUnitId: UNITS.tax }).expect(200);
  });

  it('an admin creates a unit handler only for a registered, active unit', async () => {
    await register({ id: 'district-gone', name: '区旧局', level: 'district' }).expect(201);
    await act('district-gone', 'deactivate').expect(200);
    const body = { displayName: '赵磊', password: 'another-long-password', role: 'unit_handler' };
    const users = async () => (await w.http().get('/api/v1/users').set('Authorization', admin()).expect(200)).body.length as number;
    const before = await users();
    const unknown = await w.http().post('/api/v1/users').set('Authorization', admin()).send({ ...body, username: 'zhao.lei', unitId: 'district-nowhere' }).expect(422);
    expect(unknown.body).toMatchObject({ error: 'HANDLING_UNIT_UNKNOWN', field: 'unitId', errors: [{ field: 'unitId' }] });
    const gone = await w.http().post('/api/v1/users').set('Authorization', admin()).send({ ...body, username: 'zhao.lei', unitId: 'district-gone' }).expect(422);
    expect(gone.body).toMatchObject({ error: 'HANDLING_UNIT_INACTIVE', field: 'unitId' });
    expect(await users()).toBe(before);
    const made = await w.http().post('/api/v1/users').set('Authorization', admin()).send({ ...body, username: 'zhao.lei', unitId: UNITS.hr }).expect(201);
    expect(made.body).toMatchObject({ role: 'unit_handler', unitId: UNITS.hr });
  });
});
