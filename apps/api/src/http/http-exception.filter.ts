import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { INVALID_UTF8, JSON_BODY_LIMIT_BYTES } from './body-parsers';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors: { field: string; messages: string[] }[];
  [extra: string]: unknown;
}

/** What body-parser (via Nest's mapException) leaves as the cause of a 4xx. */
interface ParserFailure {
  type?: string;
  message?: string;
}

const ROUTE_NOT_FOUND = /^Cannot [A-Z]+ \//;
/** The API's own codes (VALIDATION_FAILED, IMPORT_TOO_MANY_ROWS …), as opposed to Nest's reason phrases. */
const CODE = /^[A-Z][A-Z0-9_]+$/;
const MULTIPART = /^(Multipart|Unexpected end of form|Malformed part header)/;

/**
 * Every HttpException in the one shape of ApiErrorDto: `{ statusCode, error, message, errors, …facts }`.
 * Nest's stock answers (JSON syntax errors, 413, unknown routes, pipes that give a bare message) are
 * rewritten; bodies already in the shape pass through with `errors` filled in.
 */
@Catch(HttpException)
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    const given = exception.getResponse();
    // A body with a structured `error` is a documented shape of its own (terminus' /health 503): left as it is.
    if (typeof given === 'object' && given !== null && 'error' in given && typeof given.error === 'object') {
      res.status(exception.getStatus()).json(given);
      return;
    }
    const body = shape(exception);
    res.status(body.statusCode).json(body);
  }
}

function shape(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const parser = fromParser(exception.cause as ParserFailure | undefined, status);
  if (parser) return parser;
  const given = exception.getResponse();
  const raw: Record<string, unknown> = typeof given === 'string' ? { message: given } : { ...(given as object) };
  const messages = Array.isArray(raw.message) ? raw.message.map(String) : [];
  const message = typeof raw.message === 'string' ? raw.message : messages.length > 0 ? messages.join('; ') : exception.message;
  const errors = Array.isArray(raw.errors) ? (raw.errors as ErrorBody['errors']) : [];
  const coded = typeof raw.error === 'string' && CODE.test(raw.error);
  let error = typeof raw.error === 'string' ? raw.error : reasonPhrase(status);
  if (!coded && status === HttpStatus.NOT_FOUND && ROUTE_NOT_FOUND.test(message)) error = 'ROUTE_NOT_FOUND';
  // Multer's "File too large" and the like: a code a client can act on, as for a JSON body.
  if (!coded && status === HttpStatus.PAYLOAD_TOO_LARGE) error = 'PAYLOAD_TOO_LARGE';
  // busboy's refusals of an upload ("Multipart: Malformed part header", e.g. a NUL in the file name).
  if (!coded && status === HttpStatus.BAD_REQUEST && MULTIPART.test(message) && errors.length === 0) {
    return { ...raw, statusCode: status, error: 'MALFORMED_FILE', message, errors: [{ field: 'file', messages: [message] }] };
  }
  return { ...raw, statusCode: status, error, message: error === 'ROUTE_NOT_FOUND' ? `No such route: ${message.replace(/^Cannot /, '')}` : message, errors };
}

/** body-parser's own failures, told in the API's words. */
function fromParser(cause: ParserFailure | undefined, status: number): ErrorBody | null {
  const malformed = (message: string): ErrorBody => ({
    statusCode: 400,
    error: 'MALFORMED_BODY',
    message,
    errors: [{ field: 'body', messages: [message] }],
  });
  switch (cause?.type) {
    case 'entity.parse.failed':
      return malformed(`The body is not valid JSON (${cause.message ?? 'syntax error'})`);
    case INVALID_UTF8:
      return malformed(cause.message ?? 'The body is not valid UTF-8 text');
    case 'entity.too.large':
      return {
        statusCode: status,
        error: 'PAYLOAD_TOO_LARGE',
        message: `The body is larger than the ${JSON_BODY_LIMIT_BYTES / 1024} KB limit for JSON requests`,
        errors: [{ field: 'body', messages: [`at most ${JSON_BODY_LIMIT_BYTES / 1024} KB`] }],
      };
    default:
      return null;
  }
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  return name ? name.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') : 'Error';
}
