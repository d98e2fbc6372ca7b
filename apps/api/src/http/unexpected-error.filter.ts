import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';

/**
 * The last resort: anything no other filter took (a bug, a database fault) answers 500 in the one error shape,
 * with the request id to quote, and the error itself goes to the log — never to the client. Registered first among
 * the APP_FILTERs: Nest tries global filters last-registered first, so the specific filters still get theirs.
 */
@Catch()
export class UnexpectedErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('UnexpectedError');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<{ status(code: number): { json(body: unknown): void }; headersSent?: boolean }>();
    const req = http.getRequest<{ id?: unknown; method?: string; url?: string }>();
    if (error instanceof HttpException) {
      // Only reached if a more specific filter is missing; keep Nest's status rather than turning it into a 500.
      res.status(error.getStatus()).json({ statusCode: error.getStatus(), error: error.name, message: error.message, errors: [] });
      return;
    }
    this.logger.error(`${req.method ?? ''} ${req.url ?? ''} failed: ${(error as Error)?.stack ?? String(error)}`);
    if (res.headersSent) return;
    const requestId = typeof req.id === 'string' ? req.id : undefined;
    res.status(500).json({
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: `Something went wrong on our side; nothing was changed by a refused command. Quote request ${requestId ?? '(no id)'} when reporting it.`,
      errors: [],
      ...(requestId && { requestId }),
    });
  }
}
