import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { validationPipe } from './http/validation';

/** Builds the HTTP app the same way for main.ts and the e2e tests. */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.register(), { bufferLogs: true });
  configureApiApp(app);
  return app;
}

export function configureApiApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useGlobalPipes(validationPipe);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Zhuqi 助企').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
