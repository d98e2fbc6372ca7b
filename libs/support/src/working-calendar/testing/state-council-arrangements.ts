import { epochDay, fromEpochDay } from '../domain/calendar-dates';
import type { CalendarYearContent } from '../domain/calendar.events';

/**
 * The State Council's holiday arrangements (国务院办公厅关于…部分节假日安排的通知), typed in by hand from
 * the notices as "X月X日至Y日放假 … Z日上班", independently of the chinese-days package, so that tests
 * can check both the package's data and the calculator against the published source.
 *   2024: 国办发明电〔2023〕7号   2025: 国办发明电〔2024〕12号   2026: the notice of November 2025
 */
type Period = [name: string, from: string, to: string, workOn?: string[]];

const NOTICES: Record<number, Period[]> = {
  2024: [
    ['元旦', '2024-01-01', '2024-01-01'],
    ['春节', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
    ['清明', '2024-04-04', '2024-04-06', ['2024-04-07']],
    ['劳动节', '2024-05-01', '2024-05-05', ['2024-04-28', '2024-05-11']],
    ['端午', '2024-06-10', '2024-06-10'],
    ['中秋', '2024-09-15', '2024-09-17', ['2024-09-14']],
    ['国庆节', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
  ],
  2025: [
    ['元旦', '2025-01-01', '2025-01-01'],
    ['春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    ['清明', '2025-04-04', '2025-04-06'],
    ['劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
    ['端午', '2025-05-31', '2025-06-02'],
    ['国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ],
  2026: [
    ['元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
    ['春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    ['清明', '2026-04-04', '2026-04-06'],
    ['劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
    ['端午', '2026-06-19', '2026-06-21'],
    ['中秋', '2026-09-25', '2026-09-27'],
    ['国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ],
};

export const NOTICE_YEARS = Object.keys(NOTICES).map(Number);

/** A year's arrangement in the domain's shape, days named after their holiday. */
export function stateCouncilYear(year: number): CalendarYearContent {
  const holidays = NOTICES[year].flatMap(([name, from, to]) => {
    const days = [];
    for (let d = epochDay(from)!; d <= epochDay(to)!; d++) days.push({ date: fromEpochDay(d), name });
    return days;
  });
  const makeUpWorkdays = NOTICES[year]
    .flatMap(([name, , , workOn = []]) => workOn.map((date) => ({ date, name })))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return { holidays, makeUpWorkdays };
}

/** The calculator's input for the given years. */
export function stateCouncilDates(years: readonly number[] = NOTICE_YEARS) {
  return new Map(
    years.map((y) => {
      const { holidays, makeUpWorkdays } = stateCouncilYear(y);
      return [y, { holidays: holidays.map((d) => d.date), makeUpWorkdays: makeUpWorkdays.map((d) => d.date) }];
    }),
  );
}
