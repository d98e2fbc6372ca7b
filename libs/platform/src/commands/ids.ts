import { createHash, randomUUID } from 'node:crypto';

/**
 * A new aggregate's id. With an idempotency key the id is derived from it, so a retried request that
 * died after appending addresses the same stream (and appends nothing) instead of creating a twin.
 */
export function newId(idempotencyKey: string | undefined, purpose: string): string {
  if (!idempotencyKey) return randomUUID();
  const h = createHash('sha256').update(`${idempotencyKey}|${purpose}`).digest('hex');
  // Shaped as a version-4-like UUID so it fits uuid columns.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
