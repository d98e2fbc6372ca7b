import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform';
import { monthlySummaryStreamId } from '@app/reporting';
import type { JobName } from '../job-definitions';
import { dueRuns } from './due-runs';

export interface MissedRun {
  name: JobName;
  period: string;
}

/**
 * What the schedules owed since go-live and the log does not show done. The log is the record, not
 * Redis (a Redis restarted empty forgets both its queued jobs and the tick that fell in the outage):
 * - every ended month whose monthly summary stream does not exist;
 * - the latest overdue check. Its runs leave no trace when nothing was overdue, so it is owed whenever
 *   its tick passed since go-live; running it again appends nothing, and its latest run covers every
 *   missed day before it (it flags what is overdue on its day, and escalates once per deadline).
 * Not the unit digest: it can only be made on its own day, and one made at start-up could read a zone half-loaded
 * (the demo loader, a restore); an admin re-runs a missed morning's (POST /admin/jobs/run).
 * Go-live is GO_LIVE_DATE (00:00 Asia/Shanghai), else when the first event was recorded.
 */
@Injectable()
export class MissedRuns {
  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async find(now: Date = new Date()): Promise<MissedRun[]> {
    const goLive = await this.goLive();
    if (!goLive) return [];
    const months = dueRuns('monthly-summary', goLive, now);
    const streams = months.map((m) => monthlySummaryStreamId(this.config.zoneId, m));
    const existing: { stream_id: string }[] = months.length === 0 ? [] : await this.db.query('SELECT stream_id FROM es_streams WHERE stream_id = ANY($1)', [streams]);
    const done = new Set(existing.map((r) => r.stream_id));
    return [
      ...months.filter((_, i) => !done.has(streams[i])).map((period) => ({ name: 'monthly-summary' as const, period })),
      ...dueRuns('overdue-check', goLive, now, { latestOnly: true }).map((period) => ({ name: 'overdue-check' as const, period })),
    ];
  }

  private async goLive(): Promise<Date | null> {
    const configured = this.config.jobs.goLiveDate;
    if (configured) return new Date(`${configured}T00:00:00+08:00`);
    const [first]: { recorded_at: Date }[] = await this.db.query('SELECT recorded_at FROM es_events ORDER BY global_position LIMIT 1');
    return first ? new Date(first.recorded_at) : null;
  }
}
