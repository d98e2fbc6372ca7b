import { ProblemEventTypes as T } from '../problems/domain/problem.events';
import type { ResolutionGroupBy } from './resolution-metrics';

/**
 * Each field of `problemAsOf` (problem-as-of.ts, the definition) folded in SQL from the facts `f` of one problem
 * (GROUP BY f.problem_id): the fold sets each field from the last fact (in stream order) of the types that touch it,
 * so each field is the last value of its own filtered, stream-ordered aggregate. The property test
 * (resolution-metrics.property.int.spec.ts) holds the two to the same figures on randomized histories.
 */
const FOLDED_FIELDS = `
      ${last(`f.data->>'raisedOn'`, [T.Registered])} AS registered_on,
      ${last(`f.type`, [T.Registered, T.Resolved, T.Reopened, T.Closed, T.Merged, T.Withdrawn])} AS status_type,
      ${last(`CASE WHEN f.type = '${T.Categorized}' THEN f.data->>'to' ELSE f.data->>'category' END`, [T.Registered, T.Categorized])} AS category,
      ${last(`CASE WHEN f.type = '${T.Assigned}' THEN f.data->>'level' ELSE f.data->>'to' END`, [T.Assigned, T.Escalated])} AS level,
      ${last(`CASE WHEN f.type = '${T.Assigned}' THEN f.data END`, [T.Assigned, T.Returned])} AS assignment,
      ${last(`CASE WHEN f.type = '${T.Returned}' THEN NULL ELSE f.data->>'deadline' END`, [T.Assigned, T.Returned, T.ExtensionApproved], `OR (f.type = '${T.Reopened}' AND f.data->>'deadline' IS NOT NULL)`)} AS deadline,
      ${last(`CASE WHEN f.type = '${T.Resolved}' THEN f.data END`, [T.Resolved, T.Reopened])} AS conclusion,
      count(*) FILTER (WHERE f.type = '${T.FollowedUp}' AND f.data->>'satisfaction' = 'satisfied')::int AS satisfied,
      count(*) FILTER (WHERE f.type = '${T.FollowedUp}' AND f.data->>'satisfaction' = 'basically_satisfied')::int AS basically_satisfied,
      count(*) FILTER (WHERE f.type = '${T.FollowedUp}')::int AS follow_ups`;

/** A snapshot's columns from a row of FOLDED_FIELDS — in the order and types problem_snapshots stores them. */
const SNAPSHOT_FIELDS = `registered_on, category, level,
      assignment->>'leadUnitId' AS lead_unit_id,
      (assignment->>'assignedOn')::date AS assigned_on,
      deadline::date AS deadline,
      CASE status_type WHEN '${T.Resolved}' THEN 'concluded' WHEN '${T.Closed}' THEN 'closed' WHEN '${T.Merged}' THEN 'merged'
        WHEN '${T.Withdrawn}' THEN 'withdrawn' ELSE 'open' END AS status,
      conclusion->>'outcome' AS outcome,
      (conclusion->>'resolvedOn')::date AS concluded_on,
      (conclusion->>'deadline')::date AS deadline_at_conclusion,
      satisfied, basically_satisfied, follow_ups`;

const SNAPSHOT_COLUMNS = [
  'registered_on', 'category', 'level', 'lead_unit_id', 'assigned_on', 'deadline', 'status', 'outcome', 'concluded_on',
  'deadline_at_conclusion', 'satisfied', 'basically_satisfied', 'follow_ups',
] as const;

/** A problem in the question's cohort: registered in the range, by the report date, as known at knownAt. */
const IN_COHORT = `s.registration_on_date BETWEEN $1::date AND $2::date AND s.registration_on_date <= $3::date
      AND s.registration_recorded_at <= $4::timestamptz`;
/** Every fact of the problem dated by the report date and recorded by knownAt: its row is the answer. */
const AS_IT_STANDS = `s.last_on_date <= $3::date AND s.last_recorded_at <= $4::timestamptz`;

/**
 * The cohort's problems as they stood, folded where their rows are instead of shipped to the API process.
 *
 * The cohort is read from problem_snapshots alone: every registered problem has a row (the problem-facts projection
 * writes it in the transaction that adds the registration), and the row carries the registration's business date
 * and recorded-at, which never change. A problem whose every fact is dated by the report date and recorded by
 * knownAt — at 10⁵ problems, nearly all of them on today's dashboard — stood as it stands now: its row is read as it
 * is. Only the others are folded here from the facts the question sees.
 *
 * Parameters: $1 from, $2 to (registration dates of the cohort), $3 asOf (business date), $4 knownAt (instant;
 * 'infinity' for everything recorded), $5 lead unit or null. The CTE `counted` has one row per counted problem.
 */
export const SNAPSHOTS_CTE = `
  settled AS (
    SELECT s.problem_id, s.registered_on::text AS registered_on, ${SNAPSHOT_COLUMNS.slice(1).map((c) => `s.${c}`).join(', ')}
    FROM problem_snapshots s
    WHERE ${IN_COHORT} AND ${AS_IT_STANDS}
  ),
  unsettled AS (
    -- Against the table, not a shared cohort CTE: each CTE is then read once, so PostgreSQL inlines it and a condition
    -- on the snapshots (one group's records) reaches the rows of problem_snapshots instead of a materialized copy of all.
    SELECT s.problem_id FROM problem_snapshots s
    WHERE ${IN_COHORT} AND NOT (${AS_IT_STANDS})
  ),
  folded AS (
    SELECT f.problem_id, ${FOLDED_FIELDS}
    FROM problem_facts f JOIN unsettled u ON u.problem_id = f.problem_id
    WHERE f.on_date <= $3::date AND f.recorded_at <= $4::timestamptz
    GROUP BY f.problem_id
  ),
  snapshots AS (
    SELECT * FROM settled
    UNION ALL
    SELECT problem_id, ${SNAPSHOT_FIELDS} FROM folded
  ),
  counted AS (
    SELECT s.*, s.status IN ('concluded', 'closed') AS concluded FROM snapshots s
    WHERE s.status NOT IN ('merged', 'withdrawn') AND ($5::text IS NULL OR s.lead_unit_id = $5::text)
  )`;

/**
 * Re-folds the snapshots of the problems $1 (text[]) from every fact of theirs, with the latest business date and
 * recorded-at among them (when a question may read the row as it is). The problem-facts projection runs it in the
 * transaction that adds the facts, so a row is never behind its problem's facts. Only registered problems have one.
 */
export function refreshSnapshotsSql(factsTable: string, snapshotsTable: string): string {
  const columns = ['problem_id', ...SNAPSHOT_COLUMNS, 'registration_on_date', 'registration_recorded_at', 'last_on_date', 'last_recorded_at'];
  return `
    WITH folded AS (
      SELECT f.problem_id, ${FOLDED_FIELDS},
        min(f.on_date) FILTER (WHERE f.type = '${T.Registered}') AS registration_on_date,
        min(f.recorded_at) FILTER (WHERE f.type = '${T.Registered}') AS registration_recorded_at,
        max(f.on_date) AS last_on_date, max(f.recorded_at) AS last_recorded_at, bool_or(f.type = '${T.Registered}') AS registered
      FROM "${factsTable}" f WHERE f.problem_id = ANY($1::text[])
      GROUP BY f.problem_id
    )
    INSERT INTO "${snapshotsTable}" (${columns.join(', ')})
    SELECT problem_id, registered_on::date, ${SNAPSHOT_COLUMNS.slice(1).join(', ')}, registration_on_date, registration_recorded_at, last_on_date, last_recorded_at
    FROM (SELECT problem_id, ${SNAPSHOT_FIELDS}, registration_on_date, registration_recorded_at, last_on_date, last_recorded_at FROM folded WHERE registered) s
    ON CONFLICT (problem_id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
}

/** The value of `expression` at the last fact (stream order) whose type is one of `types`. */
function last(expression: string, types: readonly string[], orWhere = ''): string {
  const list = types.map((t) => `'${t}'`).join(', ');
  return `(array_agg(${expression} ORDER BY f.stream_position DESC) FILTER (WHERE f.type IN (${list}) ${orWhere}))[1]`;
}

/** The group a counted snapshot falls in — groupKey of resolution-metrics.ts. */
export function groupKeySql(groupBy: ResolutionGroupBy): string {
  switch (groupBy) {
    case 'unit':
      // Exactly as IX_problem_snapshots_unit_group indexes it (migration 1764300003300): one unit's records read by it.
      return `coalesce(lead_unit_id, 'unassigned')`;
    case 'category':
      return 'category';
    case 'level':
      return `coalesce(level, 'unassigned')`;
    case 'month':
      return 'left(registered_on, 7)';
    case 'none':
      return `'all'`;
  }
}

/** The predicates of figureMembers (resolution-metrics.ts), over `counted` rows; $3 is the report date. */
export const FIGURE_PREDICATES = {
  concluded: 'concluded',
  solved: `concluded AND outcome = 'solved'`,
  onTime: 'concluded AND deadline_at_conclusion IS NOT NULL AND concluded_on <= deadline_at_conclusion',
  overdue: 'NOT concluded AND deadline IS NOT NULL AND deadline < $3::date',
  satisfiedEnough: 'satisfied + basically_satisfied > 0',
  followedUp: 'follow_ups > 0',
} as const;
