import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProjectionHealth } from '@app/event-store';
import { JobsHealth, Public } from '@app/platform';

/**
 * Liveness and readiness apart, so a load balancer drops a replica only for what stops it serving:
 * the database and the projections (reads wait for them). Redis carries only the scheduled jobs, so its
 * outage makes the API degraded (200), never down.
 */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly jobs: JobsHealth,
    private readonly projections: ProjectionHealth,
  ) {}

  /** Readiness (kept at /health for existing probes): 503 when the database or a projection is down. */
  @Get()
  @HealthCheck()
  check() {
    return this.ready();
  }

  /** Readiness: 200 (possibly `degraded`) while requests can be served, 503 when they cannot. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.jobs.check(),
      () => this.projections.check(),
    ]);
  }

  /** Liveness: the process answers HTTP. Restart it only when this fails, never for a dependency. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }
}
