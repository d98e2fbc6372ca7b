import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '@app/platform';

/** Who is acting and under which request: becomes the events' metadata. */
export interface RequestContext {
  actor: AuthUser;
  /** The request id (X-Request-Id): correlates the events with the logs. */
  correlationId: string;
  /** The caller's Idempotency-Key, scoped to the caller; passed down so appends are idempotent too. */
  idempotencyKey?: string;
}

interface ContextRequest {
  user: AuthUser;
  id: string;
  idempotencyKey?: string;
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const req = context.switchToHttp().getRequest<ContextRequest>();
  return { actor: req.user, correlationId: String(req.id), idempotencyKey: req.idempotencyKey };
});
