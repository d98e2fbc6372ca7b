import { ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { ConcurrencyError, DomainError, InvalidAppendError, ProjectionStoppedError, StreamBusyError, WaitForTimeoutError, type EventStoreError } from '@app/event-store';

const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  conflict: HttpStatus.CONFLICT,
  not_found: HttpStatus.NOT_FOUND,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
};

/** Business refusals and store errors become clear HTTP answers; nothing was appended on any of these paths. */
@Catch(DomainError, ConcurrencyError, StreamBusyError, InvalidAppendError, WaitForTimeoutError, ProjectionStoppedError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError | EventStoreError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void }; setHeader(name: string, value: string): void }>();
    if (error instanceof DomainError) {
      // A refusal that names a field (a date in the future, an unknown policy item) answers like a validation error.
      const field = typeof error.details.field === 'string' ? error.details.field : null;
      const errors = field ? [{ field, messages: [error.message] }] : [];
      res.status(STATUS_BY_KIND[error.kind]).json({ statusCode: STATUS_BY_KIND[error.kind], error: error.code, message: error.message, errors, ...error.details });
    } else if (error instanceof ConcurrencyError) {
      res.status(HttpStatus.CONFLICT).json({
        statusCode: HttpStatus.CONFLICT,
        error: error.code,
        message: `Someone else changed ${error.streamId} first: it is at version ${error.actual}, you expected ${String(error.expected)}. Reload and retry.`,
        errors: [],
        expectedVersion: error.expected,
        actualVersion: error.actual,
      });
    } else if (error instanceof StreamBusyError) {
      // The caller pinned no version, so the answer names none: it is "busy, send it again", not "you were stale".
      res.setHeader('Retry-After', '1');
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: error.code,
        message: `${error.streamId} is being changed by other requests right now; nothing was recorded. Send it again shortly.`,
      });
    } else if (error instanceof ProjectionStoppedError) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: error.code,
        message: error.message,
        errors: [],
        position: error.position,
      });
    } else if (error instanceof WaitForTimeoutError) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: error.code,
        message: `${error.message}; retry shortly`,
        errors: [],
        position: error.position,
      });
    } else {
      const field = (error as InvalidAppendError).path;
      res.status(HttpStatus.BAD_REQUEST).json({
        statusCode: HttpStatus.BAD_REQUEST,
        error: error.code,
        message: error.message,
        errors: field ? [{ field, messages: [error.message] }] : [],
      });
    }
  }
}
