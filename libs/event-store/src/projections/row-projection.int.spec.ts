import { rowProjection, StreamOrderError, type Sql, type StoredEvent } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

type CaseRow = { case_id: string; status: string; notes: number; opened_on: string; closed_at: string | null };

/** A case list: one row per case, removed when the case is withdrawn. */
const caseList = rowProjection<CaseRow>({
  name: 'test-case-list',
  version: 1,
  handles: ['CaseOpened', 'CaseNoted', 'CaseClosed', 'CaseWithdrawn'],
  table: 'test_case_list',
  keyColumn: 'case_id',
  columns: { case_id: 'text', status: 'text', notes: 'integer', opened_on: 'date', closed_at: 'timestamptz' },
  rowKey: (e) => e.streamId,
  evolve(row, e: StoredEvent<string, any>) {
    switch (e.type) {
      case 'CaseOpened':
        return { case_id: e.streamId, status: 'open', notes: 0, opened_on: e.data.on, closed_at: null };
      case 'CaseNoted':
        return row && { ...row, notes: row.notes + 1 };
      case 'CaseClosed':
        return row && { ...row, status: 'closed', closed_at: e.data.at };
      case 'CaseWithdrawn':
        return null;
      default:
        return row;
    }
  },
});

type VersionedRow = { case_id: string; notes: number; version: number };

/** The same cases with the stream position of the last event applied: the writer checks stream order on it. */
const versionedCases = rowProjection<VersionedRow>({
  name: 'test-versioned-cases',
  version: 1,
  handles: ['CaseOpened', 'CaseNoted'],
  table: 'test_versioned_cases',
  keyColumn: 'case_id',
  columns: { case_id: 'text', notes: 'integer', version: 'integer' },
  streamPositionColumn: 'version',
  rowKey: (e) => e.streamId,
  evolve(row, e) {
    if (e.type === 'CaseOpened') return { case_id: e.streamId, notes: 0, version: e.streamPosition };
    return row && { ...row, notes: row.notes + 1, version: e.streamPosition };
  },
});

type UuidRow = { case_id: string; notes: number };

/** Keyed by a uuid column, as most of the read models are. */
const uuidCases = rowProjection<UuidRow>({
  name: 'test-uuid-cases',
  version: 1,
  handles: ['CaseNoted', 'CaseWithdrawn'],
  table: 'test_uuid_cases',
  keyColumn: 'case_id',
  columns: { case_id: 'uuid', notes: 'integer' },
  rowKey: (e) => (e.data as { caseId: string }).caseId,
  evolve: (row, e) => (e.type === 'CaseWithdrawn' ? null : { case_id: (e.data as { caseId: string }).caseId, notes: (row?.notes ?? 0) + 1 }),
});

describe.each(testDatabaseKinds())('rowProjection on %s', (kind) => {
  let db: TestDatabase;
  const spec = () => projectionSpec(db.sql, caseList);
  const rows = () => db.sql.query<CaseRow>('SELECT * FROM test_case_list ORDER BY case_id');

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.sql.query(`CREATE TABLE test_case_list (case_id text PRIMARY KEY, status text NOT NULL,
      notes integer NOT NULL, opened_on date NOT NULL, closed_at timestamptz)`);
    await db.sql.query(`CREATE TABLE test_versioned_cases (case_id text PRIMARY KEY, notes integer NOT NULL, version integer NOT NULL)`);
  });
  afterAll(() => db?.close());
  beforeEach(() => spec().reset());

  it('folds events into rows across batches, in one upsert per batch', async () => {
    const opened = storedEvent('case-1', 1, 'CaseOpened', { on: '2024-06-15' });
    const noted = storedEvent('case-1', 2, 'CaseNoted', {});
    const other = storedEvent('case-2', 1, 'CaseOpened', { on: '2024-06-30' });
    const closed = storedEvent('case-1', 3, 'CaseClosed', { at: '2024-07-01T02:00:00.000Z' });
    await spec().given([opened, noted, other], [closed]);
    const result = await rows();
    expect(result.map((r) => [r.case_id, r.status, r.notes])).toEqual([
      ['case-1', 'closed', 1],
      ['case-2', 'open', 0],
    ]);
    expect(new Date(result[0].closed_at!).toISOString()).toBe('2024-07-01T02:00:00.000Z');
  });

  it('a duplicate delivery changes nothing', async () => {
    const opened = storedEvent('case-3', 1, 'CaseOpened', { on: '2024-06-15' });
    const noted = storedEvent('case-3', 2, 'CaseNoted', {});
    await spec().given([opened, noted], [noted], [opened, noted]);
    expect((await rows()).map((r) => r.notes)).toEqual([1]);
  });

  it('deletes a row that evolves to null, and ignores events for rows it never saw', async () => {
    await spec().given(
      [storedEvent('case-4', 1, 'CaseOpened', { on: '2024-01-02' }), storedEvent('case-5', 1, 'CaseNoted', {})],
      [storedEvent('case-4', 2, 'CaseWithdrawn', {})],
    );
    expect(await rows()).toEqual([]);
  });

  it('with a stream-position column, an event at or before the row\'s last position fails the batch loudly and writes nothing', async () => {
    const spec = projectionSpec(db.sql, versionedCases);
    await spec.reset();
    const versioned = () => db.sql.query<VersionedRow>('SELECT * FROM test_versioned_cases ORDER BY case_id');
    // Skipped positions are fine (a projection handles some types only; an admin may skip an event).
    await spec.given([storedEvent('vcase-1', 1, 'CaseOpened', {}), storedEvent('vcase-1', 3, 'CaseNoted', {})]);
    expect(await versioned()).toEqual([{ case_id: 'vcase-1', notes: 1, version: 3 }]);

    // Position 2 of the stream arrives after position 3: in a later batch …
    const late = storedEvent('vcase-1', 2, 'CaseNoted', {});
    const refused = spec.given([storedEvent('vcase-2', 1, 'CaseOpened', {}), late]);
    await expect(refused).rejects.toThrow(StreamOrderError);
    await expect(refused).rejects.toMatchObject({ streamId: 'vcase-1', streamPosition: 2, lastApplied: 3, globalPosition: late.globalPosition });
    // … or inside one batch: the same.
    await expect(spec.given([storedEvent('vcase-3', 2, 'CaseOpened', {}), storedEvent('vcase-3', 1, 'CaseNoted', {})])).rejects.toThrow(/position 1 of vcase-3, but the row already holds position 2/);
    // The failed batches changed nothing (vcase-2's row was in the same transaction).
    expect(await versioned()).toEqual([{ case_id: 'vcase-1', notes: 1, version: 3 }]);
  });

  it('finds and deletes the touched rows through the key index, not a scan of the table (a uuid key included)', async () => {
    await db.sql.query(`CREATE TABLE test_uuid_cases (case_id uuid PRIMARY KEY, notes integer NOT NULL)`);
    await db.sql.query(`INSERT INTO test_uuid_cases SELECT gen_random_uuid(), 1 FROM generate_series(1, 5000)`);
    await db.sql.query('ANALYZE test_uuid_cases');
    const [{ id: existing }] = await db.sql.query<{ id: string }>('SELECT case_id::text AS id FROM test_uuid_cases LIMIT 1');
    const fresh = '00000000-0000-4000-8000-000000000001';
    const sent: { text: string; params: readonly unknown[] }[] = [];
    const recording: Sql = {
      query: (text, params) => {
        if (typeof text === 'string') sent.push({ text, params: params ?? [] });
        return db.sql.query(text, params);
      },
    };
    await uuidCases.apply(
      [storedEvent('s', 1, 'CaseNoted', { caseId: existing }), storedEvent('s', 2, 'CaseNoted', { caseId: fresh }), storedEvent('s', 3, 'CaseWithdrawn', { caseId: existing })],
      { sql: recording, table: (name) => name },
    );
    const byKey = sent.filter((s) => /^(SELECT|DELETE)/.test(s.text.trim()));
    expect(byKey.map((s) => s.text.trim().split(' ')[0])).toEqual(['SELECT', 'DELETE']);
    for (const { text, params } of byKey) {
      const [row] = await db.sql.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
      const scans: string[] = [];
      const walk = (node: Record<string, unknown>) => {
        // Scans only: a DELETE's ModifyTable node names the table too.
        if (typeof node['Relation Name'] === 'string' && String(node['Node Type']).endsWith('Scan')) scans.push(String(node['Node Type']));
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk(row['QUERY PLAN'][0].Plan);
      expect({ text, scans: scans.map((s) => (s === 'Seq Scan' ? s : 'by index')) }).toEqual({ text, scans: ['by index'] });
    }
    expect(await db.sql.query('SELECT case_id::text AS case_id, notes FROM test_uuid_cases WHERE case_id = ANY($1::uuid[])', [[existing, fresh]])).toEqual([
      { case_id: fresh, notes: 1 },
    ]);
  });

  it('refuses table or column names that would need quoting', () => {
    expect(() => rowProjection({ ...caseListDefinitionWith('Bad-Name') })).toThrow(/identifier/);
  });
});

function caseListDefinitionWith(table: string) {
  return {
    name: 'bad',
    version: 1,
    handles: [],
    table,
    keyColumn: 'id' as const,
    columns: { id: 'text' },
    rowKey: () => null,
    evolve: () => null,
  };
}
