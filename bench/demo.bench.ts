/**
 * `npm run bench:demo`: how long the full-scale demo zone takes to load on the embedded database (PGlite,
 * on disk as `npm run demo` uses it), through the real app. Each repetition starts the app on a fresh
 * data directory, loads the plan, then loads it again (which must append nothing). Prints one JSON object
 * on stdout, progress on stderr; docs/benchmarks.md explains the figures.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DemoLoader, generateDemoPlan, type DemoStep } from '@app/demo';
import { createApiApp } from '../apps/api/src/bootstrap';
import { log, median, round } from './stats';

const REPETITIONS = Number(process.env.DEMO_BENCH_REPETITIONS ?? 3);
const SCALE = Number(process.env.DEMO_BENCH_SCALE ?? 1);

async function repetition(n: number) {
  const dir = mkdtempSync(join(os.tmpdir(), 'zhuqi-demo-bench-'));
  Object.assign(process.env, { DATA_DIR: dir, PROJECTIONS_IN_API: 'true', LOG_LEVEL: 'warn' });
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
  const plan = generateDemoPlan({ scale: SCALE });
  try {
    let t = performance.now();
    const app = await createApiApp({ demo: true });
    await app.init();
    const startMs = performance.now() - t;
    const kinds = new Map<string, { ms: number; steps: number }>();
    let firstStepAt = 0;
    let last = 0;
    const cpu = process.cpuUsage();
    t = performance.now();
    const loaded = await app.get(DemoLoader).load(plan, {
      onProgress: (done: number, _total: number, step: DemoStep) => {
        const now = performance.now();
        if (done === 1) firstStepAt = now;
        else {
          const k = kinds.get(step.action.kind) ?? { ms: 0, steps: 0 };
          kinds.set(step.action.kind, { ms: k.ms + now - last, steps: k.steps + 1 });
        }
        last = now;
        if (done % 2000 === 0) log(`  repetition ${n}: ${done}/${plan.steps.length} steps`);
      },
    });
    const loadMs = performance.now() - t;
    const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
    const again = await app.get(DemoLoader).load(plan);
    const [{ n: events }] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM es_events`);
    await app.close();
    return {
      start_ms: round(startMs, 0),
      load_ms: round(loadMs, 0),
      setup_ms: round(firstStepAt - t, 0),
      events_appended: loaded.eventsAppended,
      events_per_s: round(loaded.eventsAppended / (loadMs / 1000), 0),
      steps: loaded.steps,
      node_cpu_ms: round(cpuMs, 0),
      second_load: { outcome: again.outcome, events_appended: again.eventsAppended, ms: again.ms },
      events_in_log: events,
      by_kind_ms: Object.fromEntries([...kinds].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => [k, { ms: round(v.ms, 0), steps: v.steps, ms_per_step: round(v.ms / v.steps, 2) }])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const machine = {
    cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length,
    memory_gb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    load_average_start: os.loadavg()[0],
  };
  const runs = [];
  for (let i = 1; i <= REPETITIONS; i++) {
    log(`repetition ${i}/${REPETITIONS} (scale ${SCALE})`);
    runs.push(await repetition(i));
  }
  const failures = runs.flatMap((r, i) => (r.second_load.events_appended !== 0 || r.second_load.outcome !== 'already_loaded' ? [`repetition ${i + 1}: second load appended`] : []));
  const result = {
    machine: { ...machine, load_average_end: os.loadavg()[0] },
    scale: SCALE,
    load_ms: median(runs.map((r) => r.load_ms)),
    events_per_s: median(runs.map((r) => r.events_per_s)),
    start_ms: median(runs.map((r) => r.start_ms)),
    target_met: median(runs.map((r) => r.load_ms)) < 60_000,
    failures,
    runs,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
