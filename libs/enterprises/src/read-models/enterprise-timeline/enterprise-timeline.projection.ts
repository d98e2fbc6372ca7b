import { Injectable } from '@nestjs/common';
import { ReadModelProjection, type Projection, type ProjectionContext, type StoredEvent } from '@app/event-store';
import { eventDate } from '@app/platform/time';

/** Streams named after the enterprise itself. */
const USCC_STREAMS = [/^enterprise-([0-9A-Z]{18})$/, /^certifications-([0-9A-Z]{18})$/];

/**
 * Which enterprise an event is about: named by its stream, or by an `enterpriseUscc`/`uscc` field on the
 * stream's first event (a visit, a problem, a subsidy case); later events of such a stream inherit it.
 */
export function usccOf(event: StoredEvent, knownStreams: ReadonlyMap<string, string>): string | null {
  for (const pattern of USCC_STREAMS) {
    const match = pattern.exec(event.streamId);
    if (match) return match[1];
  }
  const data = event.data as { enterpriseUscc?: unknown; uscc?: unknown };
  const named = typeof data?.enterpriseUscc === 'string' ? data.enterpriseUscc : typeof data?.uscc === 'string' ? data.uscc : null;
  return named ?? knownStreams.get(event.streamId) ?? null;
}

/**
 * The enterprise profile's timeline: every event about an enterprise, whatever context wrote it, in log
 * order. Reads every event type so new contexts appear without changes here; events about no enterprise
 * (calendars, policy items) pass by. Keyed by global position, so a duplicate delivery changes nothing.
 */
@Injectable()
@ReadModelProjection()
export class EnterpriseTimelineProjection implements Projection {
  readonly name = 'enterprise-timeline';
  /** 2: the rows no longer copy each event's data (the query reads it from the log). */
  readonly version = 2;
  readonly handles = 'all' as const;
  readonly tables = ['enterprise_timeline'];

  async apply(events: readonly StoredEvent[], { sql, table }: ProjectionContext): Promise<void> {
    const target = `"${table('enterprise_timeline')}"`;
    const streams = [...new Set(events.map((e) => e.streamId))];
    const known = new Map(
      (
        await sql.query<{ stream_id: string; uscc: string }>(
          `SELECT DISTINCT ON (stream_id) stream_id, uscc FROM ${target} WHERE stream_id = ANY($1::text[])`,
          [streams],
        )
      ).map((r) => [r.stream_id, r.uscc]),
    );
    const rows = [];
    for (const e of events) {
      const uscc = usccOf(e, known);
      if (!uscc) continue;
      known.set(e.streamId, uscc);
      rows.push({
        global_position: e.globalPosition,
        uscc,
        stream_id: e.streamId,
        type: e.type,
        on_date: eventDate(e),
        recorded_at: e.recordedAt.toISOString(),
        actor_id: (e.metadata.actorId as string | undefined) ?? null,
      });
    }
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO ${target} (global_position, uscc, stream_id, type, on_date, recorded_at, actor_id)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(global_position bigint, uscc text, stream_id text, type text,
         on_date date, recorded_at timestamptz, actor_id text)
       ON CONFLICT (global_position) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
