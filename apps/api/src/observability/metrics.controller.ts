import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ProjectionMetrics } from '@app/event-store';
import { CommandMetrics, Public } from '@app/platform';
import { HttpMetrics } from './http-metrics';

/** Prometheus scrape endpoint: process metrics, HTTP requests, commands and appended events, projection gauges. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly registry: Registry;

  constructor(projections: ProjectionMetrics, http: HttpMetrics, commands: CommandMetrics) {
    const process = new Registry();
    collectDefaultMetrics({ register: process, prefix: 'zhuqi_' });
    this.registry = Registry.merge([process, http.registry, commands.registry, projections.registry]);
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
