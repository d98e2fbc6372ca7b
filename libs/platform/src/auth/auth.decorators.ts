import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser, Role } from './roles';

export const IS_PUBLIC = 'zhuqi:public';
export const ALLOWED_ROLES = 'zhuqi:roles';

/** No token needed (login, health, metrics, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
