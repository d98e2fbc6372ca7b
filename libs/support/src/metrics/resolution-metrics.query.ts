import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HandlingUnitDirectory } from '../handling-units/read-model/handling-units.query';
import { FIGURE_PREDICATES as P, groupKeySql, SNAPSHOTS_CTE } from './problem-snapshots.sql';
import { medianOfCounts, ratio } from './ratio';
import type { ResolutionFigureName, ResolutionFigurePart, ResolutionFigures, ResolutionGroupBy } from './resolution-metrics';

export interface ResolutionScope {
  /** 'period': the cohort registered between from and to; 'cumulative': registered since `from` up to asOf. */
  kind: 'period' | 'cumulative';
  from: string;
  to: string;
  /** The report date: each problem counts as it stood at the end of this day. */
  asOf: string;
  /** Optional: only what had been recorded by this instant (reproduces a figure published then). */
  knownAt: string | null;
  /** Optional: only problems whose lead unit (as of asOf) is this one — a unit's own figures. */
  unitId?: string | null;
}

export class GetResolutionMetrics {
  constructor(
    readonly scope: ResolutionScope,
    readonly groupBy: ResolutionGroupBy,
    readonly workingDaysBetween: (from: string, to: string) => number | null,
  ) {}
}

/** A group of the figures; grouped by unit, it carries the unit's current name (null: not in the registry). */
export type ResolutionGroupFigures = ResolutionFigures & { groupName: string | null };

export interface ResolutionMetrics {
  scope: ResolutionScope;
  groupBy: ResolutionGroupBy;
  total: ResolutionFigures;
  groups: ResolutionGroupFigures[];
  // The problems behind a figure are not here: a province's figure has 10⁵ of them. They are paged by
  // ListResolutionFigureProblems (GET /metrics/resolution/problems).
}

@QueryHandler(GetResolutionMetrics)
export class GetResolutionMetricsHandler implements IQueryHandler<GetResolutionMetrics, ResolutionMetrics> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: HandlingUnitDirectory,
  ) {}

  /**
   * One statement: the cohort folded and counted in SQL (problem-snapshots.sql.ts), the total and every group from
   * the same materialized rows. Only the counts and each group's distinct (start, conclusion) date pairs come back — working
   * days need the calendar, which lives here — so the response costs the groups, not the problems.
   */
  async execute({ scope, groupBy, workingDaysBetween }: GetResolutionMetrics): Promise<ResolutionMetrics> {
    const rows: FigureRow[] = await this.db.query(
      `WITH ${SNAPSHOTS_CTE},
       keyed AS (SELECT *, ${groupKeySql(groupBy)} AS grp,
           CASE WHEN concluded THEN coalesce(assigned_on::text, registered_on) END AS started_on FROM counted),
       durations AS (SELECT grp, started_on, concluded_on::text AS concluded_on, count(*)::int AS n FROM keyed WHERE concluded GROUP BY 1, 2, 3)
       SELECT 'figures' AS kind, GROUPING(grp) = 1 AS is_total, grp, NULL::json AS pairs,
         count(*)::int AS collected,
         count(*) FILTER (WHERE ${P.concluded})::int AS concluded,
         count(*) FILTER (WHERE ${P.solved})::int AS solved,
         coalesce(sum(satisfied), 0)::int AS satisfied,
         coalesce(sum(basically_satisfied), 0)::int AS basically_satisfied,
         coalesce(sum(follow_ups), 0)::int AS follow_ups,
         count(*) FILTER (WHERE ${P.onTime})::int AS on_time,
         count(*) FILTER (WHERE ${P.overdue})::int AS overdue
       FROM keyed GROUP BY GROUPING SETS ((), (grp))
       UNION ALL
       -- A group's pairs as one JSON array: tens of thousands of them at a province's scale, parsed at once instead
       -- of as many result rows.
       SELECT 'durations', false, grp, json_agg(json_build_array(started_on, concluded_on, n)), 0, 0, 0, 0, 0, 0, 0, 0
       FROM durations GROUP BY grp`,
      [...scopeParameters(scope)],
    );
    const figureRows = rows.filter((r) => r.kind === 'figures');
    const durations = durationsByGroup(rows, workingDaysBetween);
    const total = figuresOf('all', figureRows.find((r) => r.is_total)!, durations.get(TOTAL));
    const groups =
      groupBy === 'none'
        ? []
        : figureRows
            .filter((r) => !r.is_total)
            .map((r) => figuresOf(r.grp!, r, durations.get(r.grp!)))
            .sort((a, b) => a.group.localeCompare(b.group));
    // The unit's name as the registry has it now: a renamed unit reads under its new name in old figures too.
    const names = groupBy === 'unit' ? await this.units.names(groups.map((g) => g.group)) : new Map<string, string>();
    return {
      scope,
      groupBy,
      total,
      groups: groups.map((g) => ({ ...g, groupName: names.get(g.group) ?? null })),
    };
  }
}

interface FigureRow {
  kind: 'figures' | 'durations';
  is_total: boolean;
  grp: string | null;
  /** A durations row's distinct (start, conclusion, how many) of its group. */
  pairs: [startedOn: string, concludedOn: string | null, n: number][] | null;
  collected: number;
  concluded: number;
  solved: number;
  satisfied: number;
  basically_satisfied: number;
  follow_ups: number;
  on_time: number;
  overdue: number;
}

const TOTAL = Symbol('total');

/**
 * Working days to conclusion per group and in total, as how many problems took each number of days; null days:
 * outside the loaded calendar. The pairs of dates come per group only: every counted problem is in exactly one group,
 * so the total's are all the groups' together (half the rows a grouping set of its own would ship). Counted by days
 * as they are read: tens of thousands of pairs become a few dozen numbers of days before the median sorts them.
 */
function durationsByGroup(rows: readonly FigureRow[], workingDaysBetween: (from: string, to: string) => number | null) {
  const byGroup = new Map<string | typeof TOTAL, Map<number | null, number>>();
  const add = (key: string | typeof TOTAL, days: number | null, n: number) => {
    let counts = byGroup.get(key);
    if (!counts) byGroup.set(key, (counts = new Map()));
    counts.set(days, (counts.get(days) ?? 0) + n);
  };
  for (const r of rows) {
    if (r.kind !== 'durations') continue;
    for (const [startedOn, concludedOn, n] of r.pairs!) {
      const days = concludedOn === null ? null : workingDaysBetween(startedOn, concludedOn);
      add(r.grp!, days, n);
      add(TOTAL, days, n);
    }
  }
  return byGroup;
}

/** The published figures of one group from its counts — the same ratios `figures` of resolution-metrics.ts forms. */
function figuresOf(group: string, r: FigureRow, durations: ReadonlyMap<number | null, number> = new Map()): ResolutionFigures {
  return {
    group,
    collected: r.collected,
    resolutionRate: ratio(r.solved, r.collected),
    conclusionRate: ratio(r.concluded, r.collected),
    satisfactionRate: ratio(r.satisfied + r.basically_satisfied, r.follow_ups),
    strictSatisfactionRate: ratio(r.satisfied, r.follow_ups),
    onTimeRate: ratio(r.on_time, r.concluded),
    overdue: r.overdue,
    medianWorkingDaysToResolve: durations.has(null) ? null : medianOfCounts(durations as ReadonlyMap<number, number>),
  };
}

/** Where a page of a figure's problems starts: after this problem, in the problem list's order. */
export interface FigureCursor {
  registeredOn: string;
  problemId: string;
}

/** A page of a figure's problems: by keyset (`after`, stable under inserts) or by offset from the first. */
export interface FigurePage {
  limit: number;
  offset: number;
  after: FigureCursor | null;
}

/** One page of the problems behind a figure, in the problem list's order, and how many there are in all. */
export interface FigureMembersPage {
  /** Every member of the figure (not only this page): equals the figure's numerator or denominator. */
  total: number;
  problemIds: string[];
  /** Where the next page starts; null on the last page. */
  next: FigureCursor | null;
}

/** The problems behind one figure (a numerator or a denominator), for the dashboard's drill-down, a page at a time. */
export class ListResolutionFigureProblems {
  constructor(
    readonly scope: ResolutionScope,
    readonly groupBy: ResolutionGroupBy,
    readonly group: string | null,
    readonly figure: ResolutionFigureName,
    readonly part: ResolutionFigurePart,
    readonly page: FigurePage,
  ) {}
}

@QueryHandler(ListResolutionFigureProblems)
export class ListResolutionFigureProblemsHandler implements IQueryHandler<ListResolutionFigureProblems, FigureMembersPage> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One statement: the figure's members from the same fold as its count, counted, and one page of them in the
   * problem list's order (newest registration first, then id) — so the caller reads the page's rows by id and never
   * holds the whole figure. One row more than the page tells whether there is a next one.
   */
  async execute({ scope, groupBy, group, figure, part, page }: ListResolutionFigureProblems): Promise<FigureMembersPage> {
    const rows: { total: number; problem_id: string | null; registered_on: string | null }[] = await this.db.query(
      `WITH ${SNAPSHOTS_CTE},
       members AS (
         SELECT problem_id, registered_on::date AS registered_on FROM counted
         WHERE ($6::text IS NULL OR ${groupKeySql(groupBy)} = $6::text) AND ${memberPredicate(figure, part)}
       )
       SELECT t.total, m.problem_id, m.registered_on::text AS registered_on
       FROM (SELECT count(*)::int AS total FROM members) t
       LEFT JOIN LATERAL (
         SELECT problem_id, registered_on FROM members
         WHERE $7::date IS NULL OR registered_on < $7::date OR (registered_on = $7::date AND problem_id > $8::text)
         ORDER BY registered_on DESC, problem_id LIMIT $9 OFFSET $10
       ) m ON true
       ORDER BY m.registered_on DESC, m.problem_id`,
      [...scopeParameters(scope), group, page.after?.registeredOn ?? null, page.after?.problemId ?? null, page.limit + 1, page.offset],
    );
    const found = rows.filter((r) => r.problem_id !== null); // no member on this page: one row, its total only
    const listed = found.slice(0, page.limit);
    const last = listed[listed.length - 1];
    const hasMore = found.length > page.limit;
    return {
      total: rows[0]?.total ?? 0,
      problemIds: listed.map((r) => r.problem_id!),
      next: hasMore ? { registeredOn: last.registered_on!, problemId: last.problem_id! } : null,
    };
  }
}

/** figureMembers of resolution-metrics.ts, as a predicate over `counted`. */
function memberPredicate(figure: ResolutionFigureName, part: ResolutionFigurePart): string {
  const numerator = part === 'numerator';
  switch (figure) {
    case 'collected':
      return 'true';
    case 'resolutionRate':
      return numerator ? P.solved : 'true';
    case 'conclusionRate':
      return numerator ? P.concluded : 'true';
    case 'satisfactionRate':
      return numerator ? P.satisfiedEnough : P.followedUp;
    case 'onTimeRate':
      return numerator ? P.onTime : P.concluded;
    case 'overdue':
      return P.overdue;
  }
}

/** $1–$5 of SNAPSHOTS_CTE. */
function scopeParameters(scope: ResolutionScope): [string, string, string, string, string | null] {
  const to = scope.kind === 'cumulative' ? scope.asOf : scope.to;
  return [scope.from, to, scope.asOf, scope.knownAt ?? 'infinity', scope.unitId ?? null];
}
