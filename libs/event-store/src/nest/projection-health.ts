import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { projectionStatuses } from '../projections/projection-status';
import { PoolSql } from '../store/sql';
import { EVENT_STORE_OPTIONS, type EventStoreModuleOptions } from './event-store.options';
import { ProjectionRegistry } from './projection-registry';

/** The projections part of /health: checkpoint, lag and heartbeat per projection. */
@Injectable()
export class ProjectionHealth {
  private readonly sql: PoolSql;

  constructor(
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
    private readonly registry: ProjectionRegistry,
    private readonly health: HealthIndicatorService,
  ) {
    this.sql = new PoolSql(options.pool);
  }

  statuses() {
    return projectionStatuses(this.sql, this.registry.all(), this.options.projection.staleAfterMs);
  }

  async check() {
    const statuses = await this.statuses();
    const details = Object.fromEntries(statuses.map((s) => [s.name, s]));
    const session = this.health.check('projections');
    return statuses.every((s) => s.healthy) ? session.up(details) : session.down(details);
  }
}
