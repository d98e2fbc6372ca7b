import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetCertificationCountsQuery, type CertificationCountsView } from '@app/enterprises';
import { GetSubsidyMetrics, type SubsidyMetrics } from '@app/subsidies';
import { GetResolutionMetrics, GetUnitPerformance, GetVisitMetrics, WorkingCalendar, type ResolutionMetrics, type UnitPerformance, type VisitFigures } from '@app/support';
import type { MonthBounds } from '../domain/month';
import type { CertificationFigure, FigureScope, MonthlySummaryFigures, ProblemFigure, SubsidyFigure, UnitTableFigure } from '../domain/monthly-summary.figures';

/** A figure's scope plus the cut's instant (stored once, on the summary's cut, not in every figure). */
type KnownScope = FigureScope & { knownAt: string };
const published = ({ kind, from, to, asOf }: KnownScope): FigureScope => ({ kind, from, to, asOf });

/** The certification types the bureau's report names, in its order. */
export const REPORTED_CERTIFICATION_TYPES = ['specialized_sme', 'little_giant', 'high_tech', 'tech_sme', 'single_champion'] as const;

/**
 * Every figure of a monthly summary, from the existing read-model queries (never re-implemented here),
 * each as of the end of the month's last day and as known at one instant (the summary's cut): late data
 * recorded by then counts (a June visit logged on 3 July belongs to June), anything recorded later does not,
 * so the same call with the recorded knownAt gives the stored figures again.
 */
@Injectable()
export class MonthlySummaryFiguresSource {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: WorkingCalendar,
  ) {}

  async compute(bounds: MonthBounds, knownAt: string): Promise<MonthlySummaryFigures> {
    const asOf = bounds.to;
    const month: KnownScope = { kind: 'month', from: bounds.from, to: asOf, asOf, knownAt };
    const ytd: KnownScope = { kind: 'year_to_date', from: bounds.yearStart, to: asOf, asOf, knownAt };
    return {
      visits: { month: { scope: published(month), ...(await this.visits(month)) }, yearToDate: { scope: published(ytd), ...(await this.visits(ytd)) } },
      problems: { month: await this.problems(month), yearToDate: await this.problems(ytd) },
      subsidies: { month: await this.subsidies(month), yearToDate: await this.subsidies(ytd) },
      certifications: await this.certifications(month, ytd),
      units: await this.units(month),
    };
  }

  /** The month's 考评 table from the unit-performance query (the same figures the 单位考评 page shows). */
  private async units(scope: KnownScope): Promise<UnitTableFigure> {
    const { units, rankings } = await this.queries.execute<GetUnitPerformance, UnitPerformance>(
      new GetUnitPerformance({ from: scope.from, to: scope.to, asOf: scope.asOf, knownAt: scope.knownAt }, null, null),
    );
    const nameOf = new Map(units.map((u) => [u.unitId, u.unitName]));
    const onTime = rankings.find((r) => r.by === 'onTimeRate')!;
    const rows = units
      .map(({ unitId, unitName, timelyAcceptance, returnRate, conclusionRate, onTimeRate, satisfactionRate, ratedRate, acceptanceDays }) => ({
        unitId, unitName, timelyAcceptance, returnRate, conclusionRate, onTimeRate, satisfactionRate, ratedRate, acceptanceDays,
      }))
      .sort((a, b) => a.unitId.localeCompare(b.unitId));
    return {
      rows,
      lowest: onTime.ranked
        .filter((r) => r.cause !== null)
        .map((r) => ({ unitId: r.unitId, unitName: nameOf.get(r.unitId) ?? null, rank: r.rank, onTimeRate: r.figure, cause: r.cause! })),
      unscored: onTime.unscored.map((unitId) => ({ unitId, unitName: nameOf.get(unitId) ?? null })),
    };
  }

  private async visits(scope: KnownScope): Promise<{ visits: number; enterprises: number }> {
    const { total } = await this.queries.execute<GetVisitMetrics, { total: VisitFigures }>(new GetVisitMetrics(scope.from, scope.to, scope.asOf, 'none', scope.knownAt));
    return { visits: total.visits, enterprises: total.enterprises };
  }

  private async problems(scope: KnownScope): Promise<ProblemFigure> {
    // The summary does not publish the median, but the statement counts it: from the calendar as loaded.
    const workingDays = (await this.calendar.snapshot()).dayCounts();
    const kind = scope.kind === 'month' ? 'period' : 'cumulative';
    const { total } = await this.queries.execute<GetResolutionMetrics, ResolutionMetrics>(
      new GetResolutionMetrics({ kind, from: scope.from, to: scope.to, asOf: scope.asOf, knownAt: scope.knownAt }, 'none', workingDays),
    );
    return {
      scope: published(scope),
      collected: total.collected,
      resolved: total.resolutionRate.numerator,
      resolutionRate: total.resolutionRate,
      conclusionRate: total.conclusionRate,
      satisfactionRate: total.satisfactionRate,
      strictSatisfactionRate: total.strictSatisfactionRate,
      onTimeRate: total.onTimeRate,
      overdue: total.overdue,
    };
  }

  private async subsidies(scope: KnownScope): Promise<SubsidyFigure> {
    const { total, groups } = await this.queries.execute<GetSubsidyMetrics, SubsidyMetrics>(
      new GetSubsidyMetrics({ from: scope.from, to: scope.to, asOf: scope.asOf, knownAt: scope.knownAt, policyYear: null }, 'policy_year'),
    );
    const byPolicyYear = groups
      .map((g) => ({ policyYear: Number(g.group), disbursed: g.disbursed, recovered: g.recovered, disbursements: g.disbursements, enterprisesPaid: g.enterprisesPaid }))
      .sort((a, b) => a.policyYear - b.policyYear);
    return { scope: published(scope), disbursed: total.disbursed, recovered: total.recovered, disbursements: total.disbursements, enterprisesPaid: total.enterprisesPaid, byPolicyYear };
  }

  private async certifications(month: KnownScope, ytd: KnownScope): Promise<CertificationFigure[]> {
    const counts = (scope: KnownScope) =>
      this.queries.execute<GetCertificationCountsQuery, CertificationCountsView>(
        new GetCertificationCountsQuery({ asOf: scope.asOf, from: scope.from, to: scope.to, knownAt: scope.knownAt }),
      );
    const [inMonth, inYear] = [await counts(month), await counts(ytd)];
    return REPORTED_CERTIFICATION_TYPES.flatMap((type) =>
      inMonth.counts
        .filter((c) => c.type === type)
        .map((c) => ({
          type: c.type,
          level: c.level,
          typeName: c.typeName,
          newInMonth: c.newInPeriod,
          newInYear: inYear.counts.find((y) => y.type === c.type && y.level === c.level)?.newInPeriod ?? 0,
          everCertified: c.everCertified,
          currentlyValid: c.currentlyValid,
          shares: c.shares.map((s) => ({ ...s })),
          yearToDateShares: (inYear.counts.find((y) => y.type === c.type && y.level === c.level)?.shares ?? []).map((s) => ({ ...s })),
        })),
    );
  }
}
