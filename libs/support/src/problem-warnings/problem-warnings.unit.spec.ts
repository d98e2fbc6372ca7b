import { stateCouncilDates } from '../working-calendar/testing/state-council-arrangements';
import { WorkingDayCalendar } from '../working-calendar/domain/working-days';
import { safeWorkingDays } from '../unit-performance/domain/safe-working-days';
import { warningOfRow, type WarningColumns } from './warning-of-row';
import { warningCutoffs, type WarningCutoffs } from './warning-cutoffs';

const calendar = safeWorkingDays(new WorkingDayCalendar(stateCouncilDates([2024, 2025])));
const rules = { blueWithinWorkingDays: 2, acceptanceLimitWorkingDays: 1 };
const row = (over: Partial<WarningColumns> = {}): WarningColumns => ({
  status: 'accepted',
  assignedOn: '2024-09-02',
  deadline: '2024-09-30',
  pendingExtensionDays: null,
  ...over,
});

/** What the SQL CASE in warning-sql.ts does with the cutoffs, in TypeScript, to compare with the definition. */
function byCutoffs(r: WarningColumns, c: WarningCutoffs) {
  if (!['assigned', 'accepted', 'in_progress'].includes(r.status) || r.deadline === null) return null;
  if (r.deadline < c.today) return 'red';
  if (r.pendingExtensionDays !== null) return 'yellow';
  if (r.status === 'assigned' && r.assignedOn !== null && c.acceptedLateIfAssignedBefore !== null && r.assignedOn < c.acceptedLateIfAssignedBefore) return 'yellow';
  if (c.blueIfDeadlineBefore !== null && r.deadline < c.blueIfDeadlineBefore) return 'blue';
  return null;
}

describe('三色预警 of a problems read-model row', () => {
  it('is red once the deadline has passed, whatever else holds', () => {
    expect(warningOfRow(row({ deadline: '2024-09-10', pendingExtensionDays: 5 }), '2024-09-11', rules, calendar)).toBe('red');
  });

  it('is yellow while an extension is asked', () => {
    expect(warningOfRow(row({ pendingExtensionDays: 5 }), '2024-09-11', rules, calendar)).toBe('yellow');
  });

  it('is yellow when the unit has not accepted within the acceptance limit (1 working day)', () => {
    // Assigned Friday 2024-09-06: due Monday 09-09; on Tuesday it is late, on Monday not yet.
    expect(warningOfRow(row({ status: 'assigned', assignedOn: '2024-09-06' }), '2024-09-10', rules, calendar)).toBe('yellow');
    expect(warningOfRow(row({ status: 'assigned', assignedOn: '2024-09-06' }), '2024-09-09', rules, calendar)).toBeNull();
  });

  it('is blue when the deadline is within 2 working days, counted on the working calendar (holidays off)', () => {
    // National Day 2024: 10-01..10-07 off, Sunday 09-29 worked (调休). Deadline 10-08 is 2 working days after 09-29.
    expect(warningOfRow(row({ deadline: '2024-10-08' }), '2024-09-29', rules, calendar)).toBe('blue');
    expect(warningOfRow(row({ deadline: '2024-10-09' }), '2024-09-29', rules, calendar)).toBeNull();
    expect(warningOfRow(row({ deadline: '2024-09-11' }), '2024-09-11', rules, calendar)).toBe('blue');
  });

  it('takes N from the rules', () => {
    expect(warningOfRow(row({ deadline: '2024-09-16' }), '2024-09-11', rules, calendar)).toBeNull();
    expect(warningOfRow(row({ deadline: '2024-09-16' }), '2024-09-11', { ...rules, blueWithinWorkingDays: 5 }, calendar)).toBe('blue');
  });

  it('gives no colour to a problem that is not open or has no deadline', () => {
    for (const status of ['registered', 'resolved', 'closed', 'merged', 'withdrawn'])
      expect(warningOfRow(row({ status, deadline: '2024-09-01' }), '2024-09-11', rules, calendar)).toBeNull();
    expect(warningOfRow(row({ deadline: null }), '2024-09-11', rules, calendar)).toBeNull();
  });
});

describe('warningCutoffs: the same colours as the definition, for SQL', () => {
  it('agrees with warningOfRow on every day of a quarter with a holiday, for rows around each day', () => {
    const days: string[] = [];
    for (let d = new Date('2024-09-01T00:00:00Z'); d <= new Date('2024-11-30T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
    let compared = 0;
    for (const limit of [1, 3]) {
      const r = { blueWithinWorkingDays: 2, acceptanceLimitWorkingDays: limit };
      for (const today of days.slice(20, 70)) {
        const cut = warningCutoffs(today, r, calendar);
        for (const other of days) {
          for (const candidate of [row({ deadline: other }), row({ status: 'assigned', assignedOn: other, deadline: '2024-11-29' })]) {
            expect([today, candidate, byCutoffs(candidate, cut)]).toEqual([today, candidate, warningOfRow(candidate, today, r, calendar)]);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10000);
  });

  it('gives no blue or late-acceptance cutoff where the calendar year is not loaded', () => {
    expect(warningCutoffs('2025-12-31', rules, calendar).blueIfDeadlineBefore).toBeNull();
  });
});
