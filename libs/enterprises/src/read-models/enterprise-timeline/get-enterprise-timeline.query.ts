import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UpcasterRegistry } from '@app/event-store';

export interface TimelineEntry {
  position: number;
  type: string;
  on: string;
  recordedAt: string;
  actorId: string | null;
  streamId: string;
  data: Record<string, unknown>;
}

export interface TimelinePage {
  /** The latest `limit` events by business date, in business-date order (log order within a day). */
  items: TimelineEntry[];
  /** Every event about the enterprise. */
  total: number;
}

export class GetEnterpriseTimelineQuery extends Query<TimelinePage> {
  constructor(
    readonly uscc: string,
    readonly limit: number,
  ) {
    super();
  }
}

/**
 * The enterprise's most recent events, oldest first, so a profile shows where it stands whatever its history's
 * length. Each event's data is read from the log by position (the timeline does not copy it) and upcast as the
 * store upcasts it, so old events show in today's shape.
 */
@QueryHandler(GetEnterpriseTimelineQuery)
export class GetEnterpriseTimelineHandler implements IQueryHandler<GetEnterpriseTimelineQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async execute({ uscc, limit }: GetEnterpriseTimelineQuery): Promise<TimelinePage> {
    const rows: {
      position: string; type: string; on: string; recorded_at: Date; actor_id: string | null; stream_id: string; schema_version: number; data: unknown; total: number;
    }[] = await this.db.query(
      `WITH recent AS (
         SELECT global_position, type, on_date, recorded_at, actor_id, stream_id FROM enterprise_timeline
         WHERE uscc = $1 ORDER BY on_date DESC, global_position DESC LIMIT $2
       )
       SELECT r.global_position::text AS position, r.type, r.on_date::text AS on, r.recorded_at, r.actor_id, r.stream_id,
              e.schema_version, e.data, (SELECT count(*)::int FROM enterprise_timeline WHERE uscc = $1) AS total
       FROM recent r JOIN es_events e ON e.global_position = r.global_position
       ORDER BY r.on_date, r.global_position`,
      [uscc, limit],
    );
    const items = rows.map((r) => ({
      position: Number(r.position),
      type: r.type,
      on: r.on,
      recordedAt: r.recorded_at.toISOString(),
      actorId: r.actor_id,
      streamId: r.stream_id,
      data: this.upcasters.upcast(r.type, r.schema_version, r.data, r.stream_id).data as Record<string, unknown>,
    }));
    return { items, total: rows[0]?.total ?? 0 };
  }
}
