import { Injectable } from '@nestjs/common';
import { ReadModelProjection, type Projection, type ProjectionContext, type StoredEvent } from '@app/event-store';
import { eventDate } from '@app/platform/time';
import { ProblemEventTypes } from '../../domain/problem.events';
import { refreshSnapshotsSql } from '../../../metrics/problem-snapshots.sql';

/**
 * Append-only: a fact row per problem event; a duplicate delivery hits the key and changes nothing. In the same
 * transaction, each touched problem's row of problem_snapshots is folded again from its facts, so the figures can
 * read a problem as it stands without folding it (problem-snapshots.sql.ts).
 */
@Injectable()
@ReadModelProjection()
export class ProblemFactsProjection implements Projection {
  readonly name = 'problem-facts';
  // 2: actor_id (the migration fills it in place from the log; the rebuild this version asks for gives the same).
  // 3: problem_snapshots, which the migration creates empty and this version's rebuild fills. (Its cohort keys,
  //    migration 1764300003000, are filled in place from problem_facts: the same as a rebuild, so no new version.)
  readonly version = 3;
  readonly handles = Object.values(ProblemEventTypes);
  readonly tables = ['problem_facts', 'problem_snapshots'];

  async apply(events: readonly StoredEvent[], { sql, table }: ProjectionContext): Promise<void> {
    const rows = events.map((e) => ({
      problem_id: e.streamId.slice('problem-'.length),
      stream_position: e.streamPosition,
      type: e.type,
      on_date: eventDate(e),
      recorded_at: e.recordedAt.toISOString(),
      data: e.data,
      actor_id: (e.metadata.actorId as string | undefined) ?? null,
    }));
    await sql.query(
      `INSERT INTO "${table('problem_facts')}" (problem_id, stream_position, type, on_date, recorded_at, data, actor_id)
       SELECT problem_id, stream_position, type, on_date, recorded_at, data, actor_id
       FROM jsonb_to_recordset($1::jsonb)
         AS r(problem_id text, stream_position integer, type text, on_date date, recorded_at timestamptz, data jsonb, actor_id text)
       ON CONFLICT (problem_id, stream_position) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    const touched = [...new Set(rows.map((r) => r.problem_id))];
    await sql.query(refreshSnapshotsSql(table('problem_facts'), table('problem_snapshots')), [touched]);
  }
}
