import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, type Observable } from 'rxjs';
import { mergeMap } from 'rxjs/operators';
import { ProjectionRegistry, ReadModelWaiter } from '@app/event-store';
import { AppConfig } from '@app/platform';

/**
 * Read your own writes: a command answers with `position`; a GET carrying `?position=N` waits (bounded
 * by WAIT_FOR_TIMEOUT_MS, then 503) until every read model has processed it.
 */
@Injectable()
export class ConsistentReadInterceptor implements NestInterceptor {
  constructor(
    private readonly waiter: ReadModelWaiter,
    private readonly projections: ProjectionRegistry,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<{ method: string; query: Record<string, unknown> }>();
    const raw = req.query?.position;
    if (req.method !== 'GET' || raw === undefined) return next.handle();
    const position = Number(raw);
    if (!Number.isSafeInteger(position) || position < 1) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: 'The request is invalid',
        errors: [{ field: 'position', messages: ['position must be a positive integer (from a command response)'] }],
      });
    }
    const names = this.projections.all().map((p) => p.name);
    return from(this.waiter.waitFor(position, names, this.config.projections.waitForTimeoutMs)).pipe(
      mergeMap(() => next.handle()),
    );
  }
}
