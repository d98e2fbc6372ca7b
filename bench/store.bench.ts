/**
 * `npm run bench:store`: the event store against bare single-row INSERTs and a bare paging SELECT, on
 * the PostgreSQL at DATABASE_URL. Prints one JSON object on stdout (progress goes to stderr) and exits
 * non-zero when a correctness check fails. docs/benchmarks.md explains the workload and the figures.
 */
import { baselineAppends, baselineReadAll } from './baseline-phases';
import { createBenchDatabase, machineInfo, settle, type BenchDatabase } from './bench-database';
import { log, median, percentile, round } from './stats';
import { checkStoredLog, projectionCatchUp, storeAppends, storeReadAll, storeReadStreams, type Failures } from './store-phases';
import { PAGE_SIZE, PAYLOAD_BYTES, STREAMS, TOTAL_EVENTS, WORKERS, buildWorkload, type BenchStream } from './workload';

const REPETITIONS = 3;
const TARGETS = { append_vs_baseline: 0.8, read_all_vs_baseline: 0.8, projection_catchup_eps: 20_000 };

type Figures = Record<
  | 'append_eps' | 'append_p50_ms' | 'append_p99_ms' | 'read_stream_per_s' | 'read_all_eps' | 'projection_catchup_eps'
  | 'baseline_append_eps' | 'baseline_append_p50_ms' | 'baseline_append_p99_ms' | 'baseline_read_all_eps'
  | 'append_vs_baseline' | 'read_all_vs_baseline',
  number
>;

const perSecond = (count: number, ms: number) => (count * 1000) / ms;

/**
 * One repetition in a fresh database. Which side writes first (and reads first) alternates between
 * repetitions, so neither always gets the cold JIT, the emptier WAL or the cooler page cache.
 */
async function repetition(db: BenchDatabase, streams: readonly BenchStream[], storeFirst: boolean, failures: Failures) {
  const { pool } = db;
  const writeStore = async () => {
    await pool.query('CHECKPOINT'); // each write phase starts with no dirty pages to flush
    log('  store appends');
    return storeAppends(pool, streams);
  };
  const writeBaseline = async () => {
    await pool.query('CHECKPOINT');
    log('  baseline INSERTs');
    return baselineAppends(pool, streams);
  };
  const store = storeFirst ? await writeStore() : undefined;
  const baseline = await writeBaseline();
  const storeWrites = store ?? (await writeStore());
  await checkStoredLog(pool, STREAMS, TOTAL_EVENTS, failures);
  await settle(pool);

  log('  store readStream x8');
  const readStreamMs = await storeReadStreams(pool, streams, failures);
  const readStore = () => (log('  store readAll'), storeReadAll(pool, TOTAL_EVENTS, failures));
  const readBaseline = () => (log('  baseline SELECT pages'), baselineReadAll(pool, TOTAL_EVENTS, failures));
  const storeReadFirst = storeFirst ? await readStore() : undefined;
  const baselineReadMs = await readBaseline();
  const readAllMs = storeReadFirst ?? (await readStore());
  log('  projection catch-up');
  const projectionMs = await projectionCatchUp(pool, TOTAL_EVENTS, failures);

  const f: Omit<Figures, 'append_vs_baseline' | 'read_all_vs_baseline'> = {
    append_eps: perSecond(TOTAL_EVENTS, storeWrites.ms),
    append_p50_ms: percentile(storeWrites.latencies, 50),
    append_p99_ms: percentile(storeWrites.latencies, 99),
    read_stream_per_s: perSecond(STREAMS, readStreamMs),
    read_all_eps: perSecond(TOTAL_EVENTS, readAllMs),
    projection_catchup_eps: perSecond(TOTAL_EVENTS, projectionMs),
    baseline_append_eps: perSecond(TOTAL_EVENTS, baseline.ms),
    baseline_append_p50_ms: percentile(baseline.latencies, 50),
    baseline_append_p99_ms: percentile(baseline.latencies, 99),
    baseline_read_all_eps: perSecond(TOTAL_EVENTS, baselineReadMs),
  };
  // Ratios per repetition: both sides of a ratio ran minutes apart on the same database and machine state.
  return {
    ...f,
    append_vs_baseline: f.append_eps / f.baseline_append_eps,
    read_all_vs_baseline: f.read_all_eps / f.baseline_read_all_eps,
  } as Figures;
}

function medians(runs: readonly Figures[]): Figures {
  const keys = Object.keys(runs[0]) as (keyof Figures)[];
  return Object.fromEntries(keys.map((k) => [k, round(median(runs.map((r) => r[k])), k.endsWith('_ms') || k.includes('_vs_') ? 3 : 0)])) as Figures;
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
    // Thousands of identical failures would drown the output; the count and the first few say enough.
    checks.push({ repetition: i + 1, database: db.name, passed: failures.length === 0, failures: failures.slice(0, 10) });
    log(`  ${failures.length === 0 ? 'checks passed' : `${failures.length} check failures`}`);
  }
  const m = medians(runs);
  const passed = checks.every((c) => c.passed);
  const report = {
    benchmark: 'bench:store',
    at: new Date().toISOString(),
    machine,
    workload: {
      streams: STREAMS, events: TOTAL_EVENTS, events_per_stream: 5, payload_bytes: PAYLOAD_BYTES,
      writers: WORKERS, readers: WORKERS, page_size: PAGE_SIZE, repetitions: REPETITIONS, figures: 'median of repetitions',
    },
    ...m,
    targets: {
      append_ge_0_8x_baseline: m.append_vs_baseline >= TARGETS.append_vs_baseline,
      read_all_ge_0_8x_baseline: m.read_all_vs_baseline >= TARGETS.read_all_vs_baseline,
      projection_catchup_ge_20000_eps: m.projection_catchup_eps >= TARGETS.projection_catchup_eps,
    },
    checks: { passed, repetitions: checks },
    runs: runs.map((r) => medians([r])),
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
