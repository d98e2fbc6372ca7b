import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProjectionHealth } from '@app/event-store';
import { Public, RedisHealth } from '@app/platform';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealth,
    private readonly projections: ProjectionHealth,
  ) {}

  /** 200 when the database answers, Redis (if configured) answers, and every projection is live. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      ...(this.redis.configured ? [() => this.redis.check()] : []),
      () => this.projections.check(),
    ]);
  }
}
