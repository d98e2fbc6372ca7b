import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../api.module';

/**
 * The API's OpenAPI document, built one way for the document served at /api/docs and the one written
 * for the console's generated client (npm run api:client), so that the two cannot drift apart.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Zhuqi 助企')
    .setDescription('Event-sourced case tracker for the enterprise-service bureau of a development zone')
    .setVersion('0.1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The same document without a port, a database or Redis: Nest's preview mode reads the controllers'
 * metadata and instantiates nothing (no PGlite is opened, no connection made). About 4 s.
 */
export async function createOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.register(), { preview: true, logger: ['error'] });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
