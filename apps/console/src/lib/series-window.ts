/**
 * GET /certifications/counts/series answers at most this many months (SERIES_MAX_MONTHS in the API's query DTO,
 * which refuses a longer span with a field message on `to`).
 */
export const SERIES_MAX_MONTHS = 60;

/**
 * The start of a monthly series that ends on `to` and begins no earlier than `from`: `from` itself when the span
 * fits, else the first day of the earliest month the API accepts — so a dashboard opened on a long period draws
 * the latest months instead of refusing the chart.
 */
export function seriesStart(from: string, to: string, maxMonths = SERIES_MAX_MONTHS): { from: string; clamped: boolean } {
  const lastMonth = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  const firstMonth = lastMonth - (maxMonths - 1);
  const earliest = `${String(Math.floor(firstMonth / 12)).padStart(4, '0')}-${String((firstMonth % 12) + 1).padStart(2, '0')}-01`;
  return from >= earliest ? { from, clamped: false } : { from: earliest, clamped: true };
}
