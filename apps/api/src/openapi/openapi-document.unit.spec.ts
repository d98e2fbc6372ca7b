import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument } from './openapi-document';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface Operation {
  operation: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function operations(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operation: `${method.toUpperCase()} ${path}`,
      responses: (item[method]?.responses ?? {}) as Operation['responses'],
    })),
  );
}

/** A 2xx whose every media type has a schema; a 204 (no content) documents itself by having none. */
function documentsSuccess({ responses }: Operation): boolean {
  const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
  return success.some(([status, response]) => {
    const content = Object.values(response.content ?? {});
    if (status === '204') return content.length === 0 || content.every((media) => media.schema);
    return content.length > 0 && content.every((media) => media.schema);
  });
}

/**
 * Every operation in the API's OpenAPI document says what it answers on success, so that the console's
 * generated client (npm run api:client) types the response instead of leaving it `never`/unknown.
 */
describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await createOpenApiDocument();
  });

  it('documents a success response with a schema for every operation', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(0);
    const undocumented = all.filter((op) => !documentsSuccess(op)).map((op) => op.operation);
    if (undocumented.length > 0) {
      throw new Error(`${undocumented.length} of ${all.length} operations document no 2xx response with a schema:\n  ${undocumented.join('\n  ')}`);
    }
  });

  it('refers only to schemas it defines', () => {
    const json = JSON.stringify(document);
    const refs = [...new Set([...json.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]))];
    const missing = refs.filter((name) => !document.components?.schemas?.[name]);
    expect(missing).toEqual([]);
  });

  it('gives every path and query parameter a type, so the generated client does not call it unknown', () => {
    const untyped = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).flatMap((method) =>
        ((item[method]?.parameters ?? []) as { name: string; in: string; schema?: { type?: string; enum?: unknown; $ref?: string; oneOf?: unknown } }[])
          .filter((p) => !p.schema || (!p.schema.type && !p.schema.enum && !p.schema.$ref && !p.schema.oneOf))
          .map((p) => `${method.toUpperCase()} ${path} ${p.in} ${p.name}`),
      ),
    );
    expect(untyped).toEqual([]);
  });
});
