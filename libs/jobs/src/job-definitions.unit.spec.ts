import { InvalidJobPeriod, JOB_DEFINITIONS, jobId, previousMonth, resolvePeriod } from './job-definitions';

describe('job definitions', () => {
  it('gives the same id for the same job, zone and period, in the three-part shape BullMQ accepts', () => {
    expect(jobId('monthly-summary', 'default', '2024-06')).toBe('monthly-summary:default:2024-06');
    expect(jobId('overdue-check', 'default', '2024-06-28')).toBe('overdue-check:default:2024-06-28');
    expect(jobId('overdue-check', 'default', '2024-06-28').split(':')).toHaveLength(3);
  });

  it('closes the month before on the 1st, across a year end', () => {
    expect(previousMonth('2025-01-01')).toBe('2024-12');
    expect(JOB_DEFINITIONS['monthly-summary'].periodFor('2024-07-01')).toBe('2024-06');
    expect(JOB_DEFINITIONS['overdue-check'].periodFor('2024-07-01')).toBe('2024-07-01');
  });

  it('takes the default period in Asia/Shanghai, not UTC', () => {
    // 2024-06-30T17:30Z is already 01:30 on 2024-07-01 in Shanghai.
    const now = new Date('2024-06-30T17:30:00Z');
    expect(resolvePeriod('overdue-check', undefined, now)).toBe('2024-07-01');
    expect(resolvePeriod('monthly-summary', undefined, now)).toBe('2024-06');
  });

  it('refuses a period of the wrong kind or an impossible date', () => {
    expect(() => resolvePeriod('monthly-summary', '2024-06-01')).toThrow(InvalidJobPeriod);
    expect(() => resolvePeriod('overdue-check', '2024-06')).toThrow(InvalidJobPeriod);
    expect(() => resolvePeriod('overdue-check', '2023-02-29')).toThrow(InvalidJobPeriod);
    expect(resolvePeriod('certification-expiry', '2024-02-29')).toBe('2024-02-29');
  });
});
