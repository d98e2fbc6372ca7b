import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

const REQUEST_ID_HEADER = 'x-request-id';

/** What Express and the auth guard leave on a request by the time its response is logged. */
interface RoutedRequest extends IncomingMessage {
  originalUrl?: string;
  baseUrl?: string;
  route?: { path?: string };
  user?: { id?: string };
}

/** The matched route pattern (`/api/v1/problems/:id`), never the concrete path: ids and queries stay out of the log. */
function routeOf(req: RoutedRequest): string | undefined {
  const pattern = req.route?.path;
  return typeof pattern === 'string' ? `${req.baseUrl ?? ''}${pattern}` : undefined;
}

/** The path without its query string: a query can carry an enterprise's name or a search term. */
function pathOf(req: RoutedRequest): string {
  const url = req.originalUrl ?? req.url ?? '';
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

/**
 * One request, one short line: request id, method, path, route, status, duration (pino-http's responseTime) and user
 * id. Headers are left out by default (they were 600 bytes a line and carry tokens and cookies); LOG_REQUEST_HEADERS
 * puts them back, redacted, for debugging a proxy.
 */
export function requestLogOptions({ level, withHeaders }: { level: string; withHeaders: boolean }): Options {
  return {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers[REQUEST_ID_HEADER];
      const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // pino-http's own serializers get a wrapped request; `raw` is the request Express and the guard decorated.
    serializers: {
      req: (req: { raw: RoutedRequest; id?: unknown; method?: string; headers?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.raw),
        ...(withHeaders ? { headers: req.headers } : {}),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // Evaluated when the response is logged, after routing and the guard: route and user are known by then.
    customProps: (req: IncomingMessage) => {
      const routed = req as RoutedRequest;
      return { route: routeOf(routed), userId: routed.user?.id };
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
  };
}
