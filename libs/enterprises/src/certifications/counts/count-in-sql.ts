import type { DataSource } from 'typeorm';
import type { CountScope, TypeLevel } from './certification-counts';

/**
 * The counts of `certificationCounts` (the definition, kept pure in certification-counts.ts) as one aggregate in
 * the database, so a province's windows are never shipped to the API process: the windows as known at knownAt
 * (asKnownAt's rules, folded from `history` in SQL), then per firm and type/level whether it is valid on asOf,
 * granted by asOf and when its first grant was announced, then per type/level the number of firms. The property
 * test (count-in-sql.property.int.spec.ts) holds the two equal on randomized windows and histories.
 */
export interface SqlCount extends TypeLevel {
  currentlyValid: number;
  everCertified: number;
  newInPeriod: number;
}

/**
 * A window's end and revocation as known at $3. Without knownAt the row's own columns are the fold of every
 * recorded change (the last 复核's end; the one revocation the decider allows).
 */
const knownEnd = (knownAt: string | null) =>
  knownAt === null
    ? 'w.valid_to'
    : `coalesce((SELECT (h.c->>'validTo')::date FROM jsonb_array_elements(w.history) WITH ORDINALITY AS h(c, n)
                 WHERE h.c->>'change' = 'renewed' AND (h.c->>'recordedAt')::timestamptz <= $3::timestamptz ORDER BY h.n DESC LIMIT 1), w.granted_valid_to)`;
const knownRevocation = (knownAt: string | null) =>
  knownAt === null
    ? 'w.revoked_from'
    : `(SELECT (h.c->>'effectiveFrom')::date FROM jsonb_array_elements(w.history) WITH ORDINALITY AS h(c, n)
        WHERE h.c->>'change' = 'revoked' AND (h.c->>'recordedAt')::timestamptz <= $3::timestamptz ORDER BY h.n LIMIT 1)`;

export async function countCertificationsInSql(db: DataSource, filter: Partial<TypeLevel>, scope: CountScope, knownAt: string | null): Promise<SqlCount[]> {
  const periodEnd = scope.to < scope.asOf ? scope.to : scope.asOf;
  return db.query(
    `WITH known AS (
       SELECT w.uscc, w.type, w.level, w.announced_on, w.valid_from, ${knownEnd(knownAt)} AS valid_to, ${knownRevocation(knownAt)} AS revoked_from
       FROM certification_windows w
       WHERE ($1::text IS NULL OR w.type = $1) AND ($2::text IS NULL OR w.level = $2) AND w.recorded_at <= $3::timestamptz
     ), per_firm AS (
       SELECT type, level, uscc,
              bool_or(valid_from <= $4::date AND $4::date <= valid_to AND (revoked_from IS NULL OR revoked_from > $4::date)) AS valid,
              bool_or(valid_from <= $4::date) AS granted,
              min(announced_on) AS first_announced
       FROM known GROUP BY type, level, uscc
     )
     SELECT type, level, count(*) FILTER (WHERE valid)::int AS "currentlyValid", count(*) FILTER (WHERE granted)::int AS "everCertified",
            count(*) FILTER (WHERE first_announced BETWEEN $5::date AND $6::date)::int AS "newInPeriod"
     FROM per_firm GROUP BY type, level`,
    [filter.type ?? null, filter.level ?? null, knownAt ?? 'infinity', scope.asOf, scope.from, periodEnd],
  );
}
