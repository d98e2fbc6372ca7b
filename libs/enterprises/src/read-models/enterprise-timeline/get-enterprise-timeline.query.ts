import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EnterpriseTimelineRow } from './enterprise-timeline.row';

export interface TimelineEntry {
  position: number;
  type: string;
  on: string;
  recordedAt: string;
  actorId: string | null;
  streamId: string;
  data: Record<string, unknown>;
}

export class GetEnterpriseTimelineQuery extends Query<TimelineEntry[]> {
  constructor(readonly uscc: string) {
    super();
  }
}

/** The enterprise's events in business-date order (log order within a day). */
@QueryHandler(GetEnterpriseTimelineQuery)
export class GetEnterpriseTimelineHandler implements IQueryHandler<GetEnterpriseTimelineQuery> {
  constructor(@InjectRepository(EnterpriseTimelineRow) private readonly rows: Repository<EnterpriseTimelineRow>) {}

  async execute({ uscc }: GetEnterpriseTimelineQuery): Promise<TimelineEntry[]> {
    const rows = await this.rows.find({ where: { uscc }, order: { onDate: 'ASC', globalPosition: 'ASC' } });
    return rows.map((r) => ({
      position: Number(r.globalPosition),
      type: r.type,
      on: r.onDate,
      recordedAt: r.recordedAt.toISOString(),
      actorId: r.actorId,
      streamId: r.streamId,
      data: r.data,
    }));
  }
}
