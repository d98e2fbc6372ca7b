import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { retryWhileStreamBusy } from './busy-retry';
import { ApiFailure } from './api-errors';
import { session } from './session';

/**
 * The typed API client: paths, query parameters, bodies and answers come from the API's own OpenAPI
 * document (src/api/schema.d.ts, written by `npm run api:client`), so a renamed DTO field is a type error here.
 */
export const api = createClient<paths>({ baseUrl: '' });

/** Called when the API says the token is missing or expired (set by the router: back to login, keeping the page). */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/v1/auth/login')) {
      session.clear();
      onUnauthorized();
    }
    return response;
  },
};
api.use(auth);

/** The requests that may be sent again, kept (as unread copies) until their answer is in. */
const resendable = new Map<string, Request>();
const resendWhenBusy: Middleware = {
  onRequest({ request, id }) {
    if (request.method !== 'GET') resendable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const kept = resendable.get(id);
    resendable.delete(id);
    if (!kept) return response;
    return retryWhileStreamBusy(response, () => fetch(kept.clone()));
  },
  onError({ id }) {
    resendable.delete(id);
  },
};
api.use(resendWhenBusy);

/** A fresh key for one user action: a double tap or a retry of the same action sends the same key. */
export function newIdempotencyKey(): string {
  return `console:${crypto.randomUUID()}`;
}

export function idempotent(key: string): { headers: { 'Idempotency-Key': string } } {
  return { headers: { 'Idempotency-Key': key } };
}

/**
 * The key to send next after a failed submission. The API keeps a failed request's fingerprint, so a form
 * corrected after a refusal (a 4xx it answered) needs a new key; after a lost answer, a 5xx, a 409 "still being
 * processed" or a 429 the same key goes again, so a request that did go through is not done twice.
 */
export function keyAfterFailure(error: unknown, key: string): string {
  if (!(error instanceof ApiFailure) || error.status < 400 || error.status >= 500) return key;
  if (error.status === 401 || error.status === 408 || error.status === 429) return key;
  if (/still being processed|different request/.test(error.message)) return key;
  return newIdempotencyKey();
}
