/**
 * `npm run bench:figures [-- --max 10000]`: the dashboard's figures at 10³, 10⁴ and 10⁵ problems, on the PostgreSQL
 * at DATABASE_URL, each against its ceiling. Per size it seeds a fresh database through the event store with
 * decider-made histories over two years — problem lifecycles (bench/figures/problem-lifecycles.ts), ~6 visits per
 * problem, certification windows and subsidy cases with payments (bench/figures/zone-activity.ts) — times a rebuild
 * of every read model from that log by the worker's shared poller, then times each figure as the API's query handler
 * computes it and the same figure as one hand-written aggregate over a flat table holding exactly the rows it needs
 * (the ceiling). Both are checked against the definition computed from the generated events (problemAsOf +
 * resolutionFigures / figureMembers for the resolution figures; bench/figures/zone-figures.ts for the rest).
 * Progress on stderr; one JSON line per figure and size on stdout; exit 1 when a check fails. docs/benchmarks.md
 * explains the figures.
 *
 * BENCH_REBUILD_EACH=1 also rebuilds each read model alone and prints its rate (which ones the rebuild waits on).
 * The monthly summary (its figures as the generate command computes them, then its workbook) is timed too.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PoolSql, PostgresEventStore, ProjectionRunner, rebuildProjection, type Projection } from '@app/event-store';
import { dataSourceOptions } from '@app/platform';
import { eventDate } from '@app/platform/time';
import {
  figureMembers,
  inListOrder,
  GetResolutionMetrics,
  GetResolutionMetricsHandler,
  ListResolutionFigureProblems,
  ListResolutionFigureProblemsHandler,
  resolutionFigures,
  type HandlingUnitDirectory,
  type ResolutionFigureName,
  type ResolutionScope,
} from '@app/support';
import { problemAsOf, type ProblemFact, type ProblemSnapshot } from '../libs/support/src/metrics/problem-as-of';
import { createBenchDatabase, machineInfo, withDatabase, type BenchDatabase } from './bench-database';
import { allReadModels } from './figures/read-models';
import { createZoneCeilingTables, seedZone, zoneFigures, ZoneTruth } from './figures/zone-figures';
import { monthlySummaryBench } from './figures/monthly-summary';
import { CALENDAR, END, problemLifecycle, START, UNITS, workingDaysBetween, type ProblemStream } from './figures/problem-lifecycles';
import { concurrently, log, percentile, round, timed } from './stats';

const SIZES = [1_000, 10_000, 100_000];
const SEED = 15;
const WARM_UPS = 2;
const TIMED_RUNS = 15;
/** A monthly summary is a dozen figures: fewer runs (its target is seconds, not milliseconds). */
const SUMMARY_RUNS = 5;
const APPEND_CHUNK = 250;
const TARGETS = { ratio: 2, p50_ms: 250, bytes: 1_000_000, rebuild_eps: 20_000 };

/** The scopes the dashboard opens: this half-year's cohort, and everything since the campaign began. */
const SCOPES: Record<'period' | 'cumulative', ResolutionScope> = {
  period: { kind: 'period', from: '2026-01-01', to: '2026-06-30', asOf: END, knownAt: null },
  cumulative: { kind: 'cumulative', from: START, to: END, asOf: END, knownAt: null },
};
/** The drill-down timed: the solved problems of one unit, cumulatively (resolutionRate's numerator). */
/** The records behind a figure are read a page at a time, as the console's drill-down asks for them. */
const RECORDS_PAGE = 20;
const DRILL_DOWN = { scope: 'cumulative' as const, group: UNITS[0], figure: 'resolutionRate' as ResolutionFigureName, part: 'numerator' as const };

const maxSize = (() => {
  const i = process.argv.indexOf('--max');
  return i === -1 ? Infinity : Number(process.argv[i + 1]);
})();

interface FigureLine {
  figure: string;
  size: number;
  p50_ms: number;
  p95_ms: number;
  /** Null for the monthly summary: a dozen figures, no one aggregate is its ceiling. */
  ceiling_p50_ms: number | null;
  ratio: number | null;
  bytes: number;
  agree: boolean;
}

async function timeRuns<T>(work: () => Promise<T>, runs = TIMED_RUNS): Promise<{ result: T; p50: number; p95: number }> {
  let result!: T;
  for (let i = 0; i < WARM_UPS; i++) result = await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await timed(work);
    ms.push(run.ms);
    result = run.result;
  }
  return { result, p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** Seeds `size` lifecycles through the event store; returns each scope's snapshots as the pure fold gives them. */
async function seed(db: BenchDatabase, size: number): Promise<{ events: number; snapshots: Record<keyof typeof SCOPES, ProblemSnapshot[]> }> {
  const store = new PostgresEventStore(new PoolSql(db.pool));
  const snapshots: Record<keyof typeof SCOPES, ProblemSnapshot[]> = { period: [], cumulative: [] };
  let events = 0;
  const chunks = Math.ceil(size / APPEND_CHUNK);
  let nextChunk = 0;
  await concurrently(4, async () => {
    for (let c = nextChunk++; c < chunks; c = nextChunk++) {
      const streams: ProblemStream[] = [];
      for (let i = c * APPEND_CHUNK; i < Math.min(size, (c + 1) * APPEND_CHUNK); i++) streams.push(problemLifecycle(i, SEED));
      await store.appendAtomically(streams.map((s) => ({ streamId: s.streamId, events: s.events, options: { expectedVersion: 'no_stream' } })));
      for (const s of streams) {
        events += s.events.length;
        const facts = factsOf(s);
        for (const [name, scope] of Object.entries(SCOPES) as [keyof typeof SCOPES, ResolutionScope][]) {
          const snapshot = inScope(facts, scope);
          if (snapshot) snapshots[name].push(snapshot);
        }
      }
      if (c % 40 === 0) log(`    seeded ${Math.min(size, (c + 1) * APPEND_CHUNK)}/${size} problems`);
    }
  });
  return { events, snapshots };
}

function factsOf(s: ProblemStream): ProblemFact[] {
  const problemId = s.streamId.slice('problem-'.length);
  return s.events.map((e, i) => ({
    problemId,
    streamPosition: i + 1,
    type: e.type,
    onDate: eventDate({ businessTime: e.businessTime ?? null, recordedAt: new Date() }),
    data: e.data as Record<string, unknown>,
  }));
}

/** The definition's selection (as the property test makes it): registered in the scope, folded as of its date. */
function inScope(facts: readonly ProblemFact[], scope: ResolutionScope): ProblemSnapshot | null {
  const registered = facts[0];
  const to = scope.kind === 'cumulative' ? scope.asOf : scope.to;
  if (registered.onDate < scope.from || registered.onDate > to || registered.onDate > scope.asOf) return null;
  return problemAsOf(facts, scope.asOf);
}

/**
 * The ceiling's table: per scope, one row per counted problem with exactly what the figures count, precomputed
 * — what a hand-tuned report table would hold.
 */
async function createCeilingTables(db: BenchDatabase, snapshots: Record<keyof typeof SCOPES, ProblemSnapshot[]>): Promise<void> {
  await db.pool.query(`CREATE TABLE ceiling_rows (scope text NOT NULL, problem_id text NOT NULL, grp text NOT NULL,
    concluded boolean NOT NULL, solved boolean NOT NULL, on_time boolean NOT NULL, overdue boolean NOT NULL,
    satisfied int NOT NULL, basically_satisfied int NOT NULL, follow_ups int NOT NULL, started_on date, concluded_on date,
    working_days int, registered_on date NOT NULL, PRIMARY KEY (scope, grp, problem_id))`);
  for (const [name, list] of Object.entries(snapshots)) {
    const asOf = SCOPES[name as keyof typeof SCOPES].asOf;
    const rows = list
      .filter((s) => s.status !== 'merged' && s.status !== 'withdrawn')
      .map((s) => {
        const concluded = s.status === 'concluded' || s.status === 'closed';
        return {
          scope: name, problem_id: s.problemId, grp: s.leadUnitId ?? 'unassigned', concluded,
          solved: concluded && s.outcome === 'solved',
          on_time: concluded && s.deadlineAtConclusion !== null && s.concludedOn! <= s.deadlineAtConclusion,
          overdue: !concluded && s.deadline !== null && s.deadline < asOf,
          satisfied: s.followUps.filter((f) => f === 'satisfied').length,
          basically_satisfied: s.followUps.filter((f) => f === 'basically_satisfied').length,
          follow_ups: s.followUps.length,
          started_on: concluded ? (s.assignedOn ?? s.registeredOn) : null,
          concluded_on: concluded ? s.concludedOn : null,
          // Working days to conclusion, counted once when the table is built (a report table would store them).
          working_days: concluded && s.concludedOn !== null ? workingDaysBetween(s.assignedOn ?? s.registeredOn, s.concludedOn) : null,
          registered_on: s.registeredOn,
        };
      });
    for (let i = 0; i < rows.length; i += 5_000) {
      await db.pool.query(
        `INSERT INTO ceiling_rows SELECT * FROM jsonb_populate_recordset(NULL::ceiling_rows, $1::jsonb)`,
        [JSON.stringify(rows.slice(i, i + 5_000))],
      );
    }
  }
  // As autovacuum would after a bulk load: statistics and the visibility map (index-only scans) for both sides.
  await db.pool.query('VACUUM (ANALYZE) ceiling_rows, problem_facts, problem_snapshots');
}

/** The ceiling of a grouped resolution figure: the counts, and how many took each number of working days, total and per unit. */
const CEILING_FIGURES = `
  SELECT 'figures' AS kind, GROUPING(grp) = 1 AS is_total, grp, count(*)::int AS collected, count(*) FILTER (WHERE concluded)::int AS concluded,
    count(*) FILTER (WHERE solved)::int AS solved, sum(satisfied)::int AS satisfied,
    sum(basically_satisfied)::int AS basically_satisfied, sum(follow_ups)::int AS follow_ups,
    count(*) FILTER (WHERE on_time)::int AS on_time, count(*) FILTER (WHERE overdue)::int AS overdue
  FROM ceiling_rows WHERE scope = $1 GROUP BY GROUPING SETS ((), (grp))
  UNION ALL
  SELECT 'durations', false, grp, count(*)::int, 0, 0, 0, 0, 0, 0, 0
  FROM ceiling_rows WHERE scope = $1 AND concluded GROUP BY grp, working_days`;

/** The first page of a figure's records and their count, as a report query would ask the flat table. */
const CEILING_MEMBERS = `SELECT problem_id, count(*) OVER ()::int AS total FROM ceiling_rows WHERE scope = $1 AND grp = $2 AND solved
  ORDER BY registered_on DESC, problem_id LIMIT ${RECORDS_PAGE}`;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function runSize(size: number): Promise<{ lines: FigureLine[]; rebuild: Record<string, unknown>; each: Record<string, unknown>[]; failures: string[] }> {
  log(`size ${size}`);
  const db = await createBenchDatabase();
  const dataSource = await new DataSource(
    dataSourceOptions({ kind: 'postgres', url: withDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', db.name), poolSize: 2 }),
  ).initialize();
  const failures: string[] = [];
  try {
    log('  seeding through the event store');
    const seeded = await seed(db, size);
    const truth = new ZoneTruth();
    const events = seeded.events + (await seedZone(new PostgresEventStore(new PoolSql(db.pool)), size, SEED, truth));
    const projections = allReadModels();
    log(`  rebuilding ${projections.length} read models from ${events} events`);
    const rebuild = await timed(() => rebuildAll(db, projections, events));
    failures.push(...rebuild.result.map((f) => `size ${size}: ${f}`));
    await createCeilingTables(db, seeded.snapshots);
    await createZoneCeilingTables(db, truth);

    const noNames = { names: async () => new Map<string, string>() } as unknown as HandlingUnitDirectory;
    const metrics = new GetResolutionMetricsHandler(dataSource, noNames);
    const members = new ListResolutionFigureProblemsHandler(dataSource);
    const lines: FigureLine[] = [];

    for (const name of ['period', 'cumulative'] as const) {
      const scope = SCOPES[name];
      const figure = `resolution_${name}_by_unit`;
      log(`  ${figure}`);
      const api = await timeRuns(() => metrics.execute(new GetResolutionMetrics(scope, 'unit', CALENDAR.dayCounts())));
      const ceiling = await timeRuns(() => db.pool.query(CEILING_FIGURES, [name]));
      const definition = {
        total: resolutionFigures(seeded.snapshots[name], scope.asOf, 'none', workingDaysBetween)[0],
        groups: resolutionFigures(seeded.snapshots[name], scope.asOf, 'unit', workingDaysBetween),
      };
      const got = { total: api.result.total, groups: api.result.groups.map(({ groupName: _n, ...g }) => g) };
      const ceilingTotal = ceiling.result.rows.find((r) => r.kind === 'figures' && r.is_total);
      const agree =
        sameJson(got, definition) &&
        ceilingTotal?.collected === definition.total.collected &&
        ceilingTotal?.solved === definition.total.resolutionRate.numerator &&
        ceilingTotal?.overdue === definition.total.overdue;
      if (!agree) failures.push(`size ${size}: ${figure} disagrees with the definition or its ceiling`);
      lines.push(line(figure, size, api, ceiling, bytesOf(api.result), agree));
    }

    const { scope: drillScope, group, figure: drillFigure, part } = DRILL_DOWN;
    log('  figure_records_by_unit');
    const firstPage = { limit: RECORDS_PAGE, offset: 0, after: null };
    const api = await timeRuns(() => members.execute(new ListResolutionFigureProblems(SCOPES[drillScope], 'unit', group, drillFigure, part, firstPage)));
    const ceiling = await timeRuns(() => db.pool.query<{ problem_id: string; total: number }>(CEILING_MEMBERS, [drillScope, group]));
    const all = figureMembers(seeded.snapshots[drillScope], SCOPES[drillScope].asOf, 'unit', group, drillFigure, part);
    const want = all
      .sort(inListOrder)
      .slice(0, RECORDS_PAGE)
      .map((s) => s.problemId);
    const agree =
      api.result.total === all.length &&
      sameJson(api.result.problemIds, want) &&
      ceiling.result.rows[0]?.total === all.length &&
      sameJson(ceiling.result.rows.map((r) => r.problem_id), want);
    if (!agree) failures.push(`size ${size}: the records behind ${drillFigure} of ${group} disagree`);
    lines.push(line('figure_records_by_unit', size, api, ceiling, bytesOf(api.result), agree));

    for (const zoneFigure of zoneFigures(dataSource, db, truth)) {
      log(`  ${zoneFigure.figure}`);
      const api = await timeRuns(zoneFigure.api);
      const ceiling = await timeRuns(zoneFigure.ceiling);
      const agree = zoneFigure.agree(api.result, ceiling.result);
      if (!agree) failures.push(`size ${size}: ${zoneFigure.figure} disagrees with the definition or its ceiling`);
      lines.push(line(zoneFigure.figure, size, api, ceiling, bytesOf(api.result), agree));
    }

    log('  monthly_summary');
    const summary = monthlySummaryBench(dataSource, truth);
    const figures = await timeRuns(summary.compute, SUMMARY_RUNS);
    const summaryAgrees = summary.agree(figures.result);
    if (!summaryAgrees) failures.push(`size ${size}: the monthly summary's figures disagree with the definition`);
    const workbook = await timeRuns(() => summary.workbook(figures.result), SUMMARY_RUNS);
    lines.push(line('monthly_summary', size, figures, null, bytesOf(figures.result), summaryAgrees));
    lines.push(line('monthly_summary_xlsx', size, workbook, null, workbook.result.length, summaryAgrees));

    // BENCH_REBUILD_EACH=1: each read model rebuilt alone (the admin's rebuild: shadow tables, then a swap), to see
    // which ones the rebuild of everything waits on. Rates are over the whole log, so 1/all ≈ Σ 1/each.
    const each = [];
    if (process.env.BENCH_REBUILD_EACH === '1') {
      for (const projection of projections) {
        log(`  rebuilding ${projection.name} alone`);
        const alone = await timed(() => rebuildProjection(new PoolSql(db.pool), projection, { batchSize: 8_000 }));
        each.push({ figure: 'rebuild', projection: projection.name, size, events, events_per_s: round((events * 1000) / alone.ms, 0) });
      }
    }

    return {
      lines,
      rebuild: { figure: 'rebuild', projection: 'all', projections: projections.length, size, events, events_per_s: round((events * 1000) / rebuild.ms, 0) },
      each,
      failures,
    };
  } finally {
    await dataSource.destroy();
    // BENCH_KEEP_DATABASE=1 leaves the seeded database behind, to EXPLAIN a figure's statement on it.
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      log(`  kept database ${db.name}`);
      await db.pool.end();
    }
    else await db.drop();
  }
}

/**
 * Rebuilds every read model from the start of the log as the worker does — one runner, one shared poller reading
 * the log once per batch — and returns what went wrong (nothing: every checkpoint reached the log's last event).
 */
async function rebuildAll(db: BenchDatabase, projections: readonly Projection[], events: number): Promise<string[]> {
  const errors: string[] = [];
  const runner = new ProjectionRunner(new PoolSql(db.pool), projections, {
    // The worker's defaults (PROJECTION_BATCH_SIZE, PROJECTION_CATCH_UP_BATCH_SIZE): live polls of 500, catch-up up to 8,000.
    owner: 'bench-figures', batchSize: 500, catchUpBatchSize: 8_000, pollIntervalMs: 100, leaseTtlMs: 60_000,
    log: (level, message) => {
      if (level === 'error') errors.push(message);
    },
  });
  const names = projections.map((p) => p.name);
  // The log's last event in read order (transaction, then position): concurrent appends commit out of position
  // order, so the highest position can sit in an earlier transaction than the last event read.
  const { rows: [head] } = await db.pool.query<{ transaction_id: string; global_position: string }>(
    'SELECT transaction_id::text, global_position::text FROM es_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1',
  );
  const { rows: [{ count }] } = await db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM es_events');
  if (count !== events) errors.push(`the log holds ${count} events, ${events} were appended`);
  await runner.start();
  try {
    const deadline = Date.now() + 60 * 60_000;
    for (;;) {
      const { rows: [{ behind }] } = await db.pool.query<{ behind: number }>(
        `SELECT $3::int - count(*) FILTER (WHERE (transaction_id, global_position) >= ($1::bigint, $2::bigint))::int AS behind
         FROM projection_checkpoints WHERE name = ANY($4::text[])`,
        [head.transaction_id, head.global_position, names.length, names],
      );
      if (behind === 0 || errors.length > 0) break;
      if (Date.now() > deadline) {
        errors.push(`${behind} read models had not caught up after an hour`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await runner.stop();
  }
  return errors;
}

function line(figure: string, size: number, api: { p50: number; p95: number }, ceiling: { p50: number } | null, bytes: number, agree: boolean): FigureLine {
  return {
    figure, size, p50_ms: round(api.p50, 1), p95_ms: round(api.p95, 1),
    ceiling_p50_ms: ceiling && round(ceiling.p50, 1), ratio: ceiling && round(api.p50 / ceiling.p50, 2), bytes, agree,
  };
}

async function main() {
  const sizes = SIZES.filter((s) => s <= maxSize);
  const probe = await createBenchDatabase();
  const machine = await machineInfo(probe.pool);
  await probe.drop();
  log(JSON.stringify({ machine, sizes, targets: TARGETS }));
  const results = [];
  for (const size of sizes) results.push(await runSize(size));
  const failures = results.flatMap((r) => r.failures);
  for (const r of results) {
    for (const l of r.lines) process.stdout.write(`${JSON.stringify(l)}\n`);
    process.stdout.write(`${JSON.stringify(r.rebuild)}\n`);
    for (const e of r.each) process.stdout.write(`${JSON.stringify(e)}\n`);
  }
  for (const f of failures) log(`FAILED: ${f}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
