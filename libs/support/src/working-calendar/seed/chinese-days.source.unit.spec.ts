import { createRequire } from 'node:module';
import { contentErrors } from '../domain/calendar-content';
import { NOTICE_YEARS, stateCouncilYear } from '../testing/state-council-arrangements';
import { CHINESE_DAYS_SOURCE, SEEDED_YEARS, chineseDaysYear } from './chinese-days.source';

const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('chinese-days as the seed of the calendar', () => {
  it.each(NOTICE_YEARS)('has exactly the State Council arrangement for %i', (year) => {
    const seeded = chineseDaysYear(year)!;
    const notice = stateCouncilYear(year);
    expect(dates(seeded.holidays)).toEqual(dates(notice.holidays));
    expect(dates(seeded.makeUpWorkdays)).toEqual(dates(notice.makeUpWorkdays));
  });

  it('names days by their Chinese holiday name', () => {
    const y2024 = chineseDaysYear(2024)!;
    expect(y2024.holidays.find((d) => d.date === '2024-10-01')?.name).toBe('国庆节');
    expect(y2024.makeUpWorkdays.find((d) => d.date === '2024-02-04')?.name).toBe('春节');
    expect(chineseDaysYear(2025)!.holidays.find((d) => d.date === '2025-10-06')?.name).toBe('中秋');
  });

  it.each(SEEDED_YEARS)('gives %i content the decider accepts', (year) => {
    expect(contentErrors(year, chineseDaysYear(year)!)).toEqual([]);
  });

  it('has nothing for a year the package does not cover', () => {
    expect(chineseDaysYear(2099)).toBeNull();
  });

  it('records the installed package version as the source', () => {
    const installed = createRequire(__filename)('chinese-days/package.json').version;
    expect(CHINESE_DAYS_SOURCE).toBe(`chinese-days@${installed}`);
  });
});
