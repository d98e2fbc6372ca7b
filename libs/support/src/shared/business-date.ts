/**
 * Business dates are calendar days in Asia/Shanghai ('YYYY-MM-DD'). China keeps +08:00 all year (no
 * daylight saving), so the conversion is a fixed offset — no time-zone database needed.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDate(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The business day of a stored event: its business time if it has one, else when it was recorded. */
export function eventDate(event: { businessTime: string | null; recordedAt: Date }): string {
  return shanghaiDate(event.businessTime ?? event.recordedAt);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in 'YYYY-MM-DD' form (2024-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Today in Asia/Shanghai, for queries ("overdue now") and defaults; never used inside decide or evolve. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}
