import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ZONE_STREAM, DemoLoader, generateDemoPlan, type DemoLoadResult } from '@app/demo';
import { startTestApi, type TestApp } from './test-app';
import type { TestDatabaseKind } from './test-database';
import { certificationFigures, problemFigures, subsidyFigures, visitFigures } from './demo-figures';

/** A tenth of a real zone: every kind of record is still in it (the plan forces each twist at least once). */
export const DEMO_TEST_SCALE = 0.1;

/**
 * The demo loads through the API's command handlers on `kind`; a second load appends nothing; and the
 * headline figures the API answers are the ones computed from the plan itself (test/support/demo-figures.ts).
 */
export function demoZoneSpec(kind: TestDatabaseKind): void {
  const plan = generateDemoPlan({ scale: DEMO_TEST_SCALE });
  let api: TestApp;
  let first: DemoLoadResult;
  let auth: string;
  const events = async () => Number((await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events`))[0].n);
  const get = (path: string, query: Record<string, string>) => request(api.app.getHttpServer()).get(path).query(query).set('Authorization', auth).expect(200);

  beforeAll(async () => {
    api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { demo: true });
    first = await api.app.get(DemoLoader).load(plan);
    const manager = plan.accounts.find((a) => a.role === 'manager')!;
    const login = await request(api.app.getHttpServer()).post('/api/v1/auth/login').send({ username: manager.username, password: manager.password }).expect(200);
    auth = `Bearer ${login.body.accessToken}`;
  }, 180_000);
  afterAll(() => api?.close());

  it('loads every step and marks the database as holding this demo plan', async () => {
    expect(first).toMatchObject({ outcome: 'loaded', steps: plan.steps.length });
    expect(first.eventsAppended).toBeGreaterThan(plan.steps.length);
    const marker = await api.app.get(DataSource).query(`SELECT type FROM es_events WHERE stream_id = $1 ORDER BY stream_position`, [DEMO_ZONE_STREAM]);
    expect(marker.map((m: { type: string }) => m.type)).toEqual(['DemoZoneLoadStarted', 'DemoZoneLoadCompleted']);
  });

  it('a second load appends nothing', async () => {
    const before = await events();
    const again = await api.app.get(DemoLoader).load(plan);
    expect(again).toMatchObject({ outcome: 'already_loaded', eventsAppended: 0 });
    expect(await events()).toBe(before);
  });

  it('走访家次 and distinct enterprises of the half-year, as the plan has them', async () => {
    const expected = visitFigures(plan, '2024-01-01', '2024-06-30', '2024-06-30');
    const res = await get('/api/v1/metrics/visits', { from: '2024-01-01', to: '2024-06-30', asOf: '2024-06-30' });
    expect(res.body.total).toMatchObject(expected);
    expect(expected.visits).toBeGreaterThan(200);
  });

  it('收集问题数 and 问题解决率 (numerator and denominator), cumulative since 1 January, as of 30 June', async () => {
    const expected = problemFigures(plan, '2024-01-01', '2024-06-30');
    const res = await get('/api/v1/metrics/resolution', { scope: 'cumulative', from: '2024-01-01', asOf: '2024-06-30' });
    expect(res.body.total.collected).toBe(expected.collected);
    expect(res.body.total.resolutionRate).toMatchObject({ numerator: expected.solved, denominator: expected.collected });
    expect(expected.solved).toBeLessThan(expected.collected); // some still open on 30 June
  });

  it('高企 and 省级专精特新: currently valid and 累计培育 as of 30 June', async () => {
    const res = await get('/api/v1/certifications/counts', { asOf: '2024-06-30', from: '2024-01-01', to: '2024-06-30' });
    for (const [type, level] of [['high_tech', 'national'], ['specialized_sme', 'province']]) {
      const count = res.body.counts.find((c: { type: string; level: string }) => c.type === type && c.level === level);
      expect({ type, currentlyValid: count.currentlyValid, everCertified: count.everCertified }).toEqual({ type, ...certificationFigures(plan, type, '2024-06-30') });
    }
  });

  it('subsidies paid and recovered in the half-year, exact in 分', async () => {
    const expected = subsidyFigures(plan, '2024-01-01', '2024-06-30');
    const res = await get('/api/v1/subsidies/metrics', { from: '2024-01-01', to: '2024-06-30' });
    expect({ disbursedFen: res.body.total.disbursed.fen, recoveredFen: res.body.total.recovered.fen }).toEqual(expected);
    expect(BigInt(expected.recoveredFen)).toBeGreaterThan(0n);
  });

  it('monthly summaries January to June by the job, March corrected with a reason', async () => {
    for (const month of ['2024-01', '2024-02', '2024-04', '2024-05', '2024-06']) {
      expect((await get(`/api/v1/reports/monthly/${month}`, {})).body.versions).toHaveLength(1);
    }
    const march = (await get('/api/v1/reports/monthly/2024-03', {})).body;
    expect(march.versions.map((v: { reason: string | null }) => v.reason)).toEqual([null, expect.stringContaining('补录')]);
    expect(march.versions[1].supersedesVersion).toBe(1);
  });
}
