/**
 * `npm run bench:http`: the command path over HTTP, against the built API and worker as separate processes on
 * PostgreSQL (a fresh database per run, the project's migrations), loopback only. In the same run it measures a
 * bare Node HTTP server (the physical ceiling), the stack's floor (GET /auth/me: authenticated, no database),
 * POST /visits with 0 and 2 problems, a progress note on problems of 10 and of 1,000 events, and
 * GET /problems?limit=20, each at 1, 8 and 32 connections, REPETITIONS times (default 3). Prints one JSON line per
 * case and connection count (the medians) on stdout, progress on stderr; docs/benchmarks.md explains the figures.
 *
 * Environment: DATABASE_URL (an admin URL; default the local server), REDIS_URL (default local),
 * HTTP_BENCH_SECONDS (per measurement, default 5), HTTP_BENCH_REPETITIONS (default 3), HTTP_BENCH_PORT (default 3900),
 * HTTP_BENCH_CASES (comma-separated case names to run, default all), HTTP_BENCH_CONNECTIONS (comma-separated, default
 * 1,8,32), HTTP_BENCH_PROFILE (a folder: the API runs with --cpu-prof and writes its profile there on exit — open it
 * in Chrome DevTools to see where a request's CPU goes).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { usccCheckCharacter } from '@app/enterprises';
import { createBenchDatabase, machineInfo, withDatabase, type BenchDatabase } from './bench-database';
import { processCpuUs } from './cpu';
import { log, median, round } from './stats';

// autocannon ships no types; this is the little of its result the benchmark reads.
interface CannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<CannonResult>;

const ROOT = join(__dirname, '..');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 5);
const REPETITIONS = Number(process.env.HTTP_BENCH_REPETITIONS ?? 3);
const PORT = Number(process.env.HTTP_BENCH_PORT ?? 3900);
const BARE_PORT = PORT + 1;
const CONNECTIONS = (process.env.HTTP_BENCH_CONNECTIONS ?? '1,8,32').split(',').map(Number);
const CASES = process.env.HTTP_BENCH_CASES?.split(',');
const PROFILE_DIR = process.env.HTTP_BENCH_PROFILE;
/** Problems the step-10 case rotates over, so each stays near 10 events however many requests a run makes. */
const SMALL_PROBLEMS = 100;
const PASSWORD = 'bench-password-long-enough';

interface Case {
  name: string;
  /** One autocannon request template (method, path, headers, body), or several to rotate over. */
  requests: Record<string, unknown>[];
  /** The bare server is measured against its own process, not the API's. */
  serverPid: () => number;
  /** Touches the database: its backends' CPU is counted. */
  database: boolean;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js')) || !existsSync(join(ROOT, 'dist/apps/worker/src/main.js'))) {
    throw new Error('Build first: npm run build (the bench:http script does)');
  }
  const db = await createBenchDatabase();
  const children: ChildProcess[] = [];
  try {
    const url = withDatabase(ADMIN_URL, db.name);
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      IDEMPOTENCY_SECRET: randomBytes(32).toString('hex'),
      JOBS_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'info',
      VISIT_DUPLICATE_WINDOW_MINUTES: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      PROJECTIONS_IN_API: 'false',
    };
    await run(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/cli.ts', 'create-admin', 'bench-admin', '--name', '基准管理员'], { ...env, ZHUQI_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' });
    const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
    const api = start('api', process.execPath, [...profile, 'dist/apps/api/src/main.js'], { ...env, PORT: String(PORT) });
    const worker = start('worker', process.execPath, ['dist/apps/worker/src/main.js'], env);
    const bare = start('bare-node', process.execPath, ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${BARE_PORT})`], {});
    children.push(api, worker, bare);
    await until(async () => (await fetch(`http://127.0.0.1:${PORT}/health`).catch(() => null))?.ok === true, 'the API to be healthy', 90_000);
    await until(async () => (await fetch(`http://127.0.0.1:${BARE_PORT}/`).catch(() => null))?.ok === true, 'the bare server', 10_000);

    const world = await setUp(db);
    const cases = casesFor(world, api.pid!, bare.pid!).filter((c) => !CASES || CASES.includes(c.name));
    const samples = new Map<string, Sample[]>();
    for (let rep = 1; rep <= REPETITIONS; rep++) {
      for (const c of cases) {
        for (const connections of CONNECTIONS) {
          const sample = await measure(db, c, connections);
          log(`rep ${rep} ${c.name} ×${connections}: ${JSON.stringify(sample)}`);
          const key = `${c.name}|${connections}`;
          const runs = samples.get(key) ?? [];
          runs.push(sample);
          samples.set(key, runs);
        }
      }
    }
    for (const c of cases) {
      for (const connections of CONNECTIONS) {
        const runs = samples.get(`${c.name}|${connections}`)!;
        const m = (pick: (s: Sample) => number | null) => {
          const values = runs.map(pick).filter((v): v is number => v !== null);
          return values.length === 0 ? null : round(median(values), 2);
        };
        process.stdout.write(`${JSON.stringify({
          case: c.name, connections, req_s: m((s) => s.req_s), p50_ms: m((s) => s.p50_ms), p99_ms: m((s) => s.p99_ms),
          non2xx: m((s) => s.non2xx), api_cpu_us: m((s) => s.api_cpu_us), db_cpu_us: m((s) => s.db_cpu_us),
        })}\n`);
      }
    }
    const idle = await idleStatementsPerSecond(db);
    const lengths = await db.pool.query<{ stream_id: string; version: number }>(`SELECT stream_id, version FROM es_streams WHERE stream_id = $1`, [`problem-${world.bigProblem}`]);
    process.stdout.write(`${JSON.stringify({ idle_statements_per_s: idle, step_1000_events_at_end: lengths.rows[0]?.version ?? null, seconds: SECONDS, repetitions: REPETITIONS, machine: await machineInfo(db.pool) })}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    // A CPU profile is written as the process exits, which takes a few seconds for a long run.
    await sleep(PROFILE_DIR ? 10_000 : 1_000);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
  }
}

interface Sample {
  req_s: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  api_cpu_us: number | null;
  db_cpu_us: number | null;
}

/** One measurement: a short warm-up, then SECONDS of load; CPU per request from /proc for the server and the backends. */
async function measure(db: BenchDatabase, c: Case, connections: number): Promise<Sample> {
  const target = c.name === 'bare-node' ? BARE_PORT : PORT;
  const cannon = (duration: number) => autocannon({ url: `http://127.0.0.1:${target}`, connections, duration, requests: c.requests });
  await cannon(1);
  const pid = c.serverPid();
  const backendsBefore = c.database ? await backendCpu(db) : null;
  const serverBefore = processCpuUs(pid);
  const result = await cannon(SECONDS);
  const serverAfter = processCpuUs(pid);
  const backendsAfter = c.database ? await backendCpu(db) : null;
  const total = result.requests.total;
  const perRequest = (us: number | null) => (us === null || total === 0 ? null : round(us / total, 0));
  let dbUs: number | null = null;
  if (backendsBefore && backendsAfter) {
    dbUs = 0;
    // A backend that appeared during the run counts from zero; one that ended is lost (rare: pools keep theirs).
    for (const [backend, after] of backendsAfter) dbUs += after - (backendsBefore.get(backend) ?? 0);
  }
  return {
    req_s: round(total / result.duration, 0),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
    api_cpu_us: perRequest(serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore),
    db_cpu_us: c.database ? perRequest(dbUs) : 0,
  };
}

/** CPU used so far by each backend serving the bench database (the API's and the worker's connections). */
async function backendCpu(db: BenchDatabase): Promise<Map<number, number> | null> {
  if (!db.localServer) return null;
  const { rows } = await db.pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const us = processCpuUs(pid);
    if (us !== null) cpu.set(pid, us);
  }
  return cpu;
}

/**
 * Statements per second the API and worker together run against the database with no requests coming in. Every statement
 * outside an explicit transaction is a transaction of its own, so pg_stat_database's commit counter counts them
 * (an explicit transaction counts once). Starts once the worker has caught up with the benchmark's appends.
 */
async function idleStatementsPerSecond(db: BenchDatabase): Promise<number> {
  // The worker is still projecting the benchmark's appends for a while: measure once every checkpoint is at the head.
  await until(async () => {
    const { rows } = await db.pool.query<{ behind: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM projection_checkpoints WHERE global_position < (SELECT max(global_position) FROM es_events)) AS behind`,
    );
    return !rows[0].behind;
  }, 'the worker to catch up', 300_000);
  // PostgreSQL's counters lag: a backend that was busy keeps the counts it could not flush and, once idle, flushes
  // them up to 10 s later (PGSTAT_IDLE_INTERVAL). Counting sooner after a write-heavy case credited the idle window
  // with the load's last ~800 commits (55–73 "idle" statements/s where pg_stat_statements saw 8).
  await sleep(12_000);
  const commits = async () => {
    await db.pool.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await db.pool.query<{ n: string }>(
      'SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].n);
  };
  const before = await commits();
  const t = performance.now();
  await sleep(15_000);
  // Less this reader's own three statements (clear, read, clear).
  const after = (await commits()) - 3;
  return round((after - before) / ((performance.now() - t) / 1000), 1);
}

interface World {
  admin: string;
  caseworker: { auth: string; id: string };
  handler: string;
  uscc: string;
  smallProblems: string[];
  bigProblem: string;
}

/** Accounts, a unit, an enterprise, SMALL_PROBLEMS problems of 10 events and one of 1,000 — all through the API. */
async function setUp(db: BenchDatabase): Promise<World> {
  const admin = await login('bench-admin');
  await call('POST', '/admin/units', admin, { id: 'bench-unit', name: '基准测试单位', level: 'district' });
  const cw = await call('POST', '/users', admin, { username: 'bench-caseworker', displayName: '走访人员', password: PASSWORD, role: 'caseworker' });
  await call('POST', '/users', admin, { username: 'bench-handler', displayName: '承办人员', password: PASSWORD, role: 'unit_handler', unitId: 'bench-unit' });
  const caseworker = { auth: await login('bench-caseworker'), id: cw.id as string };
  const handler = await login('bench-handler');
  const body = '91330100MA0000001';
  const uscc = body + usccCheckCharacter(body);
  await call('POST', '/enterprises', admin, { uscc, name: '基准测试有限公司', address: '科创大道 1 号', park: '智能制造产业园', industry: '通用设备制造业' });

  log(`setting up ${SMALL_PROBLEMS} problems of 10 events and one of 1,000`);
  const problems: string[] = [];
  for (let i = 0; i < (SMALL_PROBLEMS + 1) / 2; i++) {
    const visit = await call('POST', '/visits', caseworker.auth, visitBody(uscc, caseworker.id, 2));
    problems.push(...(visit.problemIds as string[]));
  }
  await inParallel(problems, 8, async (id) => {
    await call('POST', `/problems/${id}/assign`, caseworker.auth, { leadUnitId: 'bench-unit', coUnitIds: [], level: 'district', workingDays: 10 });
    await call('POST', `/problems/${id}/accept`, handler, {});
  });
  const bigProblem = problems.pop()!;
  const smallProblems = problems.slice(0, SMALL_PROBLEMS);
  const grow = async (id: string, events: number) => {
    const { rows } = await db.pool.query<{ version: number }>('SELECT version FROM es_streams WHERE stream_id = $1', [`problem-${id}`]);
    for (let v = rows[0].version; v < events; v++) await call('POST', `/problems/${id}/progress`, handler, { note: `进展 ${v}` });
  };
  await inParallel(smallProblems, 8, (id) => grow(id, 10));
  await grow(bigProblem, 1_000);
  return { admin, caseworker, handler, uscc, smallProblems, bigProblem };
}

function casesFor(world: World, apiPid: number, barePid: number): Case[] {
  const json = (auth: string) => ({ authorization: auth, 'content-type': 'application/json' });
  const api = () => apiPid;
  const post = (path: string, auth: string, body: unknown) => ({ method: 'POST', path: `/api/v1${path}`, headers: json(auth), body: JSON.stringify(body) });
  const note = { note: '已与企业电话沟通，正在协调' };
  return [
    { name: 'bare-node', requests: [{ method: 'GET', path: '/' }], serverPid: () => barePid, database: false },
    { name: 'floor', requests: [{ method: 'GET', path: '/api/v1/auth/me', headers: { authorization: world.admin } }], serverPid: api, database: false },
    { name: 'visit-0', requests: [post('/visits', world.caseworker.auth, visitBody(world.uscc, world.caseworker.id, 0))], serverPid: api, database: true },
    { name: 'visit-2', requests: [post('/visits', world.caseworker.auth, visitBody(world.uscc, world.caseworker.id, 2))], serverPid: api, database: true },
    { name: 'step-10', requests: world.smallProblems.map((id) => post(`/problems/${id}/progress`, world.handler, note)), serverPid: api, database: true },
    { name: 'step-1000', requests: [post(`/problems/${world.bigProblem}/progress`, world.handler, note)], serverPid: api, database: true },
    { name: 'list-problems', requests: [{ method: 'GET', path: '/api/v1/problems?limit=20', headers: { authorization: world.admin } }], serverPid: api, database: true },
  ];
}

function visitBody(uscc: string, caseworkerId: string, problems: number) {
  return {
    enterpriseUscc: uscc,
    visitedOn: '2026-11-20',
    caseworkerIds: [caseworkerId],
    form: 'on_site',
    notes: '走访座谈，了解企业生产经营情况',
    problems: Array.from({ length: problems }, (_, i) => ({ title: `融资难题 ${i + 1}`, category: '融资', description: '流动资金贷款额度不足' })),
  };
}

async function login(username: string): Promise<string> {
  const res = await call('POST', '/auth/login', null, { username, password: PASSWORD });
  return `Bearer ${res.accessToken as string}`;
}

async function call(method: string, path: string, auth: string | null, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) log(`${name} exited with ${code ?? signal}`);
  });
  return child;
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
}

async function until(probe: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await sleep(200);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
