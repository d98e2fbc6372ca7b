import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';

let defaultsCollected = false;

/** Prometheus scrape endpoint: process metrics plus the projection gauges. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor() {
    if (!defaultsCollected) {
      collectDefaultMetrics({ prefix: 'zhuqi_' });
      defaultsCollected = true;
    }
  }

  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
