import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, handleProcessSignals } from '@app/platform';
import { ApiModule } from './api.module';
import { useStrictJsonBodies } from './http/body-parsers';
import { InputGuardPipe } from './http/input-guard.pipe';
import { validationPipe } from './http/validation';
import { HttpMetrics } from './observability/http-metrics';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** Builds the HTTP app the same way for main.ts and the e2e tests. */
export async function createApiApp(options: { demo?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(options), { bufferLogs: true });
  configureApiApp(app);
  return app;
}

export function configureApiApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  // Which X-Forwarded-For to believe (TRUST_PROXY): req.ip is then the user's address behind the load balancer.
  (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set('trust proxy', app.get(AppConfig).trustProxy);
  handleProcessSignals(app);
  // Before any route: every request is timed, including those a guard or a filter answers.
  app.use(app.get(HttpMetrics).middleware);
  useStrictJsonBodies(app as NestExpressApplication);
  // The guard first: it refuses what would crash class-transformer or PostgreSQL, before the DTOs are built.
  app.useGlobalPipes(new InputGuardPipe(), validationPipe);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
}
