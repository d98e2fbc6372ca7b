/**
 * Business dates (a rename's effective date) are calendar dates without a time: 'YYYY-MM-DD', in the zone's
 * own calendar. Recorded instants are ISO timestamps. Both kinds arrive as strings so events stay plain JSON.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date: the right shape, and the day exists (2024-02-29 does, 2023-02-29 and 2024-02-30 do not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over to 2024-03-01; a real date comes back unchanged.
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** China has kept UTC+8 all year since 1991, so a fixed offset is exact for any instant we record. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant: the day a bureau user saw on the wall when it was recorded. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Asia/Shanghai, for queries ("overdue now") and defaults; never used inside decide or evolve. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate(now.toISOString());
}

/** The business day of a stored event: its business time if it has one, else the day it was recorded. */
export function eventDate(event: { businessTime: string | null; recordedAt: Date }): string {
  return shanghaiDate(event.businessTime ?? event.recordedAt.toISOString());
}
