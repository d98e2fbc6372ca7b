import type { Sql } from '../store/sql';

/**
 * A lease on a projection: whoever holds it runs the projection. The holder renews it every poll; a
 * process that dies stops renewing and another takes over once it expires. Times are the database's
 * clock, so workers' clocks may disagree. Correctness does not rest on the lease — applyBatch's
 * checkpoint lock does — the lease only keeps two workers from doing the same work.
 */
export const leases = {
  /** Takes or renews the lease; true when `owner` holds it afterwards. Renewing is the heartbeat. */
  async acquire(sql: Sql, name: string, owner: string, ttlMs: number): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO projection_leases (name, owner, expires_at, heartbeat_at)
       VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000), now())
       ON CONFLICT (name) DO UPDATE
         SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at, heartbeat_at = EXCLUDED.heartbeat_at
         WHERE projection_leases.owner = EXCLUDED.owner OR projection_leases.expires_at < now()
       RETURNING owner`,
      [name, owner, ttlMs],
    );
    return rows.length === 1;
  },

  /** Takes or renews the leases on several projections in one statement; returns the names `owner` holds afterwards. */
  async acquireAll(sql: Sql, names: readonly string[], owner: string, ttlMs: number): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const rows = await sql.query<{ name: string }>(
      `INSERT INTO projection_leases (name, owner, expires_at, heartbeat_at)
       SELECT n, $2, now() + make_interval(secs => $3::double precision / 1000), now() FROM unnest($1::text[]) AS n
       ON CONFLICT (name) DO UPDATE
         SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at, heartbeat_at = EXCLUDED.heartbeat_at
         WHERE projection_leases.owner = EXCLUDED.owner OR projection_leases.expires_at < now()
       RETURNING name`,
      [names, owner, ttlMs],
    );
    return new Set(rows.map((r) => r.name));
  },

  async release(sql: Sql, name: string, owner: string): Promise<void> {
    await sql.query('DELETE FROM projection_leases WHERE name = $1 AND owner = $2', [name, owner]);
  },
};
