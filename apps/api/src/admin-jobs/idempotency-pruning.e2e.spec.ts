import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { useSupportWorld, visitBody } from '../../../../test/support/support-fixtures';

/**
 * The idempotency-pruning job: records older than IDEMPOTENCY_RETENTION_DAYS (30 by default) go from both the HTTP
 * and the store table; younger ones stay and still replay. Run in-process through the admin trigger.
 */
describe.each(testDatabaseKinds())('idempotency-pruning job on %s', (kind) => {
  const savedRedisUrl = process.env.REDIS_URL;
  beforeAll(() => delete process.env.REDIS_URL);
  afterAll(() => {
    if (savedRedisUrl !== undefined) process.env.REDIS_URL = savedRedisUrl;
  });
  const w = useSupportWorld(kind);
  const db = () => w.api.app.get(DataSource);
  const count = async (table: string): Promise<number> => (await db().query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const run = (body: object, auth = w.users.admin.auth) => w.http().post('/api/v1/admin/jobs/run').set('Authorization', auth).send(body);

  it('removes HTTP and store keys past the retention, keeps younger ones, which still replay', async () => {
    const uscc = await w.registerEnterprise();
    const oldKey = randomUUID();
    const youngKey = randomUUID();
    await w.logVisit(visitBody(uscc, '2024-09-02', [w.users.caseworker.id], [{ title: '用工难', category: '用工' }]), w.users.caseworker, oldKey).expect(201);
    // Everything recorded up to here (the world's setup and the old request) is what gets aged past the retention.
    const keysOf = async (table: string): Promise<string[]> => (await db().query(`SELECT key FROM ${table}`)).map((r: { key: string }) => r.key);
    const oldHttpKeys = await keysOf('http_idempotency_keys');
    const oldStoreKeys = await keysOf('es_idempotency_keys');
    const young = await w.logVisit(visitBody(uscc, '2024-09-03', [w.users.caseworker.id], []), w.users.caseworker, youngKey).expect(201);
    const before = { http: await count('http_idempotency_keys'), store: await count('es_idempotency_keys') };
    expect(before.http).toBeGreaterThan(oldHttpKeys.length);
    expect(before.store).toBeGreaterThan(oldStoreKeys.length);

    // Age the old records past the retention, by the database clock.
    await db().query(`UPDATE http_idempotency_keys SET created_at = now() - interval '31 days' WHERE key = ANY($1::text[])`, [oldHttpKeys]);
    await db().query(`UPDATE es_idempotency_keys SET created_at = now() - interval '31 days' WHERE key = ANY($1::text[])`, [oldStoreKeys]);
    const aged = {
      http: (await db().query(`SELECT count(*)::int AS n FROM http_idempotency_keys WHERE created_at < now() - interval '30 days'`))[0].n,
      store: (await db().query(`SELECT count(*)::int AS n FROM es_idempotency_keys WHERE created_at < now() - interval '30 days'`))[0].n,
    };
    expect(aged.http).toBeGreaterThanOrEqual(1);
    expect(aged.store).toBeGreaterThanOrEqual(1);

    const pruned = await run({ job: 'idempotency-pruning', period: '2024-10-10' }).expect(201);
    expect(pruned.body).toMatchObject({ mode: 'in-process', jobId: 'idempotency-pruning:default:2024-10-10' });
    expect(pruned.body.result).toMatchObject({ on: '2024-10-10', retentionDays: 30, httpKeysDeleted: aged.http, storeKeysDeleted: aged.store });
    expect(await count('http_idempotency_keys')).toBe(before.http - aged.http);
    expect(await count('es_idempotency_keys')).toBe(before.store - aged.store);

    // Nothing younger than the cutoff went: the young request still replays its first answer, appending nothing.
    const events = await count('es_events');
    const replay = await w.logVisit(visitBody(uscc, '2024-09-03', [w.users.caseworker.id], []), w.users.caseworker, youngKey).expect(201);
    expect(replay.body).toEqual(young.body);
    expect(await count('es_events')).toBe(events);

    // A second run the same day has nothing left to remove.
    const again = await run({ job: 'idempotency-pruning', period: '2024-10-10' }).expect(201);
    expect(again.body.result).toMatchObject({ httpKeysDeleted: 0, storeKeysDeleted: 0 });
  });

  it('is for admins only, and takes a YYYY-MM-DD period', async () => {
    await run({ job: 'idempotency-pruning' }, w.users.manager.auth).expect(403);
    await run({ job: 'idempotency-pruning' }, w.users.caseworker.auth).expect(403);
    const bad = await run({ job: 'idempotency-pruning', period: '2024-10' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('YYYY-MM-DD');
  });
});
