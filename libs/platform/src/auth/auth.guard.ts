import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthUser, Role } from './roles';

/** Global guard: every route needs a valid bearer token unless @Public(), and one of its @Roles() if set. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" is as good as "Bearer".
    const [scheme, token, extra] = (request.headers.authorization ?? '').trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || extra !== undefined) throw new UnauthorizedException('A bearer token is required (POST /api/v1/auth/login)');
    request.user = await this.auth.verify(token);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(request.user.role)) {
      throw new ForbiddenException(`This action is for ${allowed.join(', ')}; you are ${request.user.role}`);
    }
    return true;
  }
}
