import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { projectionStatuses } from '../projections/projection-status';
import { PoolSql } from '../store/sql';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';
import { ProjectionRegistry } from './projection-registry';

/**
 * Prometheus metrics for projections; gauges read the database when scraped, so any process can serve
 * them. A registry per application (not prom-client's global one), so each app reports its own pool.
 */
@Injectable()
export class ProjectionMetrics {
  readonly registry = new Registry();
  private readonly processedTotal = new Counter({
    name: 'zhuqi_projection_events_processed_total',
    help: 'Events read by a projection in this process',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  constructor(
    @Inject(EVENT_STORE_OPTIONS) options: EventStoreModuleOptions,
    registry: ProjectionRegistry,
  ) {
    const sql = new PoolSql(options.pool);
    const statuses = () => projectionStatuses(sql, registry.all(), options.projection.staleAfterMs);
    new Gauge({
      name: 'zhuqi_projection_lag_events',
      help: 'Events in the log after the projection checkpoint',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.behind);
      },
    });
    new Gauge({
      name: 'zhuqi_projection_heartbeat_age_seconds',
      help: 'Seconds since the projection loop last beat (-1: no worker holds it)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.heartbeatAgeSeconds ?? -1);
      },
    });
  }

  processed(projection: string, events: number): void {
    this.processedTotal.inc({ projection }, events);
  }
}
