import { Inject, Injectable } from '@nestjs/common';
import { projectionFailures, type ProjectionFailure } from '../projections/projection-failures';
import type { PoolSql } from '../store/sql';
import { EVENT_DB } from './event-db';
import { ProjectionHealth } from './projection-health';
import { ProjectionRegistry } from './projection-registry';

/** The failing event as an admin inspects it before deciding: retry (after a deploy) or skip with a reason. */
export interface FailingEvent {
  failure: ProjectionFailure;
  event: {
    globalPosition: number;
    streamId: string;
    streamPosition: number;
    type: string;
    schemaVersion: number;
    /** As stored, before any upcaster: an upcaster may be what fails. */
    data: unknown;
    metadata: unknown;
    recordedAt: string;
  };
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`No projection named ${projection}`);
  }
}

/** What an admin can do about a stopped or failing projection; every skip leaves an audit row. */
@Injectable()
export class ProjectionAdmin {
  constructor(
    @Inject(EVENT_DB) private readonly db: PoolSql,
    private readonly registry: ProjectionRegistry,
    private readonly health: ProjectionHealth,
  ) {}

  /** The event the projection is failing on, or null when it is not failing. */
  async failingEvent(name: string): Promise<FailingEvent | null> {
    this.known(name);
    const failure = await projectionFailures.read(this.db, name);
    if (!failure) return null;
    const [row] = await this.db.query<{
      stream_id: string;
      stream_position: number;
      type: string;
      schema_version: number;
      data: unknown;
      metadata: unknown;
      recorded_at: Date;
    }>(
      `SELECT stream_id, stream_position, type, schema_version, data, metadata, recorded_at FROM es_events WHERE global_position = $1`,
      [failure.event.globalPosition],
    );
    if (!row) return null;
    return {
      failure,
      event: {
        globalPosition: failure.event.globalPosition,
        streamId: row.stream_id,
        streamPosition: row.stream_position,
        type: row.type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        recordedAt: new Date(row.recorded_at).toISOString(),
      },
    };
  }

  /** Clears the failure; false when there was none. The runner tries the event again at its next poll. */
  async retry(name: string): Promise<boolean> {
    this.known(name);
    const retried = await projectionFailures.retry(this.db, name);
    this.health.forget();
    return retried;
  }

  /** Skips the event the projection is failing on (ProjectionNotFailingError for any other). */
  async skip(name: string, globalPosition: number, reason: string, skippedBy: string): Promise<void> {
    this.known(name);
    await projectionFailures.skip(this.db, name, globalPosition, reason, skippedBy);
    this.health.forget();
  }

  private known(name: string): void {
    if (!this.registry.all().some((p) => p.name === name)) throw new UnknownProjectionError(name);
  }
}
