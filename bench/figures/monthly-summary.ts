/**
 * bench:figures' monthly summary: one 月报's figures computed as the generate command computes them
 * (MonthlySummaryFiguresSource over the API's own query handlers, every figure as known at the cut), then its
 * workbook. No single aggregate is its ceiling — it is a dozen figures — so it is timed against the target (seconds at
 * province scale) and checked against the definition: the month's and the year's visits, subsidies and certification
 * counts formed from the generated events.
 */
import type { DataSource } from 'typeorm';
import { GetCertificationCountsHandler, GetCertificationCountsQuery } from '@app/enterprises';
import { monthBounds, monthlySummaryWorkbook, MonthlySummaryFiguresSource, REPORTED_CERTIFICATION_TYPES, type MonthlySummaryFigures } from '@app/reporting';
import { GetSubsidyMetrics, GetSubsidyMetricsHandler } from '@app/subsidies';
import {
  GetResolutionMetrics,
  GetResolutionMetricsHandler,
  GetUnitPerformance,
  GetUnitPerformanceHandler,
  GetVisitMetrics,
  GetVisitMetricsHandler,
  type HandlingUnitDirectory,
  type WorkingCalendar,
} from '@app/support';
import { CALENDAR } from './problem-lifecycles';
import type { ZoneTruth } from './zone-figures';

/** The last full month before the report date of the bench's log (2026-11-30). */
export const SUMMARY_MONTH = '2026-10';

/** The query bus as the summary uses it: each query to the handler the API registers for it. */
function queryBus(dataSource: DataSource) {
  const noNames = { names: async () => new Map<string, string>() } as unknown as HandlingUnitDirectory;
  const calendar = { snapshot: async () => CALENDAR } as unknown as WorkingCalendar;
  const handlers = new Map<unknown, { execute(query: never): Promise<unknown> }>([
    [GetVisitMetrics, new GetVisitMetricsHandler(dataSource)],
    [GetResolutionMetrics, new GetResolutionMetricsHandler(dataSource, noNames)],
    [GetSubsidyMetrics, new GetSubsidyMetricsHandler(dataSource)],
    [GetCertificationCountsQuery, new GetCertificationCountsHandler(dataSource)],
    [GetUnitPerformance, new GetUnitPerformanceHandler(dataSource, calendar, noNames)],
  ]);
  return {
    bus: { execute: (query: object) => handlers.get(query.constructor)!.execute(query as never) },
    calendar,
  };
}

export function monthlySummaryBench(dataSource: DataSource, truth: ZoneTruth) {
  const { bus, calendar } = queryBus(dataSource);
  const source = new MonthlySummaryFiguresSource(bus as never, calendar);
  const bounds = monthBounds(SUMMARY_MONTH);
  return {
    /** The figures as generated: knownAt is the cut's instant, here after everything was recorded. */
    compute: () => source.compute(bounds, new Date().toISOString()),
    workbook: (figures: MonthlySummaryFigures) =>
      monthlySummaryWorkbook({
        zone: 'bench', month: SUMMARY_MONTH, version: 1, kind: 'generated', reason: null, asOf: bounds.to, computedAtPosition: 0,
        cut: { transactionId: null, knownAt: null }, generatedAt: new Date().toISOString(), figures,
      }),
    agree: (figures: MonthlySummaryFigures) => {
      const [month, yearStart] = [SUMMARY_MONTH, bounds.yearStart.slice(0, 7)];
      const visits = (f: { visits: number; enterprises: number }) => ({ visits: f.visits, enterprises: f.enterprises });
      const money = (f: MonthlySummaryFigures['subsidies']['month']) => ({ disbursed: f.disbursed, recovered: f.recovered, disbursements: f.disbursements, enterprisesPaid: f.enterprisesPaid });
      const subsidies = (from: string) => {
        const t = truth.subsidyFigures(from, month).total;
        return t ? { disbursed: t.disbursed, recovered: t.recovered, disbursements: t.disbursements, enterprisesPaid: t.enterprisesPaid } : null;
      };
      const inMonth = truth.certificationCounts({ asOf: bounds.to, from: bounds.from, to: bounds.to });
      const inYear = truth.certificationCounts({ asOf: bounds.to, from: bounds.yearStart, to: bounds.to });
      const certifications = REPORTED_CERTIFICATION_TYPES.flatMap((type) =>
        inMonth.filter((c) => c.type === type).map((c) => ({
          type: c.type, level: c.level, newInMonth: c.newInPeriod, everCertified: c.everCertified, currentlyValid: c.currentlyValid,
          newInYear: inYear.find((y) => y.type === c.type && y.level === c.level)!.newInPeriod,
        })),
      );
      const got = {
        visits: [visits(figures.visits.month), visits(figures.visits.yearToDate)],
        subsidies: [money(figures.subsidies.month), money(figures.subsidies.yearToDate)],
        certifications: figures.certifications.map(({ type, level, newInMonth, everCertified, currentlyValid, newInYear }) => ({ type, level, newInMonth, everCertified, currentlyValid, newInYear })),
      };
      const want = { visits: [truth.visitsIn(month, month), truth.visitsIn(yearStart, month)], subsidies: [subsidies(month), subsidies(yearStart)], certifications };
      return JSON.stringify(got) === JSON.stringify(want) && want.visits[0].visits > 0 && figures.problems.month.collected > 0;
    },
  };
}
