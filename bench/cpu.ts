import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** Linux reports process CPU time in clock ticks of 1/USER_HZ s; USER_HZ is 100 on every mainstream architecture. */
const TICK_US = 10_000;

export interface CpuUse {
  /** This Node process (the benchmark's client side: the store's JavaScript, pg's parsing). */
  node_us: number;
  /** The PostgreSQL backends serving the pool; null when they are not on this machine or /proc is unreadable. */
  backend_us: number | null;
}

/**
 * CPU time spent during `work`. Wall-clock figures on a shared 2-core machine move with whatever else runs;
 * CPU time per event barely does, so it is what shows where a gap between the store and the baseline comes
 * from. Backends are found by pid, so the pool must keep its connections (idleTimeoutMillis: 0).
 */
export async function measureCpu<T>(
  pool: Pool,
  work: () => Promise<T>,
  { localServer }: { localServer: boolean },
): Promise<{ result: T; cpu: CpuUse }> {
  // A remote server's pids mean nothing here (and could match unrelated local processes).
  const pids = localServer ? await backendPids(pool) : null;
  const backendBefore = backendTicks(pids);
  const nodeBefore = process.cpuUsage();
  const result = await work();
  const node = process.cpuUsage(nodeBefore);
  const backendAfter = backendTicks(pids);
  return {
    result,
    cpu: {
      node_us: node.user + node.system,
      backend_us: backendBefore === null || backendAfter === null ? null : (backendAfter - backendBefore) * TICK_US,
    },
  };
}

async function backendPids(pool: Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  return rows.map((r) => r.pid);
}

function backendTicks(pids: readonly number[] | null): number | null {
  if (pids === null) return null;
  let ticks = 0;
  for (const pid of pids) {
    const t = processTicks(pid);
    if (t === null) return null;
    ticks += t;
  }
  return ticks;
}

/** CPU time (user + system) a process has used so far, in µs; null when it is gone or /proc is unreadable. */
export function processCpuUs(pid: number): number | null {
  const ticks = processTicks(pid);
  return ticks === null ? null : ticks * TICK_US;
}

function processTicks(pid: number): number | null {
  try {
    // Fields after "(comm) ": utime and stime are the 12th and 13th (stat(5) fields 14 and 15).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
