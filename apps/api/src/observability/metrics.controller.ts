import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ProjectionMetrics } from '@app/event-store';
import { Public } from '@app/platform';

/** Prometheus scrape endpoint: process metrics plus the projection gauges. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly registry: Registry;

  constructor(projections: ProjectionMetrics) {
    const process = new Registry();
    collectDefaultMetrics({ register: process, prefix: 'zhuqi_' });
    this.registry = Registry.merge([process, projections.registry]);
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
