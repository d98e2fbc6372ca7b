import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { ProjectionHealth } from './projection-health';

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

  private readonly failuresTotal = new Counter({
    name: 'zhuqi_projection_failures_total',
    help: 'Failed attempts of a projection on one event, in this process (transient database errors not counted)',
    labelNames: ['projection'],
    registers: [this.registry],
  });

  constructor(health: ProjectionHealth) {
    // The same short-lived reading /health uses: a scrape costs one status query at most, not one per gauge.
    const statuses = () => health.recentStatuses();
    new Gauge({
      name: 'zhuqi_projection_lag_events',
      help: 'Events in the log after the projection checkpoint (counted up to 10,000: beyond, at least that many)',
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
    new Gauge({
      name: 'zhuqi_projection_stopped',
      help: '1 when the projection is stopped on a failing event (an admin retries or skips it), else 0',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.failure?.stoppedAt ? 1 : 0);
      },
    });
    new Gauge({
      name: 'zhuqi_projection_failure_attempts',
      help: 'Failed attempts on the event the projection is failing on (0 when it is not failing)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.failure?.attempts ?? 0);
      },
    });
  }

  failed(projection: string): void {
    this.failuresTotal.inc({ projection });
  }

  processed(projection: string, events: number): void {
    this.processedTotal.inc({ projection }, events);
  }
}
