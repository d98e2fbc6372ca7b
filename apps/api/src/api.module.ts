import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnterprisesModule } from '@app/enterprises';
import { AppConfig, AuthModule, PlatformModule } from '@app/platform';
import { AuthController } from './auth/auth.controller';
import { UsersController } from './auth/users.controller';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { ConsistentReadInterceptor } from './http/consistent-read.interceptor';
import { DomainErrorFilter } from './http/domain-error.filter';
import { HttpIdempotencyRow } from './http/http-idempotency.entity';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';
import { CalendarController } from './calendar/calendar.controller';
import { SupportModule, WorkingCalendarModule } from '@app/support';
import { SupportMetricsController } from './support/metrics.controller';
import { ProblemQueriesController } from './support/problem-queries.controller';
import { ProblemsController } from './support/problems.controller';
import { VisitsController } from './support/visits.controller';

@Module({})
export class ApiModule {
  /** Built at start-up so the environment is read then (see PlatformConfigModule). */
  static register(): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ role: 'api' }),
        AuthModule.register({ guard: true }),
        TypeOrmModule.forFeature([HttpIdempotencyRow]),
        WorkingCalendarModule.withSeeding(),
        EnterprisesModule,
        SupportModule,
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        AuthController,
        UsersController,
        EnterprisesController,
        CalendarController,
        ProblemsController,
        ProblemQueriesController,
        VisitsController,
        SupportMetricsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ConsistentReadInterceptor },
      ],
    };
  }
}
