import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HandlingUnitDirectory } from '../handling-units/read-model/handling-units.query';
import { problemAsOf, type ProblemFact, type ProblemSnapshot } from './problem-as-of';
import { figureMembers, resolutionFigures, type ResolutionFigureName, type ResolutionFigurePart, type ResolutionFigures, type ResolutionGroupBy } from './resolution-metrics';
import { appendTo } from '@app/platform/collections/group-by';

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

  async execute({ scope, groupBy, workingDaysBetween }: GetResolutionMetrics): Promise<ResolutionMetrics> {
    const snapshots = await loadSnapshots(this.db, scope);
    const [total] = resolutionFigures(snapshots, scope.asOf, 'none', workingDaysBetween);
    const groups = groupBy === 'none' ? [] : resolutionFigures(snapshots, scope.asOf, groupBy, workingDaysBetween);
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

/** The problems behind one figure (a numerator or a denominator), for the dashboard's drill-down. */
export class ListResolutionFigureProblems {
  constructor(
    readonly scope: ResolutionScope,
    readonly groupBy: ResolutionGroupBy,
    readonly group: string | null,
    readonly figure: ResolutionFigureName,
    readonly part: ResolutionFigurePart,
  ) {}
}

@QueryHandler(ListResolutionFigureProblems)
export class ListResolutionFigureProblemsHandler implements IQueryHandler<ListResolutionFigureProblems, string[]> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ids, sorted; the caller pages them through the problem list. */
  async execute({ scope, groupBy, group, figure, part }: ListResolutionFigureProblems): Promise<string[]> {
    const snapshots = await loadSnapshots(this.db, scope);
    return figureMembers(snapshots, scope.asOf, groupBy, group, figure, part).map((s) => s.problemId).sort();
  }
}

/** Every problem of the scope as it stood on scope.asOf, as recorded by scope.knownAt. */
async function loadSnapshots(db: DataSource, scope: ResolutionScope): Promise<ProblemSnapshot[]> {
    const to = scope.kind === 'cumulative' ? scope.asOf : scope.to;
    const knownAt = scope.knownAt ?? 'infinity';
    const rows: { problem_id: string; stream_position: number; type: string; on_date: string; data: Record<string, unknown> }[] =
      await db.query(
        `SELECT f.problem_id, f.stream_position, f.type, f.on_date::text AS on_date, f.data
         FROM problem_facts f
         WHERE f.problem_id IN (
             SELECT r.problem_id FROM problem_facts r
             WHERE r.type = 'ProblemRegistered' AND r.on_date BETWEEN $1::date AND $2::date
               AND r.on_date <= $3::date AND r.recorded_at <= $4::timestamptz)
           AND f.on_date <= $3::date AND f.recorded_at <= $4::timestamptz
         ORDER BY f.problem_id, f.stream_position`,
        [scope.from, to, scope.asOf, knownAt],
      );
    const byProblem = new Map<string, ProblemFact[]>();
    for (const r of rows) {
      appendTo(byProblem, r.problem_id, { problemId: r.problem_id, streamPosition: r.stream_position, type: r.type, onDate: r.on_date, data: r.data });
    }
    const unitId = scope.unitId ?? null;
    return [...byProblem.values()]
      .map((facts) => problemAsOf(facts, scope.asOf))
      .filter((s): s is ProblemSnapshot => s !== null && (unitId === null || s.leadUnitId === unitId));
}
