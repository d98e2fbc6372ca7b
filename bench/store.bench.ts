/**
 * `npm run bench:store`: the event store against bare single-row INSERTs and a bare paging SELECT, on
 * the PostgreSQL at DATABASE_URL. Prints one JSON object on stdout (progress goes to stderr) and exits
 * non-zero when a correctness check fails. docs/benchmarks.md explains the workload and the figures.
 */
import os from 'node:os';
import { baselineAppends, baselineReadAll } from './baseline-phases';
import { createBenchDatabase, machineInfo, settle, type BenchDatabase } from './bench-database';
import { measureCpu, type CpuUse } from './cpu';
import { log, median, percentile, round } from './stats';
import { checkStoredLog, projectionCatchUp, storeAppends, storeReadAll, storeReadStreams, type Failures } from './store-phases';
import { PAGE_SIZE, PAYLOAD_BYTES, STREAMS, TOTAL_EVENTS, WORKERS, buildWorkload, type BenchStream } from './workload';

const REPETITIONS = 3;
const TARGETS = { append_vs_baseline: 0.8, read_all_vs_baseline: 0.8, projection_catchup_eps: 20_000 };
const CPU_PHASES = ['append', 'baseline_append', 'read_all', 'baseline_read_all'] as const;

/** Every figure of one repetition, flat, so that medians() can treat them alike. */
type Figures = Record<string, number>;

const perSecond = (count: number, ms: number) => (count * 1000) / ms;

/** CPU per event as flat figures: cpu_<phase>_node_us and cpu_<phase>_backend_us (-1 when unknown). */
function cpuFigures(phase: (typeof CPU_PHASES)[number], cpu: CpuUse): Figures {
  return {
    [`cpu_${phase}_node_us`]: cpu.node_us / TOTAL_EVENTS,
    [`cpu_${phase}_backend_us`]: cpu.backend_us === null ? -1 : cpu.backend_us / TOTAL_EVENTS,
  };
}

/**
 * One repetition in a fresh database. Which side writes first (and reads first) alternates between
 * repetitions, so neither always gets the cold JIT, the emptier WAL or the cooler page cache.
 */
async function repetition(db: BenchDatabase, streams: readonly BenchStream[], storeFirst: boolean, failures: Failures) {
  const { pool } = db;
  const inOrder = async <A, B>(store: () => Promise<A>, baseline: () => Promise<B>): Promise<[A, B]> => {
    if (storeFirst) return [await store(), await baseline()];
    const b = await baseline();
    return [await store(), b];
  };
  const phase = async <T>(label: string, work: () => Promise<T>) => {
    log(`  ${label}`);
    return measureCpu(pool, work, db);
  };
  const write = async <T>(label: string, work: () => Promise<T>) => {
    await pool.query('CHECKPOINT'); // each write phase starts with no dirty pages to flush
    return phase(label, work);
  };
  const [store, baseline] = await inOrder(
    () => write('store appends', () => storeAppends(pool, streams)),
    () => write('baseline INSERTs', () => baselineAppends(pool, streams)),
  );
  await checkStoredLog(pool, STREAMS, TOTAL_EVENTS, failures);
  await settle(pool);

  log('  store readStream x8');
  const readStreamMs = await storeReadStreams(pool, streams, failures);
  const [readAll, baselineRead] = await inOrder(
    () => phase('store readAll', () => storeReadAll(pool, TOTAL_EVENTS, failures)),
    () => phase('baseline SELECT pages', () => baselineReadAll(pool, TOTAL_EVENTS, failures)),
  );
  log('  projection catch-up');
  const projectionMs = await projectionCatchUp(pool, TOTAL_EVENTS, failures);

  const f: Figures = {
    append_eps: perSecond(TOTAL_EVENTS, store.result.ms),
    append_p50_ms: percentile(store.result.latencies, 50),
    append_p99_ms: percentile(store.result.latencies, 99),
    read_stream_per_s: perSecond(STREAMS, readStreamMs),
    read_all_eps: perSecond(TOTAL_EVENTS, readAll.result),
    projection_catchup_eps: perSecond(TOTAL_EVENTS, projectionMs),
    baseline_append_eps: perSecond(TOTAL_EVENTS, baseline.result.ms),
    baseline_append_p50_ms: percentile(baseline.result.latencies, 50),
    baseline_append_p99_ms: percentile(baseline.result.latencies, 99),
    baseline_read_all_eps: perSecond(TOTAL_EVENTS, baselineRead.result),
    ...cpuFigures('append', store.cpu),
    ...cpuFigures('baseline_append', baseline.cpu),
    ...cpuFigures('read_all', readAll.cpu),
    ...cpuFigures('baseline_read_all', baselineRead.cpu),
  };
  // Ratios per repetition: both sides of a ratio ran seconds apart, in the same database and machine state.
  f.append_vs_baseline = f.append_eps / f.baseline_append_eps;
  f.read_all_vs_baseline = f.read_all_eps / f.baseline_read_all_eps;
  return f;
}

function medians(runs: readonly Figures[]): Figures {
  const digits = (k: string) => (k.endsWith('_ms') || k.includes('_vs_') ? 3 : k.startsWith('cpu_') ? 1 : 0);
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, round(median(runs.map((r) => r[k])), digits(k))]));
}

/** Splits the flat cpu_* figures into { phase: { node_us, backend_us } }. */
function cpuReport(m: Figures) {
  const value = (k: string) => (m[k] < 0 ? null : m[k]);
  return Object.fromEntries(
    CPU_PHASES.map((p) => [p, { node_us: value(`cpu_${p}_node_us`), backend_us: value(`cpu_${p}_backend_us`) }]),
  );
}

/** A database being worked on when the run is interrupted is still dropped. */
let current: BenchDatabase | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: dropping ${current?.name ?? 'nothing'}`);
    void (current?.drop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  // Other work on the machine moves wall-clock figures; the load average says how much there was.
  const loadAtStart = os.loadavg()[0];
  const streams = buildWorkload();
  const runs: Figures[] = [];
  const checks: { repetition: number; database: string; passed: boolean; failures: string[] }[] = [];
  let machine: Record<string, unknown> = {};
  for (let i = 0; i < REPETITIONS; i++) {
    const db = (current = await createBenchDatabase());
    log(`repetition ${i + 1}/${REPETITIONS} in ${db.name}`);
    const failures: Failures = [];
    try {
      if (i === 0) machine = await machineInfo(db.pool);
      runs.push(await repetition(db, streams, i % 2 === 0, failures));
    } finally {
      current = undefined;
      await db.drop();
    }
    // Thousands of identical failures would drown the output; the first few say enough.
    checks.push({ repetition: i + 1, database: db.name, passed: failures.length === 0, failures: failures.slice(0, 10) });
    log(`  ${failures.length === 0 ? 'checks passed' : `${failures.length} check failures`}`);
  }
  const m = medians(runs);
  const figures = Object.fromEntries(Object.entries(m).filter(([k]) => !k.startsWith('cpu_')));
  const passed = checks.every((c) => c.passed);
  const report = {
    benchmark: 'bench:store',
    at: new Date().toISOString(),
    machine: { ...machine, load_average_1m: { start: round(loadAtStart), end: round(os.loadavg()[0]) } },
    workload: {
      streams: STREAMS, events: TOTAL_EVENTS, events_per_stream: 5, payload_bytes: PAYLOAD_BYTES,
      writers: WORKERS, readers: WORKERS, page_size: PAGE_SIZE, repetitions: REPETITIONS, figures: 'median of repetitions',
    },
    ...figures,
    targets: {
      append_ge_0_8x_baseline: m.append_vs_baseline >= TARGETS.append_vs_baseline,
      read_all_ge_0_8x_baseline: m.read_all_vs_baseline >= TARGETS.read_all_vs_baseline,
      projection_catchup_ge_20000_eps: m.projection_catchup_eps >= TARGETS.projection_catchup_eps,
    },
    checks: { passed, repetitions: checks },
    // Diagnostics, not targets: CPU microseconds per event, which wall-clock noise on a shared machine barely moves.
    cpu_us_per_event: cpuReport(m),
    runs: runs.map((r) => Object.fromEntries(Object.entries(medians([r])).filter(([k]) => !k.startsWith('cpu_')))),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
