import { ConcurrencyError, IdempotencyKeyReusedError, InvalidAppendError, UpcasterRegistry, type NewEvent } from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

const opened = (n: number): NewEvent => ({ type: 'CaseOpened', data: { n, title: '融资难问题' } });

describe.each(testDatabaseKinds())('PostgresEventStore contract on %s', (kind) => {
  let db: TestDatabase;
  let streamNo = 0;
  const newStream = () => `case-${++streamNo}`;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const countEvents = async () => (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events'))[0].n;

  describe('append and readStream', () => {
    it('numbers a new stream from 1 and returns the next expected version', async () => {
      const store = db.store();
      const id = newStream();
      const result = await store.append(id, [opened(1), opened(2)], { expectedVersion: 'no_stream' });
      expect(result).toMatchObject({ streamId: id, nextExpectedVersion: 2, replayed: false });
      expect(result.lastGlobalPosition).toBe(result.firstGlobalPosition + 1);
      const events = await store.readStream(id);
      expect(events.map((e) => [e.streamPosition, e.type, (e.data as { n: number }).n])).toEqual([
        [1, 'CaseOpened', 1],
        [2, 'CaseOpened', 2],
      ]);
      expect(await store.streamVersion(id)).toBe(2);
    });

    it('stores type, schema version, metadata, business time and recorded-at', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [
        {
          type: 'VisitLogged',
          schemaVersion: 1,
          data: { notes: '企业反映用工紧张' },
          metadata: { actorId: 'u-1', correlationId: 'c-1', causationId: 'm-1', tenantId: 'zone-a' },
          businessTime: '2024-06-15T00:00:00+08:00',
        },
      ]);
      const [event] = await store.readStream(id);
      expect(event).toMatchObject({
        type: 'VisitLogged',
        schemaVersion: 1,
        data: { notes: '企业反映用工紧张' },
        metadata: { actorId: 'u-1', correlationId: 'c-1', causationId: 'm-1', tenantId: 'zone-a' },
        businessTime: '2024-06-14T16:00:00.000Z',
      });
      expect(event.recordedAt).toBeInstanceOf(Date);
      expect(Number(event.transactionId)).toBeGreaterThan(0);
    });

    it('reads a stream from a position, with a limit', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1), opened(2), opened(3), opened(4)]);
      const events = await store.readStream(id, { from: 2, limit: 2 });
      expect(events.map((e) => e.streamPosition)).toEqual([2, 3]);
      expect(await store.readStream('case-never-written')).toEqual([]);
    });
  });

  describe('expected versions', () => {
    it('appends at the exact expected version', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1)], { expectedVersion: 0 });
      const result = await store.append(id, [opened(2)], { expectedVersion: 1 });
      expect(result.nextExpectedVersion).toBe(2);
    });

    it('refuses a stale version with both versions in the error, appending nothing', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1), opened(2)]);
      const before = await countEvents();
      const error = await store.append(id, [opened(3)], { expectedVersion: 1 }).catch((e) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: id, expected: 1, actual: 2 });
      expect(await countEvents()).toBe(before);
    });

    it('refuses an expected version ahead of the stream rather than leaving a gap', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1)]);
      await expect(store.append(id, [opened(2)], { expectedVersion: 5 })).rejects.toMatchObject({
        expected: 5,
        actual: 1,
      });
      await expect(store.append(newStream(), [opened(1)], { expectedVersion: 3 })).rejects.toMatchObject({
        expected: 3,
        actual: 0,
      });
      expect((await store.readStream(id)).map((e) => e.streamPosition)).toEqual([1]);
    });

    it('no_stream refuses an existing stream; stream_exists refuses a missing one', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1)], { expectedVersion: 'no_stream' });
      await expect(store.append(id, [opened(2)], { expectedVersion: 'no_stream' })).rejects.toMatchObject({
        expected: 'no_stream',
        actual: 1,
      });
      await expect(store.append(newStream(), [opened(1)], { expectedVersion: 'stream_exists' })).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      const ok = await store.append(id, [opened(2)], { expectedVersion: 'stream_exists' });
      expect(ok.nextExpectedVersion).toBe(2);
    });

    it('any appends whatever the version', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1)], { expectedVersion: 'any' });
      const result = await store.append(id, [opened(2)]);
      expect(result.nextExpectedVersion).toBe(2);
    });

    it('lets exactly one of many racing writers at the same version win', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(0)]);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.append(id, [opened(i + 1)], { expectedVersion: 1 })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      lost.forEach((o) => expect(o.reason).toBeInstanceOf(ConcurrencyError));
      expect((await store.readStream(id)).map((e) => e.streamPosition)).toEqual([1, 2]);
    });

    it('never drops a racing append with expectedVersion any', async () => {
      const store = db.store();
      const id = newStream();
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(id, [opened(i)], { expectedVersion: 'any' })));
      const events = await store.readStream(id);
      expect(events.map((e) => e.streamPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(events.map((e) => (e.data as { n: number }).n)).size).toBe(10);
    });
  });

  describe('idempotency keys', () => {
    it('a retried append with the same key appends nothing and returns the first result', async () => {
      const store = db.store();
      const id = newStream();
      const first = await store.append(id, [opened(1), opened(2)], { expectedVersion: 'no_stream', idempotencyKey: `k-${id}` });
      const before = await countEvents();
      const retry = await store.append(id, [opened(1), opened(2)], { expectedVersion: 'no_stream', idempotencyKey: `k-${id}` });
      expect(retry).toEqual({ ...first, replayed: true });
      expect(await countEvents()).toBe(before);
      expect(await store.findAppend(`k-${id}`, id)).toEqual({ ...first, replayed: true });
    });

    it('concurrent appends with one key append once', async () => {
      const store = db.store();
      const id = newStream();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.append(id, [opened(1)], { expectedVersion: 'any', idempotencyKey: `race-${id}` })),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => r.firstGlobalPosition)).size).toBe(1);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('a key reused for another stream is refused', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1)], { idempotencyKey: `reuse-${id}` });
      await expect(store.append(newStream(), [opened(1)], { idempotencyKey: `reuse-${id}` })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
    });
  });

  describe('readAll', () => {
    it('pages through the whole log in order, each event once', async () => {
      const store = db.store();
      const id = newStream();
      await store.append(id, [opened(1), opened(2), opened(3)]);
      const all: number[] = [];
      let after = undefined;
      for (;;) {
        const page = await store.readAll({ after, limit: 2 });
        if (page.events.length === 0) break;
        all.push(...page.events.map((e) => e.globalPosition));
        after = page.checkpoint;
      }
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(await countEvents());
      const head = await store.head();
      expect(head.globalPosition).toBe(Math.max(...all));
    });
  });

  describe('upcasting', () => {
    it('loads an old schema version as the newest shape, leaving the stored row untouched', async () => {
      const upcasters = new UpcasterRegistry([
        { type: 'ProblemRegistered', fromVersion: 1, upcast: (d) => ({ ...d, channel: 'visit' }) },
        { type: 'ProblemRegistered', fromVersion: 2, upcast: ({ title, ...rest }) => ({ ...rest, summary: title }) },
      ]);
      const id = newStream();
      await db.store().append(id, [{ type: 'ProblemRegistered', schemaVersion: 1, data: { title: '用地指标' } }]);
      const [event] = await db.store(upcasters).readStream(id);
      expect(event.schemaVersion).toBe(3);
      expect(event.data).toEqual({ channel: 'visit', summary: '用地指标' });
      const [raw] = await db.sql.query<{ data: unknown; schema_version: number }>(
        'SELECT data, schema_version FROM es_events WHERE stream_id = $1',
        [id],
      );
      expect(raw).toEqual({ data: { title: '用地指标' }, schema_version: 1 });
    });
  });

  describe('bad input is a typed error and appends nothing', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    it.each([
      ['an empty stream id', '', [opened(1)], {}, 'streamId'],
      ['a stream id with spaces', 'case 1', [opened(1)], {}, 'streamId'],
      ['no events', 'case-x', [], {}, 'events'],
      ['an unknown expected-version form', 'case-x', [opened(1)], { expectedVersion: 'latest' }, 'expectedVersion'],
      ['a negative expected version', 'case-x', [opened(1)], { expectedVersion: -1 }, 'expectedVersion'],
      ['an event without a type', 'case-x', [{ data: {} }], {}, 'events[0].type'],
      ['a BigInt in data', 'case-x', [{ type: 'T', data: { amount: 10n } }], {}, 'events[0].data.amount'],
      ['a circular payload', 'case-x', [{ type: 'T', data: circular }], {}, 'events[0].data.self'],
      ['a Date in data', 'case-x', [{ type: 'T', data: { on: new Date() } }], {}, 'events[0].data.on'],
      ['NaN in data', 'case-x', [{ type: 'T', data: { rate: NaN } }], {}, 'events[0].data.rate'],
      ['a function in data', 'case-x', [{ type: 'T', data: { f: () => 1 } }], {}, 'events[0].data.f'],
      ['an impossible business time', 'case-x', [{ type: 'T', data: {}, businessTime: '2024-13-45' }], {}, 'events[0].businessTime'],
    ])('%s', async (_what, streamId, events, options, path) => {
      const before = await countEvents();
      const error = await db
        .store()
        .append(streamId as string, events as NewEvent[], options as object)
        .catch((e) => e);
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect(error.path).toBe(path);
      expect(await countEvents()).toBe(before);
    });
  });

  describe('appendAtomically: several streams in one transaction', () => {
    it('appends every stream in the order given, in one transaction', async () => {
      const store = db.store();
      const [a, b, c] = [newStream(), newStream(), newStream()];
      await store.append(b, [opened(0)]);
      const results = await store.appendAtomically([
        { streamId: c, events: [opened(1)], options: { expectedVersion: 'no_stream' } },
        { streamId: b, events: [opened(2), opened(3)], options: { expectedVersion: 1 } },
        { streamId: a, events: [opened(4)] },
      ]);
      expect(results.map((r) => [r.streamId, r.nextExpectedVersion, r.replayed])).toEqual([
        [c, 1, false],
        [b, 3, false],
        [a, 1, false],
      ]);
      expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
      const { events } = await store.readAll({ limit: 100_000 });
      const ours = events.filter((e) => [a, b, c].includes(e.streamId) && (e.data as { n: number }).n > 0);
      expect(ours.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);
    });

    it('a stream refused in the middle refuses them all: nothing is appended, and the error names it', async () => {
      const store = db.store();
      const [a, b, c] = [newStream(), newStream(), newStream()];
      await store.append(b, [opened(0)]);
      const before = await countEvents();
      const refused = store.appendAtomically([
        { streamId: a, events: [opened(1)], options: { expectedVersion: 'no_stream' } },
        { streamId: b, events: [opened(2)], options: { expectedVersion: 'no_stream' } }, // exists already
        { streamId: c, events: [opened(3)] },
      ]);
      await expect(refused).rejects.toThrow(ConcurrencyError);
      await expect(refused).rejects.toMatchObject({ streamId: b, expected: 'no_stream', actual: 1 });
      expect(await countEvents()).toBe(before);
      expect([await store.streamVersion(a), await store.streamVersion(c)]).toEqual([0, 0]);
    });

    it('a retry with the same keys appends nothing and returns the first results, replayed', async () => {
      const store = db.store();
      const [a, b] = [newStream(), newStream()];
      const appends = [
        { streamId: a, events: [opened(1)], options: { expectedVersion: 'no_stream' as const, idempotencyKey: `${a}:k` } },
        { streamId: b, events: [opened(2)], options: { expectedVersion: 'no_stream' as const, idempotencyKey: `${b}:k` } },
      ];
      const first = await store.appendAtomically(appends);
      const before = await countEvents();
      const again = await store.appendAtomically(appends);
      expect(again).toEqual(first.map((r) => ({ ...r, replayed: true })));
      expect(await countEvents()).toBe(before);
    });

    it('refuses a stream given twice, before touching the database', async () => {
      const store = db.store();
      const a = newStream();
      const before = await countEvents();
      await expect(store.appendAtomically([{ streamId: a, events: [opened(1)] }, { streamId: a, events: [opened(2)] }])).rejects.toThrow(
        InvalidAppendError,
      );
      expect(await countEvents()).toBe(before);
    });
  });
});
