import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry } from 'prom-client';

/** Requests that matched no route (static files, 404s): one label value, so stray URLs cannot explode the series. */
const UNMATCHED = 'unmatched';

/**
 * The HTTP request histogram. The route label is Express's route template (`/api/v1/problems/:id/resolve`),
 * never the URL, so ids and query strings stay out of the series.
 */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly duration = new Histogram({
    name: 'zhuqi_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, with their duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Express middleware: times every request until its response is finished. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const stop = this.duration.startTimer();
    res.once('finish', () => {
      // Read at the end: req.route is set only once the router has matched the request.
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : UNMATCHED;
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
