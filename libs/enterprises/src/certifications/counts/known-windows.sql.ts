/**
 * The certification windows as known at an instant, as a SQL query (the CTE every count and list starts from):
 * asKnownAt's rules (known-window.ts) folded from each row's `history` in the database, so a province's windows are
 * never shipped to the API process. Parameters: $1 type or null, $2 level or null, $3 knownAt ('infinity': all).
 * Without knownAt the row's own columns are already the fold of every recorded change (the last 复核's end; the one
 * revocation the decider allows), and the history is not read.
 */
export function knownWindowsSql(knownAt: string | null): string {
  const validTo =
    knownAt === null
      ? 'w.valid_to'
      : `coalesce((SELECT (h.c->>'validTo')::date FROM jsonb_array_elements(w.history) WITH ORDINALITY AS h(c, n)
                   WHERE h.c->>'change' = 'renewed' AND (h.c->>'recordedAt')::timestamptz <= $3::timestamptz ORDER BY h.n DESC LIMIT 1), w.granted_valid_to)`;
  const revokedFrom =
    knownAt === null
      ? 'w.revoked_from'
      : `(SELECT (h.c->>'effectiveFrom')::date FROM jsonb_array_elements(w.history) WITH ORDINALITY AS h(c, n)
          WHERE h.c->>'change' = 'revoked' AND (h.c->>'recordedAt')::timestamptz <= $3::timestamptz ORDER BY h.n LIMIT 1)`;
  return `SELECT w.uscc, w.type, w.level, w.announced_on, w.valid_from, ${validTo} AS valid_to, ${revokedFrom} AS revoked_from
          FROM certification_windows w
          WHERE ($1::text IS NULL OR w.type = $1) AND ($2::text IS NULL OR w.level = $2) AND w.recorded_at <= $3::timestamptz`;
}

export const knownWindowsParams = (filter: { type?: string; level?: string }, knownAt: string | null) => [filter.type ?? null, filter.level ?? null, knownAt ?? 'infinity'];

/** A known window (alias k) is valid on the date expression: isValidOn. */
export const validOnSql = (date: string) => `(k.valid_from <= ${date} AND ${date} <= k.valid_to AND (k.revoked_from IS NULL OR k.revoked_from > ${date}))`;
