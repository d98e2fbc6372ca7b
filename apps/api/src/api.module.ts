import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AuthModule, PlatformModule } from '@app/platform';
import { AuthController } from './auth/auth.controller';
import { UsersController } from './auth/users.controller';
import { ConsistentReadInterceptor } from './http/consistent-read.interceptor';
import { DomainErrorFilter } from './http/domain-error.filter';
import { HttpIdempotencyRow } from './http/http-idempotency.entity';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';

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
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        }),
      ],
      controllers: [HealthController, MetricsController, AuthController, UsersController],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ConsistentReadInterceptor },
      ],
    };
  }
}
