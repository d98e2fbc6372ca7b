/**
 * The store's SQL, kept together so the concurrency argument can be read in one place.
 *
 * Appends: the es_streams row is the stream's lock. The guard below claims `count` positions on it
 * (creating it, bumping it only at the expected version, or bumping it unconditionally), and the
 * events are inserted from what the guard returned — all in one statement. A writer that loses a race
 * waits on the row lock, re-checks the version and claims nothing, so nothing is appended and the
 * caller gets a ConcurrencyError. An append whose idempotency key is already recorded claims nothing either, nor does
 * one whose required streams (a new visit's enterprise) do not all exist — checked in the statement's snapshot,
 * not locked, which suits streams that once there stay there.
 *
 * Stream order in the log: the log is ordered by the writer's transaction id, so along one stream the ids must grow
 * with the positions. A transaction gets its id at its first write; PostgreSQL's UPDATE takes it *before* waiting
 * for the row lock, so two `any`/`stream_exists` appends could get their ids in one order and their positions in the
 * other. Every append therefore first takes the stream's advisory lock (which needs no transaction id), and refuses
 * to run when its transaction already has an id (it wrote earlier, e.g. `BEGIN; …; append`): then the id is always
 * taken while holding the lock, after the stream's previous writer committed, and so is above that writer's.
 *
 * Reads of the whole log: see READ_ALL_SQL.
 */
import { prepared, type PreparedSql } from './sql';

export type StreamGuard = 'create' | 'update' | 'upsert';

/** The first key of the two-key advisory locks the store takes per stream (the second is hashtext(stream id)). */
export const STREAM_LOCK_CLASS = 0x5a51;

/**
 * `locked` yields one row once the stream's lock is held, and none (so nothing is claimed) when the transaction
 * already has an id. In an atomic append the locks were all taken up front, so its parts only say so.
 */
const LOCKED = {
  take: `SELECT true AS held FROM pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext($1::text))
    WHERE pg_current_xact_id_if_assigned() IS NULL`,
  held: 'SELECT true AS held',
};
export type StreamLock = keyof typeof LOCKED;

/** With a key, a recorded key claims nothing; without one ($5 null) the check is left out entirely. */
const keyIsNew = (withKey: boolean) =>
  withKey ? 'NOT EXISTS (SELECT 1 FROM es_idempotency_keys WHERE key = $5::text)' : '$5::text IS NULL';

/**
 * The first of the required streams (the parameter `$n`) that does not exist; null when all do. Each is a fenced probe
 * (OFFSET 0) for the same reason as in LOAD_STREAMS_SQL: as a plain NOT EXISTS the generic plan became a hash
 * anti-join over all of es_streams. Appends without required streams use statements without this part at all: with
 * it, even left unexecuted, PostgreSQL kept re-planning the prepared append on every call (bench:store's backend CPU
 * per append went from ~190 to ~330 µs, then ~245 µs with the fence).
 */
const missingRequired = (n: number) => `(SELECT min(r.id) FROM unnest($${n}::text[]) AS r(id)
    WHERE NOT EXISTS (SELECT 1 FROM es_streams s WHERE s.stream_id = r.id OFFSET 0))`;

/** Where the required stream ids are: after the one event's fields, or after the key for many events. */
const requiredParam = (single: boolean) => (single ? 10 : 6);

/** `condition` is the key's and the required streams' part of the guard's WHERE. */
const GUARDS: Record<StreamGuard, (condition: string) => string> = {
  // expectedVersion no_stream (or 0): only a stream that does not exist yet.
  create: (condition) => `
    INSERT INTO es_streams (stream_id, version)
    SELECT $1::text, $3::int FROM locked WHERE ${condition} AND $2::int IS NULL
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING version`,
  // A number, or stream_exists ($2 null): only an existing stream, and at that version.
  update: (condition) => `
    UPDATE es_streams SET version = version + $3::int, updated_at = now() FROM locked
    WHERE stream_id = $1::text AND ($2::int IS NULL OR version = $2::int) AND ${condition}
    RETURNING version`,
  // any: create or extend, whatever the version.
  upsert: (condition) => `
    INSERT INTO es_streams (stream_id, version)
    SELECT $1::text, $3::int FROM locked WHERE ${condition} AND $2::int IS NULL
    ON CONFLICT (stream_id) DO UPDATE SET version = es_streams.version + EXCLUDED.version, updated_at = now()
    RETURNING version`,
};

// Recording the key only when one was given: an append without a key can never be a replay.
const REMEMBER_KEY = `,
    remembered AS (
      INSERT INTO es_idempotency_keys
        (key, stream_id, next_expected_version, first_global_position, last_global_position, transaction_id)
      SELECT $5::text, $1::text, max(stream_position), min(global_position), max(global_position), min(transaction_id)
      FROM appended WHERE $5::text IS NOT NULL HAVING count(*) > 0
    )`;

/**
 * Parameters: $1 stream, $2 expected version (null: none), $3 event count, $4 the events (JSON array) or the one
 * event's type, $5 idempotency key; $6–$9 the one event's other fields; then the required stream ids, if any
 * (requiredParam).
 *
 * Many events: $4 is a JSON array of them, numbered by ordinality.
 */
const MANY_EVENTS = `
      SELECT pg_current_xact_id()::text::bigint, $1::text, c.version - $3::int + e.ord::int,
             e.v->>'type', (e.v->>'schemaVersion')::int, e.v->'data', e.v->'metadata', (e.v->>'businessTime')::timestamptz
      FROM claimed c CROSS JOIN jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(v, ord)
      ORDER BY e.ord`;

/** One event (the common case): its fields as plain parameters, no JSON array to unpack. */
const ONE_EVENT = `
      SELECT pg_current_xact_id()::text::bigint, $1::text, c.version,
             $4::text, $6::int, $7::jsonb, $8::jsonb, $9::timestamptz
      FROM claimed c`;

function appendSql(lock: StreamLock, guard: StreamGuard, withKey: boolean, single: boolean, withRequired: boolean): string {
  const missing = withRequired ? missingRequired(requiredParam(single)) : 'NULL::text';
  const condition = withRequired ? `${keyIsNew(withKey)} AND ${missing} IS NULL` : keyIsNew(withKey);
  return `
    WITH locked AS (${LOCKED[lock]}),
    claimed AS (${GUARDS[guard](condition)}),
    appended AS (
      INSERT INTO es_events (transaction_id, stream_id, stream_position, type, schema_version, data, metadata, business_time)
      ${single ? ONE_EVENT : MANY_EVENTS}
      RETURNING global_position, stream_position, transaction_id
    )${withKey ? REMEMBER_KEY : ''}
    SELECT max(stream_position) AS version, min(global_position)::text AS first,
           max(global_position)::text AS last, min(transaction_id)::text AS tx,
           (SELECT count(*) FROM locked)::int AS locked, ${missing} AS missing
    FROM appended`;
}

const GUARD_NAMES: StreamGuard[] = ['create', 'update', 'upsert'];

interface KeyVariants {
  withKey: PreparedSql;
  withoutKey: PreparedSql;
}

/** Per "one event or many", "with an idempotency key or not", and "with required streams or not". */
export interface AppendStatements {
  one: KeyVariants;
  many: KeyVariants;
  oneRequiring: KeyVariants;
  manyRequiring: KeyVariants;
}

const keyVariants = (lock: StreamLock, g: StreamGuard, name: string, single: boolean, withRequired: boolean): KeyVariants => ({
  withKey: prepared(`${name}_key`, appendSql(lock, g, true, single, withRequired)),
  withoutKey: prepared(name, appendSql(lock, g, false, single, withRequired)),
});

const appendStatements = (lock: StreamLock, suffix: string) =>
  Object.fromEntries(
    GUARD_NAMES.map((g) => [
      g,
      {
        one: keyVariants(lock, g, `append_one_${g}${suffix}`, true, false),
        many: keyVariants(lock, g, `append_${g}${suffix}`, false, false),
        oneRequiring: keyVariants(lock, g, `append_one_${g}_req${suffix}`, true, true),
        manyRequiring: keyVariants(lock, g, `append_${g}_req${suffix}`, false, true),
      },
    ]),
  ) as Record<StreamGuard, AppendStatements>;

/** Prepared per lock (taken here, or held), guard, and the variants above. */
export const APPEND_SQL: Record<StreamLock, Record<StreamGuard, AppendStatements>> = {
  take: appendStatements('take', ''),
  held: appendStatements('held', '_held'),
};

/**
 * An atomic append's locks, all at once in key order (so two atomic appends never deadlock), before anything in its
 * transaction has an id. No row when the transaction already has one.
 */
export const LOCK_STREAMS_SQL = prepared(
  'lock_streams',
  `SELECT count(*)::int AS locked FROM (
     SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, k) FROM (
       SELECT DISTINCT hashtext(s) AS k FROM unnest($1::text[]) AS s ORDER BY k) keys
     WHERE pg_current_xact_id_if_assigned() IS NULL) l`,
);

// Output names differ from the columns on purpose: ORDER BY resolves output names first, and ordering by
// a text-cast position ('10' < '9') would break log order. Times come as epoch milliseconds: node-postgres
// parses timestamptz text with a regular expression, a measurable share of a whole-log read.
const EVENT_COLUMNS = `e.global_position::text AS position_text, e.transaction_id::text AS transaction_text, e.stream_id,
  e.stream_position, e.type, e.schema_version, e.data, e.metadata,
  floor(extract(epoch FROM e.business_time) * 1000)::float8 AS business_ms,
  floor(extract(epoch FROM e.recorded_at) * 1000)::float8 AS recorded_ms`;

export const READ_STREAM_SQL = prepared(
  'read_stream',
  `
  SELECT ${EVENT_COLUMNS} FROM es_events e
  WHERE e.stream_id = $1 AND e.stream_position >= $2
  ORDER BY e.stream_position
  LIMIT $3`,
);

/**
 * What a command needs of its streams before it decides, in one statement: per requested stream, in the order asked,
 * its version, the snapshot under the caller's state key (none when its key differs, or when it is ahead of the stream
 * — a log restored from an older backup), the events after it (none when only the version is wanted: an existence
 * check), and the earlier append recorded under the request's idempotency key. One statement reads one snapshot of the
 * database, so the version, the snapshot and the events agree. The per-stream columns travel on each stream's first
 * row only; a stream without events to return still has one row, its event columns null.
 */
export const LOAD_STREAMS_SQL = prepared(
  'load_streams',
  // Every lookup is a LATERAL probe by key. As a prepared statement this runs on a generic plan, chosen when the tables
  // were small: with plain joins the planner hashed the requested streams and scanned all of es_events (and
  // es_snapshots) on every command, so a command's cost grew with the log. A lateral reference can only be met by a
  // parameterised index scan, whatever the statistics say.
  `
  WITH req AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[]) WITH ORDINALITY AS r(stream_id, state_key, idem_key, wanted, ord)
  ), sn AS (
    SELECT req.ord, req.stream_id, req.wanted, COALESCE(st.version, 0) AS stream_version, COALESCE(s.version, 0) AS snap_version,
           s.state, k.stream_id AS key_stream, k.next_expected_version AS key_version, k.first_global_position::text AS key_first,
           k.last_global_position::text AS key_last, k.transaction_id::text AS key_tx
    FROM req
    LEFT JOIN LATERAL (SELECT version FROM es_streams WHERE stream_id = req.stream_id OFFSET 0) st ON true
    LEFT JOIN LATERAL (
      SELECT version, state FROM es_snapshots
      WHERE stream_id = req.stream_id AND state_key = req.state_key AND version <= st.version OFFSET 0) s ON true
    LEFT JOIN LATERAL (
      SELECT stream_id, next_expected_version, first_global_position, last_global_position, transaction_id
      FROM es_idempotency_keys WHERE key = req.idem_key OFFSET 0) k ON true
  )
  SELECT sn.ord::int AS ord, (e.stream_position IS NULL OR e.stream_position = sn.snap_version + 1) AS first_row,
         sn.stream_version, sn.snap_version, sn.state AS snap_state, sn.key_stream, sn.key_version, sn.key_first, sn.key_last,
         sn.key_tx, ${EVENT_COLUMNS}
  FROM sn LEFT JOIN LATERAL (
    SELECT * FROM es_events
    WHERE sn.wanted AND stream_id = sn.stream_id AND stream_position > sn.snap_version OFFSET 0) e ON true
  ORDER BY sn.ord, e.stream_position`,
);

export const STREAM_VERSION_SQL = prepared('stream_version', 'SELECT version FROM es_streams WHERE stream_id = $1');

/** A newer snapshot replaces an older one; one under another state key (new code) replaces it whatever its version. */
export const SAVE_SNAPSHOT_SQL = prepared(
  'save_snapshot',
  `
  INSERT INTO es_snapshots (stream_id, state_key, version, state) VALUES ($1, $2, $3, $4::jsonb)
  ON CONFLICT (stream_id) DO UPDATE SET state_key = EXCLUDED.state_key, version = EXCLUDED.version, state = EXCLUDED.state, taken_at = now()
  WHERE es_snapshots.version < EXCLUDED.version OR es_snapshots.state_key <> EXCLUDED.state_key`,
);

/**
 * Gap safety. Global positions come from a sequence, taken before commit: the transaction holding 41
 * may commit after the one holding 42, so "position > checkpoint" would skip 41 forever. Instead the log
 * is ordered by (writing transaction id, position), and a reader only goes as far as the oldest
 * transaction still running (the snapshot's xmin): every transaction below it has finished, so nothing
 * can later appear behind the reader. The cost: one long-running writing transaction anywhere in the
 * cluster holds every reader back until it ends (docs/event-store.md).
 */
export const READ_ALL_SQL = prepared(
  'read_all',
  `
  SELECT ${EVENT_COLUMNS} FROM es_events e
  WHERE e.transaction_id >= $1::bigint -- redundant, but an estimable range keeps the planner on the index
    AND (e.transaction_id, e.global_position) > ($1::bigint, $2::bigint)
    AND e.transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
  ORDER BY e.transaction_id, e.global_position
  LIMIT $3`,
);

/**
 * The last committed event whatever is still running: what a reader would see once every older transaction
 * has finished. settledHead waits for READ_HEAD_SQL to reach it.
 */
export const READ_LATEST_COMMITTED_SQL = prepared(
  'read_latest_committed',
  `
  SELECT e.transaction_id::text AS tx, e.global_position::text AS position FROM es_events e
  ORDER BY e.transaction_id DESC, e.global_position DESC
  LIMIT 1`,
);

export const READ_HEAD_SQL = prepared(
  'read_head',
  `
  SELECT e.transaction_id::text AS tx, e.global_position::text AS position FROM es_events e
  WHERE e.transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
  ORDER BY e.transaction_id DESC, e.global_position DESC
  LIMIT 1`,
);
