import type { StoredEvent } from '../store/event.types';
import type { Projection, ProjectionContext } from './projection';

/** A read-model row as JSON: what `to_jsonb(row)` gives back (timestamps as ISO strings). */
export type JsonRow = Record<string, unknown>;

export interface RowProjectionDefinition<Row extends JsonRow> {
  name: string;
  version: number;
  handles: readonly string[];
  table: string;
  /** The primary-key column; its values are what rowKey returns. */
  keyColumn: keyof Row & string;
  /** Every column with its PostgreSQL type, in the table's terms (snake_case names). */
  columns: { readonly [K in keyof Row & string]: string };
  /** The row an event changes, or null when it changes none. */
  rowKey(event: StoredEvent): string | null;
  /** Pure: the row after the event (null deletes it). No clock, no I/O — a rebuild must give the same rows. */
  evolve(row: Row | null, event: StoredEvent): Row | null;
  /**
   * For rows that one stream feeds: the column where evolve records the stream position of the last event it
   * applied. Every later event for the row must then stand after it in its stream; one at or before it reached
   * the log out of stream order (or the log was tampered with), and the batch fails with StreamOrderError, so
   * the projection stops loudly instead of folding a stale event on top of a newer one.
   */
  streamPositionColumn?: keyof Row & string;
}

/**
 * An event reached a row projection out of its stream's order. The append path makes this impossible (see
 * docs/event-store.md, "Stream order in the log"); this is the reader's check that it stayed so.
 */
export class StreamOrderError extends Error {
  constructor(
    readonly projection: string,
    readonly streamId: string,
    readonly streamPosition: number,
    readonly lastApplied: number,
    readonly globalPosition: number,
  ) {
    super(
      `${projection}: event #${globalPosition} is position ${streamPosition} of ${streamId}, but the row already holds position ${lastApplied}: ` +
        'the log shows this stream out of order',
    );
    this.name = 'StreamOrderError';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Turns a pure evolve(row | null, event) into a projection with a thin writer: per batch it loads the
 * touched rows in one query, folds the events in memory, and writes them back in one upsert (plus one
 * delete), so catch-up costs a few round trips per batch rather than one per event. Subclass it as a
 * Nest provider marked @ReadModelProjection() to have the runner pick it up.
 */
export class RowProjection<Row extends JsonRow> implements Projection {
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  readonly tables: readonly string[];
  private readonly columnList: string;
  private readonly recordType: string;
  private readonly updates: string;
  /** The key's own array type: a key compared as text (uuid::text = ANY(text[])) cannot use the primary-key index. */
  private readonly keyArray: string;

  constructor(private readonly definition: RowProjectionDefinition<Row>) {
    const columns = Object.entries(definition.columns) as [string, string][];
    for (const name of [definition.table, ...columns.map(([c]) => c)]) {
      if (!IDENTIFIER.test(name)) throw new Error(`${definition.name}: ${name} is not a plain lower-case identifier`);
    }
    this.name = definition.name;
    this.version = definition.version;
    this.handles = definition.handles;
    this.tables = [definition.table];
    this.columnList = columns.map(([c]) => `"${c}"`).join(', ');
    this.keyArray = `${definition.columns[definition.keyColumn]}[]`;
    this.recordType = columns.map(([c, type]) => `"${c}" ${type}`).join(', ');
    this.updates = columns
      .filter(([c]) => c !== definition.keyColumn)
      .map(([c]) => `"${c}" = EXCLUDED."${c}"`)
      .join(', ');
  }

  async apply(events: readonly StoredEvent[], { sql, table }: ProjectionContext): Promise<void> {
    const { keyColumn, rowKey, evolve } = this.definition;
    const target = `"${table(this.definition.table)}"`;
    const keys = [...new Set(events.map((e) => rowKey(e)).filter((k): k is string => k !== null))];
    if (keys.length === 0) return;
    const loaded = await sql.query<{ row: Row }>(
      `SELECT to_jsonb(t) AS row FROM ${target} t WHERE "${keyColumn}" = ANY($1::${this.keyArray})`,
      [keys],
    );
    const rows = new Map<string, Row | null>(loaded.map(({ row }) => [String(row[keyColumn]), row]));
    const ordered = this.definition.streamPositionColumn;
    for (const event of events) {
      const key = rowKey(event);
      if (key === null) continue;
      const row = rows.get(key) ?? null;
      const last = ordered && row !== null ? Number(row[ordered]) : null;
      if (last !== null && event.streamPosition <= last) {
        throw new StreamOrderError(this.name, event.streamId, event.streamPosition, last, event.globalPosition);
      }
      rows.set(key, evolve(row, event));
    }
    const kept = [...rows.values()].filter((r): r is Row => r !== null);
    const removed = [...rows].filter(([, r]) => r === null).map(([k]) => k);
    if (kept.length > 0) {
      await sql.query(
        `INSERT INTO ${target} (${this.columnList})
         SELECT ${this.columnList} FROM jsonb_to_recordset($1::jsonb) AS r(${this.recordType})
         ON CONFLICT ("${keyColumn}") DO ${this.updates ? `UPDATE SET ${this.updates}` : 'NOTHING'}`,
        [JSON.stringify(kept)],
      );
    }
    if (removed.length > 0) {
      await sql.query(`DELETE FROM ${target} WHERE "${keyColumn}" = ANY($1::${this.keyArray})`, [removed]);
    }
  }
}

export function rowProjection<Row extends JsonRow>(definition: RowProjectionDefinition<Row>): RowProjection<Row> {
  return new RowProjection(definition);
}
