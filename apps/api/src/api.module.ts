import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';

@Module({
  imports: [PlatformModule.forRoot({ role: 'api' })],
  controllers: [HealthController, MetricsController],
})
export class ApiModule {}
