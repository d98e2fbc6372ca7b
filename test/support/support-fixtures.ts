import request from 'supertest';
import { DataSource } from 'typeorm';
import { usccCheckCharacter } from '@app/enterprises';
import { createUser, type TestUser } from './auth';
import { registerUnits } from './handling-units';
import { startTestApi, type TestApp } from './test-app';
import type { TestDatabaseKind } from './test-database';

/** The handling units the support specs assign to (registered by useSupportWorld). */
export const UNITS = { drc: 'unit-drc', hr: 'unit-hr', tax: 'unit-tax' } as const;

let serial = 0;
/** A fresh valid USCC per call: 17 characters of body and the check character computed for them. */
export function newUscc(): string {
  const body = `91330100MA${String(++serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

/** The same USCC with a wrong check character. */
export function withWrongCheck(uscc: string): string {
  return uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
}

export interface SupportUsers {
  caseworker: TestUser;
  caseworker2: TestUser;
  manager: TestUser;
  admin: TestUser;
  /** Unit handlers, by unit: drc and drc2 act for unit-drc, hr for unit-hr, tax for unit-tax. */
  drc: TestUser;
  drc2: TestUser;
  hr: TestUser;
  tax: TestUser;
}

/** Everything a support spec needs: the app, a user per role, and thin HTTP helpers. */
export interface SupportWorld {
  api: TestApp;
  users: SupportUsers;
  http(): ReturnType<typeof request>;
  /** Events in the streams the support and registry routes write (not the calendar seeded at start-up). */
  eventCount(): Promise<number>;
  registerEnterprise(park?: string): Promise<string>;
  logVisit(body: object, user?: TestUser, idempotencyKey?: string): request.Test;
  step(id: string, action: string, body: object, user: TestUser): request.Test;
  /** GET /problems/:id, waiting for the read models to reach `position` when given. */
  problem(id: string, user: TestUser, position?: number | null): request.Test;
}

/**
 * Starts the API with projections in-process for a describe block (beforeAll/afterAll), creates the
 * users, and waits until the working calendar seeded at start-up is in its read model.
 */
/**
 * The fixtures log many alike visits (one firm, one date, one caseworker) as setup, so the likely-duplicate check is
 * off here unless a suite asks for it (`{ VISIT_DUPLICATE_WINDOW_MINUTES: '10' }`): visits.e2e.spec.ts does.
 */
export function useSupportWorld(kind: TestDatabaseKind, env: Record<string, string> = {}): SupportWorld {
  const world = {} as SupportWorld;
  beforeAll(async () => {
    const api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', VISIT_DUPLICATE_WINDOW_MINUTES: '0', ...env });
    const http = () => request(api.app.getHttpServer());
    const make = (role: Parameters<typeof createUser>[1], unit?: string) => createUser(api.app, role, unit);
    await registerUnits(api.app, Object.values(UNITS));
    // argon2 hashing dominates: the eight accounts are made side by side (libuv's threads), not one after another.
    const [caseworker, caseworker2, manager, admin, drc, drc2, hr, tax] = await Promise.all([
      make('caseworker'),
      make('caseworker'),
      make('manager'),
      make('admin'),
      make('unit_handler', UNITS.drc),
      make('unit_handler', UNITS.drc),
      make('unit_handler', UNITS.hr),
      make('unit_handler', UNITS.tax),
    ]);
    const users: SupportUsers = { caseworker, caseworker2, manager, admin, drc, drc2, hr, tax };
    Object.assign(world, {
      api,
      users,
      http,
      async eventCount() {
        const [{ n }] = await api.app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE ANY (ARRAY['problem-%', 'visit-%', 'enterprise-%'])`);
        return n as number;
      },
      async registerEnterprise(park = '智能制造产业园') {
        const uscc = newUscc();
        await http()
          .post('/api/v1/enterprises')
          .set('Authorization', users.manager.auth)
          .send({ uscc, name: `测试企业${uscc.slice(-5)}有限公司`, address: '科创大道 1 号', park, industry: '通用设备制造业' })
          .expect(201);
        return uscc;
      },
      logVisit(body: object, user = users.caseworker, idempotencyKey?: string) {
        const req = http().post('/api/v1/visits').set('Authorization', user.auth);
        return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
      },
      step(id: string, action: string, body: object, user: TestUser) {
        return http().post(`/api/v1/problems/${id}/${action}`).set('Authorization', user.auth).send(body);
      },
      problem(id: string, user: TestUser, position?: number | null) {
        return http()
          .get(`/api/v1/problems/${id}`)
          .query(position ? { position } : {})
          .set('Authorization', user.auth);
      },
    });
    // The calendar was seeded during start-up (onApplicationBootstrap): wait for the read model to hold it.
    const [{ head }] = await api.app.get(DataSource).query('SELECT max(global_position)::int AS head FROM es_events');
    const years = await http().get(`/api/v1/calendar?position=${head}`).set('Authorization', users.caseworker.auth).expect(200);
    expect(years.body.years).toEqual([2024, 2025, 2026]);
  });
  afterAll(() => world.api?.close());
  return world;
}

/** A visit body with sensible defaults: one caseworker, on site, the given problems. */
export function visitBody(
  enterpriseUscc: string,
  visitedOn: string,
  caseworkerIds: string[],
  problems: { title: string; category: string; description?: string }[] = [],
) {
  return {
    enterpriseUscc,
    visitedOn,
    caseworkerIds,
    form: 'on_site',
    notes: '走访座谈，了解企业生产经营情况',
    problems: problems.map(({ title, category, description }) => ({ title, category, description: description ?? `${title}：详细情况` })),
  };
}
