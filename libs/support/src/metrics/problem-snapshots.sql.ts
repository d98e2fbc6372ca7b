import { ProblemEventTypes as T } from '../problems/domain/problem.events';
import type { ResolutionGroupBy } from './resolution-metrics';

/**
 * `problemAsOf` (problem-as-of.ts, the definition) written as one SQL aggregate over problem_facts, so a cohort of
 * 10⁵ problems is folded where its rows are instead of being shipped, JSON and all, to the API process.
 *
 * The fold sets each snapshot field from the last fact (in stream order) of the types that touch it, so each
 * field is the last value of its own filtered, stream-ordered aggregate. The property test
 * (resolution-metrics.property.int.spec.ts) holds the two to the same figures on randomized histories.
 *
 * Parameters: $1 from, $2 to (registration dates of the cohort), $3 asOf (business date), $4 knownAt (instant;
 * 'infinity' for everything recorded). The CTE `snapshots` has one row per problem of the cohort as it stood.
 */
export const SNAPSHOTS_CTE = `
  cohort AS (
    SELECT r.problem_id FROM problem_facts r
    WHERE r.type = '${T.Registered}' AND r.on_date BETWEEN $1::date AND $2::date
      AND r.on_date <= $3::date AND r.recorded_at <= $4::timestamptz
  ),
  folded AS (
    SELECT f.problem_id,
      ${last(`f.data->>'raisedOn'`, [T.Registered])} AS registered_on,
      ${last(`f.type`, [T.Registered, T.Resolved, T.Reopened, T.Closed, T.Merged, T.Withdrawn])} AS status_type,
      ${last(`CASE WHEN f.type = '${T.Categorized}' THEN f.data->>'to' ELSE f.data->>'category' END`, [T.Registered, T.Categorized])} AS category,
      ${last(`CASE WHEN f.type = '${T.Assigned}' THEN f.data->>'level' ELSE f.data->>'to' END`, [T.Assigned, T.Escalated])} AS level,
      ${last(`CASE WHEN f.type = '${T.Assigned}' THEN f.data END`, [T.Assigned, T.Returned])} AS assignment,
      ${last(`CASE WHEN f.type = '${T.Returned}' THEN NULL ELSE f.data->>'deadline' END`, [T.Assigned, T.Returned, T.ExtensionApproved], `OR (f.type = '${T.Reopened}' AND f.data->>'deadline' IS NOT NULL)`)} AS deadline,
      ${last(`CASE WHEN f.type = '${T.Resolved}' THEN f.data END`, [T.Resolved, T.Reopened])} AS conclusion,
      count(*) FILTER (WHERE f.type = '${T.FollowedUp}' AND f.data->>'satisfaction' = 'satisfied') AS satisfied,
      count(*) FILTER (WHERE f.type = '${T.FollowedUp}' AND f.data->>'satisfaction' = 'basically_satisfied') AS basically_satisfied,
      count(*) FILTER (WHERE f.type = '${T.FollowedUp}') AS follow_ups
    FROM problem_facts f JOIN cohort c ON c.problem_id = f.problem_id
    WHERE f.on_date <= $3::date AND f.recorded_at <= $4::timestamptz
    GROUP BY f.problem_id
  ),
  snapshots AS (
    SELECT problem_id, registered_on, category, level,
      assignment->>'leadUnitId' AS lead_unit_id,
      (assignment->>'assignedOn')::date AS assigned_on,
      deadline::date AS deadline,
      CASE status_type WHEN '${T.Resolved}' THEN 'concluded' WHEN '${T.Closed}' THEN 'closed' WHEN '${T.Merged}' THEN 'merged'
        WHEN '${T.Withdrawn}' THEN 'withdrawn' ELSE 'open' END AS status,
      conclusion->>'outcome' AS outcome,
      (conclusion->>'resolvedOn')::date AS concluded_on,
      (conclusion->>'deadline')::date AS deadline_at_conclusion,
      satisfied, basically_satisfied, follow_ups
    FROM folded
  ),
  counted AS (
    SELECT s.*, s.status IN ('concluded', 'closed') AS concluded FROM snapshots s
    WHERE s.status NOT IN ('merged', 'withdrawn') AND ($5::text IS NULL OR s.lead_unit_id = $5::text)
  )`;

/** The value of `expression` at the last fact (stream order) whose type is one of `types`. */
function last(expression: string, types: readonly string[], orWhere = ''): string {
  const list = types.map((t) => `'${t}'`).join(', ');
  return `(array_agg(${expression} ORDER BY f.stream_position DESC) FILTER (WHERE f.type IN (${list}) ${orWhere}))[1]`;
}

/** The group a counted snapshot falls in — groupKey of resolution-metrics.ts. */
export function groupKeySql(groupBy: ResolutionGroupBy): string {
  switch (groupBy) {
    case 'unit':
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
