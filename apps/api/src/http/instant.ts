// Date.parse reads '1' as the year 2001 and '2024' as a whole year; an instant asked for must be one.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant: date, time and offset (Z or ±hh:mm), and a real one (no 25:00, no 2024-02-30). */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  // Date.parse rolls 2024-02-30 over; the local date written must survive the round trip at its offset.
  const offset = /Z$/.test(value) ? 0 : (value.slice(-6, -5) === '-' ? -1 : 1) * (Number(value.slice(-5, -3)) * 60 + Number(value.slice(-2)));
  const local = new Date(time + offset * 60_000).toISOString();
  return local.slice(0, 16) === value.slice(0, 16);
}
