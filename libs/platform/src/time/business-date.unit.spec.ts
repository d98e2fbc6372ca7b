import { isCalendarDate, shanghaiDate } from './business-date';

describe('business dates', () => {
  it.each(['2024-02-29', '2024-12-31', '2025-01-01', '2000-02-29'])('%s is a calendar date', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  const notDates = ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31'];
  it.each([...notDates, '2024-2-1', '2024-02-01T00:00:00Z', '', '0000-01-01'])('%s is not', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isCalendarDate(20240201)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('cuts days in Asia/Shanghai: 16:00Z is already the next day there', () => {
    expect(shanghaiDate('2024-06-30T15:59:59.999Z')).toBe('2024-06-30');
    expect(shanghaiDate('2024-06-30T16:00:00.000Z')).toBe('2024-07-01');
  });
});
