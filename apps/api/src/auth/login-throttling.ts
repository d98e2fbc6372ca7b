import { HttpException, HttpStatus, Injectable, Module, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '@app/platform';
import { LoginThrottleStorage } from './login-throttle-storage';

const ACCOUNT = 'login-account';
const CLIENT = 'login-client';

/** The account a login attempt names: the same account from any address counts together. */
function accountTracker(req: Record<string, unknown>): string {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, 100) : `no-username:${String(req.ip)}`;
}

/**
 * Two limits on POST /auth/login: per account (someone guessing one user's password, from however many addresses)
 * and per client address (someone trying many accounts). The client address is Express's req.ip, which believes
 * X-Forwarded-For only from the proxies TRUST_PROXY names — behind the load balancer each user keeps their own.
 */
function loginThrottlerOptions(config: AppConfig, storage: LoginThrottleStorage): ThrottlerModuleOptions {
  const { perAccountPerMinute, perIpPerMinute } = config.loginRateLimits;
  return {
    storage,
    setHeaders: false,
    throttlers: [
      { name: ACCOUNT, ttl: 60_000, limit: perAccountPerMinute, getTracker: accountTracker },
      { name: CLIENT, ttl: 60_000, limit: perIpPerMinute },
    ],
  };
}

/** Answers 429 with a standard Retry-After header and a message that says which limit and for how long. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', seconds);
    const who = detail.key === this.generateKey(context, detail.tracker, ACCOUNT) ? 'for this account' : 'from this address';
    throw new HttpException(
      { statusCode: 429, error: 'TOO_MANY_LOGIN_ATTEMPTS', message: `Too many login attempts ${who}; try again in ${seconds} seconds`, retryAfterSeconds: seconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

@Module({ providers: [LoginThrottleStorage], exports: [LoginThrottleStorage] })
class LoginThrottleStorageModule {}

/** The throttler configured for login, its counters in LoginThrottleStorage (a provider, so it is shut down). */
export const LoginThrottlingModule = ThrottlerModule.forRootAsync({
  imports: [LoginThrottleStorageModule],
  inject: [AppConfig, LoginThrottleStorage],
  useFactory: loginThrottlerOptions,
});
