import {
  DomainError,
  handleCommandsTogether,
  handleDeciderCommand,
  IdempotencyKeyReusedError,
  PostgresEventStore,
  type Decider,
  type DomainEvent,
  type SqlText,
  type TransactionalSql,
} from '@app/event-store';
import { LOAD_STREAMS_SQL } from '../store/event-store.sql';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

type Noted = DomainEvent<'Noted', { text: string }>;
const counter: Decider<{ text: string }, number, Noted> = {
  initialState: () => 0,
  decide: (command) => [{ type: 'Noted', data: { text: command.text } }],
  evolve: (n) => n + 1,
};

class ParentMissing extends DomainError {
  readonly code = 'PARENT_MISSING';
  override readonly kind = 'invalid';
}

/** A store on counting SQL that has made its one-off log-clock check (before its first append) already. */
async function countingStore(inner: TransactionalSql) {
  const sql = countingSql(inner);
  const store = new PostgresEventStore(sql);
  await store.append(`warm-up-${Math.random()}`, [{ type: 'Noted', data: { text: 'warm-up' } }]);
  sql.sent.length = 0;
  return { sql, store };
}

/** The statements a store sends, by prepared name (or "text" for plain SQL). */
function countingSql(inner: TransactionalSql): TransactionalSql & { sent: string[] } {
  const sent: string[] = [];
  const name = (text: SqlText) => (typeof text === 'string' ? text.trim().split(/\s+/)[0] : text.name);
  return {
    sent,
    query: (text, params) => {
      sent.push(name(text));
      return inner.query(text, params);
    },
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          query: (text, params) => {
            sent.push(name(text));
            return tx.query(text, params);
          },
        }),
      ),
  };
}

describe.each(testDatabaseKinds())('loading a command’s streams on %s', (kind) => {
  let db: TestDatabase;
  let n = 0;
  const newStream = (category = 'note') => `${category}-${++n}`;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const countEvents = async () => (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events'))[0].n;

  it('gives every stream in the order asked: version, events, the earlier append under a key; a version-only read has no events', async () => {
    const [a, b, absent] = [newStream(), newStream(), newStream()];
    await db.store().append(a, [{ type: 'Noted', data: { text: '1' } }, { type: 'Noted', data: { text: '2' } }]);
    const first = await db.store().append(b, [{ type: 'Noted', data: { text: 'b' } }], { idempotencyKey: `key-${b}` });
    const loaded = await db.store().loadStreams([
      { streamId: b, idempotencyKey: `key-${b}` },
      { streamId: absent },
      { streamId: a, events: false },
      { streamId: a },
    ]);
    expect(loaded.map((l) => [l.streamId, l.version, l.events.length])).toEqual([
      [b, 1, 1],
      [absent, 0, 0],
      [a, 2, 0],
      [a, 2, 2],
    ]);
    expect(loaded[0].earlier).toEqual({ ...first, replayed: true });
    expect(loaded[3].events.map((e) => e.data)).toEqual([{ text: '1' }, { text: '2' }]);
    expect(loaded[3].earlier).toBeNull();
  });

  it('a key first used on another stream is refused, as on append', async () => {
    const [a, b] = [newStream(), newStream()];
    await db.store().append(a, [{ type: 'Noted', data: { text: 'a' } }], { idempotencyKey: `reused-${a}` });
    await expect(db.store().loadStreams([{ streamId: b, idempotencyKey: `reused-${a}` }])).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('a group of commands reads all its streams and its required ones in one statement, then appends', async () => {
    const parent = newStream('parent');
    await db.store().append(parent, [{ type: 'Noted', data: { text: 'parent' } }]);
    const { sql, store } = await countingStore(db.sql);
    const requires = [{ streamId: parent, otherwise: () => new ParentMissing('no parent') }];
    await handleCommandsTogether(
      store,
      [newStream(), newStream(), newStream()].map((streamId) => ({ streamId, decider: counter, command: { text: 'x' } })),
      { requires },
    );
    const beforeAppend = sql.sent.slice(0, sql.sent.findIndex((s) => s === 'BEGIN' || s.startsWith('zq_append') || s === 'zq_lock_streams'));
    expect(beforeAppend).toEqual(['zq_load_streams']);
  });

  it('a required stream that does not exist refuses the command with its error, and nothing is appended', async () => {
    const before = await countEvents();
    const requires = [{ streamId: newStream('parent'), otherwise: () => new ParentMissing('no parent') }];
    await expect(handleDeciderCommand(db.store(), newStream(), counter, { text: 'x' }, { requires })).rejects.toBeInstanceOf(ParentMissing);
    await expect(
      handleCommandsTogether(db.store(), [{ streamId: newStream(), decider: counter, command: { text: 'x' } }], { requires }),
    ).rejects.toBeInstanceOf(ParentMissing);
    expect(await countEvents()).toBe(before);
  });

  it('a single command with an idempotency key costs one read and one append; its retry only the read', async () => {
    const { sql, store } = await countingStore(db.sql);
    const id = newStream();
    const run = () => handleDeciderCommand(store, id, counter, { text: 'once' }, { idempotencyKey: `once-${id}` });
    await run();
    const firstRun = sql.sent.filter((s) => s.startsWith('zq_'));
    sql.sent.length = 0;
    const retry = await run();
    expect(firstRun).toEqual(['zq_load_streams', 'zq_append_one_create_key']);
    expect(sql.sent.filter((s) => s.startsWith('zq_'))).toEqual(['zq_load_streams']);
    expect(retry.append?.replayed).toBe(true);
    expect(retry.version).toBe(1);
  });

  it('probes each stream by key on any cached plan: no scan of the log, the streams, the snapshots or the keys', async () => {
    // A prepared statement settles on a generic plan. With plain joins that plan hashed the requested streams and
    // scanned whole tables once they were a few thousand rows, so a command's cost grew with the log.
    await db.sql.query(`INSERT INTO es_streams (stream_id, version) SELECT 'scan-' || g, 10 FROM generate_series(1, 600) g`);
    await db.sql.query(`INSERT INTO es_events (transaction_id, stream_id, stream_position, type, schema_version, data, metadata)
      SELECT 1, 'scan-' || (g / 10 + 1), g % 10 + 1, 'Noted', 1, '{"text":"x"}', '{}' FROM generate_series(0, 5999) g`);
    await db.sql.query(`INSERT INTO es_snapshots (stream_id, state_key, version, state) SELECT 'scan-' || g, 'k', 5, '0' FROM generate_series(1, 600) g`);
    await db.sql.query(`INSERT INTO es_idempotency_keys (key, stream_id, next_expected_version, first_global_position, last_global_position, transaction_id)
      SELECT 'scan-key-' || g, 'scan-' || g, 1, 1, 1, 1 FROM generate_series(1, 600) g`);
    await db.sql.query('ANALYZE es_streams, es_events, es_snapshots, es_idempotency_keys');
    const plan = await db.sql.transaction(async (tx) => {
      await tx.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await tx.query(`PREPARE load_streams_plan(text[], text[], text[], bool[]) AS ${LOAD_STREAMS_SQL.text}`);
      const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) EXECUTE load_streams_plan(ARRAY['scan-7', 'scan-8'], ARRAY['k', 'k'], ARRAY['scan-key-7', NULL], ARRAY[true, false])`,
      );
      await tx.query('DEALLOCATE load_streams_plan');
      return row['QUERY PLAN'];
    });
    const scans: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (typeof node['Relation Name'] === 'string') scans.push(`${String(node['Node Type'])} on ${node['Relation Name']}`);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0].Plan);
    expect(scans.map((s) => s.replace(/^Bitmap Heap Scan/, 'Index Scan')).sort()).toEqual([
      'Index Scan on es_events',
      'Index Scan on es_idempotency_keys',
      'Index Scan on es_snapshots',
      'Index Scan on es_streams',
    ]);
  });
});
