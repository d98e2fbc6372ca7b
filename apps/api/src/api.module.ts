import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';

@Module({})
export class ApiModule {
  /** Built at start-up so the environment is read then (see PlatformConfigModule). */
  static register(): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot({ role: 'api' })],
      controllers: [HealthController, MetricsController],
    };
  }
}
