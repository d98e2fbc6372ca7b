/**
 * bench:figures beyond the resolution figures: visits by month, certification counts as of a date and month by month
 * (the dashboard's 认定趋势), the first page of firms behind a count, and subsidy sums by month. Per figure: the API's own query handler, its ceiling (one aggregate over a flat table holding
 * exactly the rows it needs), and the definition computed here from the generated events — the three must agree.
 */
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '@app/event-store';
import {
  CERTIFICATION_GRANTED,
  CERTIFICATION_RENEWED,
  CERTIFICATION_REVOKED,
  certificationCounts,
  enterprisesBehind,
  GetCertificationCountsHandler,
  GetCertificationCountsQuery,
  GetCertificationSeriesHandler,
  GetCertificationSeriesQuery,
  ListCertifiedEnterprisesHandler,
  ListCertifiedEnterprisesQuery,
  monthlySeries,
  type CountScope,
  type CountsRequest,
} from '@app/enterprises';
import { GetSubsidyMetrics, GetSubsidyMetricsHandler, SubsidyEventTypes, subsidyFigures, type PaymentSums, type SubsidyScope } from '@app/subsidies';
import { GetVisitMetrics, GetVisitMetricsHandler, VisitEventTypes } from '@app/support';
import type { KnownWindow } from '../../libs/enterprises/src/certifications/counts/known-window';
import type { BenchDatabase } from '../bench-database';
import { concurrently, log } from '../stats';
import { END, START } from './problem-lifecycles';
import { certificationStream, PROBLEMS_PER_CERTIFIED_FIRM, PROBLEMS_PER_SUBSIDY_CASE, subsidyStream, visitStream, VISITS_PER_PROBLEM, type Stream } from './zone-activity';

/** The questions timed: the two years by month (visits, subsidies); certification counts as of the report date. */
export const VISIT_SCOPE = { from: START, to: END, asOf: END };
export const SUBSIDY_SCOPE: SubsidyScope = { from: START, to: END, asOf: END, knownAt: null, policyYear: null };
export const CERTIFICATION_SCOPE: CountsRequest = { asOf: END, from: '2026-01-01', to: END, knownAt: null };
/** The firms behind the first certification count (the type and level every generated firm can hold), a page as the console asks. */
export const CERTIFIED_FIRMS = { type: 'specialized_sme', level: 'province', measure: 'currently_valid', limit: 20 } as const;

const month = (date: string) => date.slice(0, 7);

/** What the generated events say, accumulated while seeding (no second pass over the log). */
export class ZoneTruth {
  /** Per month: visits that count (not voided), and their distinct enterprises. */
  readonly visits = new Map<string, { visits: number; enterprises: Set<string> }>();
  /** The same visits one by one: the ceiling's rows. */
  readonly visitRows: { month: string; uscc: string }[] = [];
  readonly windows = new Map<string, KnownWindow>();
  readonly payments: { month: string; kind: 'disbursement' | 'recovery'; fen: number; uscc: string }[] = [];

  take(stream: Stream): void {
    if (stream.streamId.startsWith('visit-')) return this.takeVisit(stream);
    for (const e of stream.events) {
      const d = e.data as Record<string, unknown> & { certificationId: string };
      if (e.type === CERTIFICATION_GRANTED) {
        const { certificationId, uscc, type, level, batch, documentNumber, announcedOn, validFrom, validTo } = d as unknown as KnownWindow;
        this.windows.set(certificationId, { certificationId, uscc, type, level, batch, documentNumber, announcedOn, validFrom, validTo, revokedFrom: null, revocationRecordedAt: null });
      } else if (e.type === CERTIFICATION_RENEWED) this.windows.get(d.certificationId)!.validTo = d.validTo as string;
      else if (e.type === CERTIFICATION_REVOKED) this.windows.get(d.certificationId)!.revokedFrom = d.effectiveFrom as string;
      else if (e.type === SubsidyEventTypes.Disbursed) this.payments.push({ month: month(d.paidOn as string), kind: 'disbursement', fen: d.amountFen as number, uscc: d.enterpriseUscc as string });
      else if (e.type === SubsidyEventTypes.Recovered) this.payments.push({ month: month(d.recoveredOn as string), kind: 'recovery', fen: d.amountFen as number, uscc: d.enterpriseUscc as string });
    }
  }

  private takeVisit(stream: Stream): void {
    if (stream.events.some((e) => e.type === VisitEventTypes.Voided)) return;
    const { visitedOn, enterpriseUscc } = stream.events[0].data as { visitedOn: string; enterpriseUscc: string };
    const m = this.visits.get(month(visitedOn)) ?? { visits: 0, enterprises: new Set<string>() };
    m.visits += 1;
    m.enterprises.add(enterpriseUscc);
    this.visits.set(month(visitedOn), m);
    this.visitRows.push({ month: month(visitedOn), uscc: enterpriseUscc });
  }

  /** 走访家次 and distinct enterprises, total and by month, as GetVisitMetrics answers. */
  visitFigures() {
    const months = [...this.visits.keys()].sort();
    const all = new Set<string>();
    let visits = 0;
    for (const m of this.visits.values()) {
      visits += m.visits;
      m.enterprises.forEach((u) => all.add(u));
    }
    return {
      total: { group: 'all', visits, enterprises: all.size },
      groups: months.map((m) => ({ group: m, visits: this.visits.get(m)!.visits, enterprises: this.visits.get(m)!.enterprises.size })),
    };
  }

  /** 走访家次 and distinct enterprises of the months from … to (inclusive, 'YYYY-MM'): a summary's month or year to date. */
  visitsIn(from: string, to: string) {
    const enterprises = new Set<string>();
    let visits = 0;
    for (const [m, figures] of this.visits) {
      if (m < from || m > to) continue;
      visits += figures.visits;
      figures.enterprises.forEach((u) => enterprises.add(u));
    }
    return { visits, enterprises: enterprises.size };
  }

  /** The subsidy figures by month (of the months from … to when given): the SQL's sums formed here from the events, then the same pure fold. */
  subsidyFigures(from = '0000-00', to = '9999-99') {
    const sums = (key: (p: ZoneTruth['payments'][number]) => string): PaymentSums[] => {
      const lines = new Map<string, { group: string; kind: 'disbursement' | 'recovery'; fen: bigint; count: number; usccs: Set<string> }>();
      for (const p of this.payments) {
        if (p.month < from || p.month > to) continue;
        const id = `${key(p)}|${p.kind}`;
        const line = lines.get(id) ?? { group: key(p), kind: p.kind, fen: 0n, count: 0, usccs: new Set<string>() };
        line.fen += BigInt(p.fen);
        line.count += 1;
        line.usccs.add(p.uscc);
        lines.set(id, line);
      }
      return [...lines.keys()].sort().map((id) => {
        const l = lines.get(id)!;
        return { group: l.group, kind: l.kind, fen: l.fen.toString(), count: l.count, enterprises: l.usccs.size };
      });
    };
    return { total: subsidyFigures(sums(() => 'all'))[0], groups: subsidyFigures(sums((p) => p.month)) };
  }

  certificationCounts(scope: CountScope = CERTIFICATION_SCOPE) {
    return certificationCounts([...this.windows.values()], scope);
  }

  certificationSeries() {
    return monthlySeries([...this.windows.values()], START, END);
  }

  certifiedFirms() {
    return enterprisesBehind([...this.windows.values()], CERTIFIED_FIRMS, CERTIFIED_FIRMS.measure, CERTIFICATION_SCOPE);
  }
}

/** Appends the zone's visits, certifications and subsidy cases for `problems` problems; returns the events appended. */
export async function seedZone(store: PostgresEventStore, problems: number, seed: number, truth: ZoneTruth): Promise<number> {
  const makers: { label: string; count: number; make: (i: number) => Stream; chunk: number }[] = [
    { label: 'visits', count: problems * VISITS_PER_PROBLEM, make: (i) => visitStream(i, problems, seed), chunk: 1_000 },
    { label: 'certified firms', count: Math.ceil(problems / PROBLEMS_PER_CERTIFIED_FIRM), make: (i) => certificationStream(i, seed), chunk: 500 },
    { label: 'subsidy cases', count: Math.ceil(problems / PROBLEMS_PER_SUBSIDY_CASE), make: (i) => subsidyStream(i, seed), chunk: 250 },
  ];
  let events = 0;
  for (const { label, count, make, chunk } of makers) {
    const chunks = Math.ceil(count / chunk);
    let next = 0;
    await concurrently(4, async () => {
      for (let c = next++; c < chunks; c = next++) {
        const streams: Stream[] = [];
        for (let i = c * chunk; i < Math.min(count, (c + 1) * chunk); i++) streams.push(make(i));
        await store.appendAtomically(streams.map((s) => ({ streamId: s.streamId, events: s.events, options: { expectedVersion: 'no_stream' } })));
        for (const s of streams) {
          events += s.events.length;
          truth.take(s);
        }
      }
    });
    log(`    seeded ${count} ${label}`);
  }
  return events;
}

/** The ceilings' flat tables: exactly the rows each figure counts, already folded. */
export async function createZoneCeilingTables(db: BenchDatabase, truth: ZoneTruth): Promise<void> {
  await db.pool.query(`CREATE TABLE ceiling_certifications (type text NOT NULL, level text NOT NULL, uscc text NOT NULL, valid_from date NOT NULL,
    valid_to date NOT NULL, revoked_from date, announced_on date NOT NULL, first_of_firm boolean NOT NULL)`);
  await db.pool.query(`CREATE TABLE ceiling_payments (month text NOT NULL, kind text NOT NULL, amount_fen bigint NOT NULL, uscc text NOT NULL)`);
  await db.pool.query(`CREATE TABLE ceiling_visits (month text NOT NULL, uscc text NOT NULL)`);
  const windows = [...truth.windows.values()];
  const first = new Map<string, KnownWindow>();
  for (const w of windows) {
    const key = `${w.type}|${w.level}|${w.uscc}`;
    const seen = first.get(key);
    if (!seen || w.announcedOn < seen.announcedOn) first.set(key, w);
  }
  const certificationRows = windows.map((w) => ({
    type: w.type, level: w.level, uscc: w.uscc, valid_from: w.validFrom, valid_to: w.validTo, revoked_from: w.revokedFrom,
    announced_on: w.announcedOn, first_of_firm: first.get(`${w.type}|${w.level}|${w.uscc}`) === w,
  }));
  const paymentRows = truth.payments.map((p) => ({ month: p.month, kind: p.kind, amount_fen: p.fen, uscc: p.uscc }));
  const tables: [string, readonly object[]][] = [['ceiling_visits', truth.visitRows], ['ceiling_certifications', certificationRows], ['ceiling_payments', paymentRows]];
  for (const [table, rows] of tables) {
    for (let i = 0; i < rows.length; i += 5_000) {
      await db.pool.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(rows.slice(i, i + 5_000))]);
    }
  }
  await db.pool.query('VACUUM (ANALYZE) ceiling_certifications, ceiling_payments, ceiling_visits, visits, certification_windows, subsidy_payments');
}

/** Distinct enterprises as a hand-tuned report would count them: hash per (month, enterprise) first, no sort. */
const CEILING_VISITS = `SELECT CASE WHEN is_total THEN 'all' ELSE month END AS "group", sum(visits)::int AS visits, count(*)::int AS enterprises
  FROM (SELECT month, uscc, count(*) AS visits, GROUPING(month) = 1 AS is_total FROM ceiling_visits GROUP BY GROUPING SETS ((month, uscc), (uscc))) per_enterprise
  GROUP BY is_total, month ORDER BY is_total DESC, month`;
const CEILING_CERTIFICATIONS = `SELECT type, level,
    count(DISTINCT uscc) FILTER (WHERE valid_from <= $1 AND $1 <= valid_to AND (revoked_from IS NULL OR revoked_from > $1))::int AS "currentlyValid",
    count(DISTINCT uscc) FILTER (WHERE valid_from <= $1)::int AS "everCertified",
    count(DISTINCT uscc) FILTER (WHERE first_of_firm AND announced_on BETWEEN $2 AND $1)::int AS "newInPeriod"
  FROM ceiling_certifications GROUP BY type, level ORDER BY type, level`;
/** Every month end of the two years against every window: what a report query would cross, counting distinct firms. */
const CEILING_CERTIFICATION_SERIES = `WITH days AS (
    SELECT to_char(d, 'YYYY-MM') AS month, least((d + interval '1 month - 1 day')::date, $2::date) AS as_of, greatest(d::date, $1::date) AS period_from
    FROM generate_series(date_trunc('month', $1::date), $2::date, interval '1 month') d)
  SELECT month, type, level,
    count(DISTINCT uscc) FILTER (WHERE valid_from <= as_of AND as_of <= valid_to AND (revoked_from IS NULL OR revoked_from > as_of))::int AS "currentlyValid",
    count(DISTINCT uscc) FILTER (WHERE valid_from <= as_of)::int AS "everCertified",
    count(DISTINCT uscc) FILTER (WHERE first_of_firm AND announced_on BETWEEN period_from AND as_of)::int AS "newInPeriod"
  FROM days CROSS JOIN ceiling_certifications GROUP BY month, type, level`;
const CEILING_CERTIFIED_FIRMS = `WITH behind AS (
    SELECT DISTINCT uscc FROM ceiling_certifications
    WHERE type = $1 AND level = $2 AND valid_from <= $3 AND $3 <= valid_to AND (revoked_from IS NULL OR revoked_from > $3))
  SELECT (SELECT count(*)::int FROM behind) AS total, (SELECT array_agg(uscc) FROM (SELECT uscc FROM behind ORDER BY uscc COLLATE "C" LIMIT $4) p) AS usccs`;
const CEILING_PAYMENTS = `SELECT coalesce(month, 'all') AS "group", kind, sum(amount_fen)::text AS fen, count(*)::int AS count, count(DISTINCT uscc)::int AS enterprises
  FROM ceiling_payments GROUP BY GROUPING SETS ((kind), (month, kind)) ORDER BY GROUPING(month) DESC, month, kind`;

export interface ZoneFigure {
  figure: string;
  api: () => Promise<unknown>;
  ceiling: () => Promise<unknown>;
  /** True when the API's answer equals the definition exactly and the ceiling's figures equal it too. */
  agree: (api: unknown, ceiling: unknown) => boolean;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
type Rows = { rows: Record<string, unknown>[] };

export function zoneFigures(dataSource: DataSource, db: BenchDatabase, truth: ZoneTruth): ZoneFigure[] {
  const visits = new GetVisitMetricsHandler(dataSource);
  const certifications = new GetCertificationCountsHandler(dataSource);
  const certificationSeries = new GetCertificationSeriesHandler(dataSource);
  const certifiedFirms = new ListCertifiedEnterprisesHandler(dataSource);
  const subsidies = new GetSubsidyMetricsHandler(dataSource);
  return [
    {
      figure: 'visits_by_month',
      api: () => visits.execute(new GetVisitMetrics(VISIT_SCOPE.from, VISIT_SCOPE.to, VISIT_SCOPE.asOf, 'month')),
      ceiling: () => db.pool.query(CEILING_VISITS),
      agree: (api, ceiling) => {
        const want = truth.visitFigures();
        const [total, ...groups] = (ceiling as Rows).rows;
        return sameJson(api, want) && sameJson({ total, groups }, want);
      },
    },
    {
      figure: 'certification_counts',
      api: () => certifications.execute(new GetCertificationCountsQuery(CERTIFICATION_SCOPE)),
      ceiling: () => db.pool.query(CEILING_CERTIFICATIONS, [CERTIFICATION_SCOPE.asOf, CERTIFICATION_SCOPE.from]),
      agree: (api, ceiling) => {
        const want = truth.certificationCounts();
        const got = (api as { counts: ({ shares: unknown } & Record<string, unknown>)[] }).counts.map(({ shares: _s, ...count }) => count);
        const ceilingByKey = new Map((ceiling as Rows).rows.map((r) => [`${r.type}|${r.level}`, r]));
        const ceilingAgrees = want.every((w) => {
          const r = ceilingByKey.get(`${w.type}|${w.level}`) ?? { currentlyValid: 0, everCertified: 0, newInPeriod: 0 };
          return r.currentlyValid === w.currentlyValid && r.everCertified === w.everCertified && r.newInPeriod === w.newInPeriod;
        });
        return sameJson(got, want) && ceilingAgrees && want.some((w) => w.currentlyValid > 0);
      },
    },
    {
      figure: 'certification_series',
      api: () => certificationSeries.execute(new GetCertificationSeriesQuery({ from: START, to: END, knownAt: null })),
      ceiling: () => db.pool.query(CEILING_CERTIFICATION_SERIES, [START, END]),
      agree: (api, ceiling) => {
        const want = truth.certificationSeries();
        const ceilingByKey = new Map((ceiling as Rows).rows.map((r) => [`${r.month}|${r.type}|${r.level}`, r]));
        const ceilingAgrees = want.every(({ month, counts }) =>
          counts.every((w) => {
            const r = ceilingByKey.get(`${month}|${w.type}|${w.level}`) ?? { currentlyValid: 0, everCertified: 0, newInPeriod: 0 };
            return r.currentlyValid === w.currentlyValid && r.everCertified === w.everCertified && r.newInPeriod === w.newInPeriod;
          }),
        );
        return sameJson((api as { points: unknown }).points, want) && ceilingAgrees && want.at(-1)!.counts.some((w) => w.currentlyValid > 0);
      },
    },
    {
      figure: 'certified_firms_page',
      api: () =>
        certifiedFirms.execute(
          new ListCertifiedEnterprisesQuery({ ...CERTIFICATION_SCOPE, type: CERTIFIED_FIRMS.type, level: CERTIFIED_FIRMS.level, measure: CERTIFIED_FIRMS.measure }, { limit: CERTIFIED_FIRMS.limit, offset: 0 }),
        ),
      ceiling: () => db.pool.query(CEILING_CERTIFIED_FIRMS, [CERTIFIED_FIRMS.type, CERTIFIED_FIRMS.level, CERTIFICATION_SCOPE.asOf, CERTIFIED_FIRMS.limit]),
      agree: (api, ceiling) => {
        const want = truth.certifiedFirms();
        const page = api as { total: number; items: { uscc: string; certifications: unknown[] }[] };
        const [row] = (ceiling as Rows).rows as { total: number; usccs: string[] }[];
        const first = want.slice(0, CERTIFIED_FIRMS.limit);
        return (
          page.total === want.length && sameJson(page.items.map((i) => i.uscc), first) && page.items.every((i) => i.certifications.length > 0) &&
          row.total === want.length && sameJson(row.usccs, first) && want.length > 0
        );
      },
    },
    {
      figure: 'subsidies_by_month',
      api: async () => {
        const { total, groups } = await subsidies.execute(new GetSubsidyMetrics(SUBSIDY_SCOPE, 'month'));
        return { total, groups };
      },
      ceiling: () => db.pool.query(CEILING_PAYMENTS),
      agree: (api, ceiling) => {
        const want = truth.subsidyFigures();
        const rows = (ceiling as Rows).rows as unknown as PaymentSums[];
        const ceilingFigures = { total: subsidyFigures(rows.filter((r) => r.group === 'all'))[0], groups: subsidyFigures(rows.filter((r) => r.group !== 'all')) };
        return sameJson(api, want) && sameJson(ceilingFigures, want) && want.total.disbursements > 0;
      },
    },
  ];
}
