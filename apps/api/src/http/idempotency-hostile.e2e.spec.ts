import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { newUscc, useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

const SECRET = 'test-idempotency-secret-0123456789abcdef';
const IMPORTS = '/api/v1/certifications/imports';
const HEADER = '企业名称,统一社会信用代码,类型,级别,批次,文号,公告日期,有效期起,有效期止';
const list = (uscc: string) => `${HEADER}\n企业${uscc.slice(-4)},${uscc},创新型中小企业,,2024年第一批,工信〔2024〕1号,2024-03-01,2024-03-01,`;

describe.each(testDatabaseKinds())('Idempotency-Key that cannot be turned against us, over HTTP on %s', (kind) => {
  beforeAll(() => {
    process.env.IDEMPOTENCY_SECRET = SECRET;
  });
  const w = useSupportWorld(kind);
  afterAll(() => {
    delete process.env.IDEMPOTENCY_SECRET;
  });
  let uscc: string;
  beforeAll(async () => {
    uscc = await w.registerEnterprise();
  });
  const rows = async (sql: string, params: unknown[] = []) => w.api.app.get(DataSource).query(sql, params);
  const upload = (content: string, name: string, key: string) =>
    w.http().post(IMPORTS).set('Authorization', w.users.manager.auth).set('Idempotency-Key', key).attach('file', Buffer.from(content), name);

  it('the fingerprint covers the uploaded file: another file under the same key is a 422, the same file replays', async () => {
    const first = await upload(list(newUscc()), 'list.csv', `upload-${kind}`).expect(201);
    const other = await upload(list(newUscc()), 'list.csv', `upload-${kind}`).expect(422);
    expect(other.body.message).toContain('different request');
    const again = await upload(list(first.body.rows[0].uscc), 'list.csv', `upload-${kind}`).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.importId).toBe(first.body.importId);
  });

  it('a login is never recorded: no token kept, no digest of the password, no replay', async () => {
    const before = (await rows('SELECT count(*)::int AS n FROM http_idempotency_keys'))[0].n;
    const login = () =>
      w.http().post('/api/v1/auth/login').set('Idempotency-Key', `login-${kind}`).send({ username: w.users.caseworker.username, password: 'correct-horse-battery' });
    await login().expect(200);
    const second = await login().expect(200);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect((await rows('SELECT count(*)::int AS n FROM http_idempotency_keys'))[0].n).toBe(before);
    expect(await rows(`SELECT key FROM http_idempotency_keys WHERE key LIKE '%login-%' OR response::text LIKE '%accessToken%'`)).toEqual([]);
  });

  it('fingerprints are HMACs under IDEMPOTENCY_SECRET, not plain digests of the request', async () => {
    const body = visitBody(uscc, '2024-06-12', [w.users.caseworker.id], [{ title: '指纹', category: '其他' }]);
    await w.logVisit(body, w.users.caseworker, `hmac-${kind}`).expect(201);
    const [row] = await rows('SELECT fingerprint FROM http_idempotency_keys WHERE key = $1', [`${w.users.caseworker.id}:hmac-${kind}`]);
    const expected = createHmac('sha256', SECRET).update(`POST /api/v1/visits\n${JSON.stringify(body)}\n`).digest('hex');
    expect(row.fingerprint).toBe(expected);
  });

  it('a failed request keeps its fingerprint: the same request runs again, another body under that key is a 422', async () => {
    const body = visitBody(uscc, '2024-06-13', [w.users.caseworker.id], [{ title: '失败后重试', category: '其他' }]);
    const before = await w.eventCount();
    await w.logVisit({ ...body, visitedOn: '2024-06-31' }, w.users.caseworker, `failed-${kind}`).expect(400);
    // The same (bad) request is run again, not answered from a record…
    const again = await w.logVisit({ ...body, visitedOn: '2024-06-31' }, w.users.caseworker, `failed-${kind}`).expect(400);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    // …and a different one under the key is refused: it could otherwise be answered with the first one's append.
    const other = await w.logVisit(body, w.users.caseworker, `failed-${kind}`).expect(422);
    expect(other.body.message).toContain('different request');
    expect(await w.eventCount()).toBe(before);
  });

  it('the key length is checked where the key enters: 200 characters work end to end, 201 is a 400 on the header', async () => {
    const body = visitBody(uscc, '2024-06-14', [w.users.caseworker.id], [{ title: '长键', category: '其他' }]);
    const longest = 'k'.repeat(199) + kind[0];
    const first = await w.logVisit(body, w.users.caseworker, longest).expect(201);
    const retry = await w.logVisit(body, w.users.caseworker, longest).expect(201);
    expect(retry.body).toEqual(first.body);
    const tooLong = await w.logVisit(body, w.users.caseworker, 'k'.repeat(201)).expect(400);
    expect(tooLong.body.errors).toMatchObject([{ field: 'Idempotency-Key', messages: [expect.stringContaining('1-200')] }]);
  });

  // Judged by the stamps the database wrote with its own now(): a claim whose heartbeat is fresh by that clock is
  // running, one whose heartbeat is old by it is abandoned. (A check that also moved the Node clock ahead with a
  // global Date.now mock was dropped: this suite's app close once hung past 60 s in CI, and a mocked clock in a
  // process that runs the projections' leases and pollers is the likely cause.) PGlite shares this process's clock, so only a server
  // shows the two clocks apart: the case exists on PostgreSQL only (registered there, not skipped on PGlite).
  const onServer = kind === 'postgres' ? it : () => undefined;
  onServer('an in-progress claim is judged by the database clock: a fresh heartbeat refuses a retry, an old one lets it take over', async () => {
    const body = visitBody(uscc, '2024-06-17', [w.users.caseworker.id], [{ title: '时钟', category: '其他' }]);
    const key = `${w.users.caseworker.id}:clock-${kind}`;
    const fingerprint = createHmac('sha256', SECRET).update(`POST /api/v1/visits\n${JSON.stringify(body)}\n`).digest('hex');
    // A request that is running right now (its heartbeat is fresh by the database's clock).
    await rows(`INSERT INTO http_idempotency_keys (key, fingerprint, claim_token, created_at) VALUES ($1, $2, gen_random_uuid(), now())`, [key, fingerprint]);
    const res = await w.logVisit(body, w.users.caseworker, `clock-${kind}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('still being processed');
    // Abandoned by the database's clock: a retry takes it over and runs it once.
    await rows(`UPDATE http_idempotency_keys SET heartbeat_at = now() - interval '10 minutes', created_at = now() - interval '10 minutes' WHERE key = $1`, [key]);
    const taken = await w.logVisit(body, w.users.caseworker, `clock-${kind}`).expect(201);
    expect(taken.headers['idempotent-replayed']).toBeUndefined();
  });
});
