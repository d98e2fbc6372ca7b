import { epochDay, fromEpochDay, yearOfEpochDay } from './calendar-dates';

describe('business dates as days since 1970-01-01', () => {
  it('numbers real dates, and writes them back the same', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2024-12-31', '2025-01-01', '0100-03-01', '9999-12-31']) {
      const day = epochDay(date);
      expect(day).not.toBeNull();
      expect(fromEpochDay(day!)).toBe(date);
    }
    expect(epochDay('1970-01-02')).toBe(1);
    expect(epochDay('1969-12-31')).toBe(-1);
  });

  it('refuses days that do not exist, which Date.UTC would roll over, and years 0–99 it would read as 19xx', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '0099-06-01', '0000-01-01', '2024-2-4', '']) {
      expect(epochDay(bad)).toBeNull();
    }
  });

  it('tells the year a day falls in at both ends of a year', () => {
    expect(yearOfEpochDay(epochDay('2024-12-31')!)).toBe(2024);
    expect(yearOfEpochDay(epochDay('2025-01-01')!)).toBe(2025);
    expect(yearOfEpochDay(-1)).toBe(1969);
  });
});
