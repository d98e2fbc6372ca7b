import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApp } from '../../../../test/support/test-app';
import { testDatabaseKinds } from '../../../../test/support/test-database';
import { createUser, type TestUser } from '../../../../test/support/auth';

interface Status {
  name: string;
  healthy: boolean;
  problem?: string;
  failure: { event: { globalPosition: number; type: string }; error: string; attempts: number; stoppedAt: string | null } | null;
  skipped: { count: number; latest: { globalPosition: number; reason: string; skippedBy: string } | null };
}

describe.each(testDatabaseKinds())('admin: a projection stopped on a poison event, on %s', (kind) => {
  let api: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi(kind, { PROJECTIONS_IN_API: 'true', PROJECTION_MAX_ATTEMPTS: '2', PROJECTION_RETRY_DELAY_MS: '20' });
    admin = await createUser(api.app, 'admin');
    manager = await createUser(api.app, 'manager');
  });
  afterAll(() => api?.close());

  async function statuses(): Promise<Status[]> {
    await sleep(1_050); // the admin list is at most a second old
    return (await http().get('/api/v1/admin/projections').set('Authorization', admin.auth).expect(200)).body;
  }

  it('health names it; an admin inspects the event and skips it with a reason; others may not; reads waiting on it are told at once', async () => {
    // An event written by newer code than this process runs: the problem upcasters know ProblemReopened up to v2.
    const appended = await api.app.get<EventStore>(EVENT_STORE).append(`problem-${randomUUID()}`, [
      { type: 'ProblemReopened', schemaVersion: 3, data: { reason: 'from the future', reopenedOn: '2026-11-02' } },
    ]);
    const position = appended.lastGlobalPosition;

    // Every projection that reads ProblemReopened fails on it and, after its two attempts, stops.
    let stopped: Status[] = [];
    for (let tries = 0; tries < 15; tries++) {
      const failing = (await statuses()).filter((s) => s.failure);
      stopped = failing.filter((s) => s.failure?.stoppedAt);
      if (failing.length > 0 && stopped.length === failing.length) break;
    }
    expect(stopped.map((s) => s.name)).toEqual(expect.arrayContaining(['problem-details', 'problem-facts']));
    // The log overview reads no event data, so no upcaster can stop it; projections that ignore the type go on.
    expect(stopped.map((s) => s.name)).not.toContain('log-overview');
    expect(stopped.map((s) => s.name)).not.toContain('visits');
    for (const s of stopped) {
      expect(s).toMatchObject({ healthy: false, failure: { attempts: 2, event: { globalPosition: position, type: 'ProblemReopened' } } });
      expect(s.failure!.error).toContain('schema version 3');
    }
    const [first] = stopped;

    const health = await http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body.error.projections[first.name].problem).toContain(`stopped on event #${position} (ProblemReopened)`);

    // A read that waits for the position is told at once which read model stands still.
    const waited = await http().get(`/api/v1/problems?position=${position}`).set('Authorization', admin.auth);
    expect(waited.status).toBe(503);
    expect(waited.body).toMatchObject({ error: 'READ_MODEL_STOPPED' });
    expect(waited.body.message).toContain(first.name);

    const inspected = await http().get(`/api/v1/admin/projections/${first.name}/failure`).set('Authorization', admin.auth).expect(200);
    expect(inspected.body.event).toMatchObject({ globalPosition: position, type: 'ProblemReopened', schemaVersion: 3, data: { reason: 'from the future' } });

    // Who may not, and what is refused, changes nothing.
    await http().get(`/api/v1/admin/projections/${first.name}/failure`).set('Authorization', manager.auth).expect(403);
    await http().post(`/api/v1/admin/projections/${first.name}/skip`).send({ globalPosition: position, reason: 'not mine' }).expect(401);
    await http().post(`/api/v1/admin/projections/${first.name}/skip`).set('Authorization', manager.auth).send({ globalPosition: position, reason: 'not mine' }).expect(403);
    await http().post(`/api/v1/admin/projections/${first.name}/retry`).expect(401);
    await http().post(`/api/v1/admin/projections/${first.name}/retry`).set('Authorization', manager.auth).expect(403);
    await http().get(`/api/v1/admin/projections/${first.name}/failure`).expect(401);
    const invalid = await http().post(`/api/v1/admin/projections/${first.name}/skip`).set('Authorization', admin.auth).send({ globalPosition: 'x', reason: '' }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['globalPosition', 'reason']);
    const wrong = await http().post(`/api/v1/admin/projections/${first.name}/skip`).set('Authorization', admin.auth).send({ globalPosition: position - 1, reason: 'the wrong one' }).expect(409);
    expect(wrong.body.error).toBe('PROJECTION_NOT_FAILING');
    const unknown = await http().post('/api/v1/admin/projections/no-such-projection/skip').set('Authorization', admin.auth).send({ globalPosition: position, reason: 'whatever' }).expect(404);
    expect(unknown.body.error).toBe('PROJECTION_NOT_FOUND');
    expect((await statuses()).find((s) => s.name === first.name)).toMatchObject({ skipped: { count: 0 }, failure: { stoppedAt: expect.any(String) } });

    for (const s of stopped) {
      const skipped = await http().post(`/api/v1/admin/projections/${s.name}/skip`).set('Authorization', admin.auth)
        .send({ globalPosition: position, reason: 'written by a build that was rolled back' }).expect(200);
      expect(skipped.body).toMatchObject({ name: s.name, failure: null, skipped: { count: 1, latest: { globalPosition: position, reason: 'written by a build that was rolled back', skippedBy: admin.username } } });
    }
    let after: Status[] = [];
    for (let tries = 0; tries < 10; tries++) {
      after = await statuses();
      if (after.every((s) => s.healthy)) break;
    }
    expect(after.filter((s) => !s.healthy)).toEqual([]);
    await http().get(`/api/v1/admin/projections/${first.name}/failure`).set('Authorization', admin.auth).expect(404);
    await http().post(`/api/v1/admin/projections/${first.name}/retry`).set('Authorization', admin.auth).expect(409);
    await http().get(`/api/v1/problems?position=${position}`).set('Authorization', admin.auth).expect(200);
  });
});
