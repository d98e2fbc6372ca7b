import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { validationPipe } from './http/validation';
import { HttpMetrics } from './observability/http-metrics';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** Builds the HTTP app the same way for main.ts and the e2e tests. */
export async function createApiApp(options: { demo?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.register(options), { bufferLogs: true });
  configureApiApp(app);
  return app;
}

export function configureApiApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Before any route: every request is timed, including those a guard or a filter answers.
  app.use(app.get(HttpMetrics).middleware);
  app.useGlobalPipes(validationPipe);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
}
