import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { retryWhileStreamBusy } from './busy-retry';
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
