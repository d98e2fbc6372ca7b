import type { DataSource } from 'typeorm';
import type { ProblemFact } from '../../metrics/problem-as-of';
import { problemCourse, type ProblemCourse, type WorkingDays } from '../domain/problem-course';
import type { Period } from '../domain/unit-figures';

/** The acceptance limit (签收时限) when none is configured: one working day from 交办. */
export const DEFAULT_ACCEPTANCE_LIMIT_WORKING_DAYS = 1;

/**
 * An acceptance limit that falls in the period can start before it (a 交办 on 30 September is due
 * after 国庆): look this many calendar days back for assignments. Wider than any holiday run.
 */
const ACCEPTANCE_LOOKBACK_DAYS = 31;

export interface CourseScope extends Period {
  /** Only what had been recorded by this instant (a figure as published then); null: everything. */
  knownAt: string | null;
}

/**
 * The courses of the problems a period's unit figures can touch — registered in the period, or
 * assigned in it (or just before it, for acceptance limits) — read from the problem_facts read model.
 * The work is bounded by the period's problems, never the whole log.
 */
export async function loadProblemCourses(
  db: DataSource,
  scope: CourseScope,
  calendar: WorkingDays,
  acceptanceLimit = DEFAULT_ACCEPTANCE_LIMIT_WORKING_DAYS,
): Promise<ProblemCourse[]> {
  const knownAt = scope.knownAt ?? 'infinity';
  const rows: { problem_id: string; stream_position: number; type: string; on_date: string; data: Record<string, unknown> }[] = await db.query(
    `SELECT f.problem_id, f.stream_position, f.type, f.on_date::text AS on_date, f.data
     FROM problem_facts f
     WHERE f.problem_id IN (
         SELECT r.problem_id FROM problem_facts r
         WHERE r.recorded_at <= $4::timestamptz AND r.on_date <= $3::date
           AND ((r.type = 'ProblemRegistered' AND r.on_date BETWEEN $1::date AND $2::date)
             OR (r.type = 'ProblemAssigned' AND r.on_date BETWEEN ($1::date - $5::int) AND $2::date)))
       AND f.on_date <= $3::date AND f.recorded_at <= $4::timestamptz
     ORDER BY f.problem_id, f.stream_position`,
    [scope.from, scope.to, scope.asOf, knownAt, ACCEPTANCE_LOOKBACK_DAYS],
  );
  const byProblem = new Map<string, ProblemFact[]>();
  for (const r of rows) {
    const list = byProblem.get(r.problem_id) ?? [];
    list.push({ problemId: r.problem_id, streamPosition: r.stream_position, type: r.type, onDate: r.on_date, data: r.data });
    byProblem.set(r.problem_id, list);
  }
  const courses: ProblemCourse[] = [];
  for (const facts of byProblem.values()) {
    const c = problemCourse(facts, scope.asOf, calendar, acceptanceLimit);
    if (c) courses.push(c);
  }
  return courses;
}
