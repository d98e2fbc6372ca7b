import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { projectionStatuses, type ProjectionStatus } from '../projections/projection-status';
import { PoolSql } from '../store/sql';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';
import { ProjectionRegistry } from './projection-registry';
import { SingleFlightCache } from './single-flight-cache';

/** What an unauthenticated probe sees of a projection: no lease owner (it names the worker's host and pid). */
export type PublicProjectionStatus = Omit<ProjectionStatus, 'owner'>;

/**
 * How long one reading of the projection statuses serves every probe and scrape. A load balancer, Prometheus
 * and an admin page polling together then cost one status query per second, not one per request.
 */
const STATUS_TTL_MS = 1_000;

/** The projections part of /health: checkpoint, lag and heartbeat per projection. */
@Injectable()
export class ProjectionHealth {
  private readonly sql: PoolSql;
  private readonly recent: SingleFlightCache<ProjectionStatus[]>;

  constructor(
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
    private readonly registry: ProjectionRegistry,
    private readonly health: HealthIndicatorService,
  ) {
    this.sql = new PoolSql(options.pool);
    this.recent = new SingleFlightCache(() => this.statuses(), STATUS_TTL_MS);
  }

  /** Read now, from the database: for the CLI and tests. */
  statuses(): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.sql, this.registry.all(), this.options.projection.staleAfterMs);
  }

  /** At most STATUS_TTL_MS old, one query shared by concurrent callers: for probes, scrapes and admin pages. */
  recentStatuses(): Promise<ProjectionStatus[]> {
    return this.recent.get();
  }

  /** After an admin's retry or skip: the next reading is fresh. */
  forget(): void {
    this.recent.forget();
  }

  async check() {
    const statuses = await this.recentStatuses();
    const details = Object.fromEntries(statuses.map(({ owner: _owner, ...open }): [string, PublicProjectionStatus] => [open.name, open]));
    const session = this.health.check('projections');
    return statuses.every((s) => s.healthy) ? session.up(details) : session.down(details);
  }
}
