import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HandlingUnitDirectory } from '../handling-units/read-model/handling-units.query';
import type { WorkingDayCounts } from '../working-calendar/domain/working-days';
import { FIGURE_PREDICATES as P, groupKeySql, SNAPSHOTS_CTE } from './problem-snapshots.sql';
import { medianOfCounts, ratio } from './ratio';
import { workingDaysSql, workingDayValues } from './working-days.sql';
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
    /** The working-day calendar's counts (WorkingDayCalendar.dayCounts), for the median working days to conclusion. */
    readonly workingDays: WorkingDayCounts,
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
   * One statement: the cohort folded and counted in SQL (problem-snapshots.sql.ts), the total and every group in
   * one pass over its rows. Each concluded problem's working days to conclusion are counted there too, from the
   * calendar's own prefix counts (working-days.sql.ts), so only how many problems took each number of days comes
   * back — a few dozen rows per group — and the median is formed here (medianOfCounts).
   */
  async execute({ scope, groupBy, workingDays }: GetResolutionMetrics): Promise<ResolutionMetrics> {
    // From assignment (or registration) to conclusion; $6–$8 follow the scope's $1–$5 (scopeParameters).
    const days = workingDaysSql('coalesce(assigned_on, registered_on::date)', 'concluded_on', { firstDay: 6, workingBefore: 7, notLoadedBefore: 8 });
    const rows: FigureRow[] = await this.db.query(
      `WITH ${SNAPSHOTS_CTE},
       keyed AS (SELECT *, ${groupKeySql(groupBy)} AS grp, CASE WHEN concluded THEN ${days} END AS days FROM counted)
       SELECT GROUPING(grp) = 1 AS is_total, GROUPING(concluded) = 0 AS is_days, grp, concluded AS of_concluded, days,
         count(*)::int AS collected,
         count(*) FILTER (WHERE ${P.concluded})::int AS concluded,
         count(*) FILTER (WHERE ${P.solved})::int AS solved,
         coalesce(sum(satisfied), 0)::int AS satisfied,
         coalesce(sum(basically_satisfied), 0)::int AS basically_satisfied,
         coalesce(sum(follow_ups), 0)::int AS follow_ups,
         count(*) FILTER (WHERE ${P.onTime})::int AS on_time,
         count(*) FILTER (WHERE ${P.overdue})::int AS overdue
       -- (grp, concluded, days): per group, how many concluded problems took each number of working days.
       FROM keyed GROUP BY GROUPING SETS ((), (grp), (grp, concluded, days))`,
      [...scopeParameters(scope), ...workingDayValues(workingDays)],
    );
    const figureRows = rows.filter((r) => !r.is_days);
    const durations = durationsByGroup(rows);
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
  is_total: boolean;
  /** A row of the (grp, concluded, days) set: `collected` problems of the group took `days` working days. */
  is_days: boolean;
  grp: string | null;
  of_concluded: boolean | null;
  /** Working days to conclusion; null: no conclusion date, or outside the loaded calendar. */
  days: number | null;
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
 * How many concluded problems took each number of working days, per group and in total (null days: no duration,
 * so no median). Every counted problem is in exactly one group, so the total's are all the groups' together.
 */
function durationsByGroup(rows: readonly FigureRow[]) {
  const byGroup = new Map<string | typeof TOTAL, Map<number | null, number>>();
  const add = (key: string | typeof TOTAL, days: number | null, n: number) => {
    let counts = byGroup.get(key);
    if (!counts) byGroup.set(key, (counts = new Map()));
    counts.set(days, (counts.get(days) ?? 0) + n);
  };
  for (const r of rows) {
    if (!r.is_days || !r.of_concluded) continue;
    add(r.grp!, r.days, r.collected);
    add(TOTAL, r.days, r.collected);
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
