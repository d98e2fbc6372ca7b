import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';

/** The JSON body limit: every request the API takes is a few KB (uploads are multipart, limited on their route). */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/** Marks the error the exception filter turns into 400 MALFORMED_BODY (body-parser keeps `type` and `status`). */
export const INVALID_UTF8 = 'entity.encoding.invalid';

/**
 * JSON bodies, decoded strictly: body-parser would replace invalid UTF-8 with U+FFFD and store the damage
 * without a word. Registered before Nest's own parser, which then leaves JSON alone.
 */
export function useStrictJsonBodies(app: NestExpressApplication): void {
  const options = {
    limit: JSON_BODY_LIMIT_BYTES,
    verify: (_req: IncomingMessage, _res: ServerResponse, body: Buffer) => {
      if (!isUtf8(body)) {
        throw Object.assign(new Error('The body is not valid UTF-8 text: send JSON encoded as UTF-8'), { status: 400, type: INVALID_UTF8 });
      }
    },
  };
  // Nest's types leave `verify` to its rawBody option (off here); body-parser takes it as documented.
  app.useBodyParser('json', options as NestExpressBodyParserOptionsFor<'json'>);
}
