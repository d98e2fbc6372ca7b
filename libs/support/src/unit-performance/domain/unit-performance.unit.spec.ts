import type { ProblemFact } from '../../metrics/problem-as-of';
import { WorkingDayCalendar } from '../../working-calendar/domain/working-days';
import { stateCouncilDates } from '../../working-calendar/testing/state-council-arrangements';
import { problemCourse } from './problem-course';
import { safeWorkingDays } from './safe-working-days';
import { bounced, figureRecords, transferRecords, unitFigures } from './unit-figures';
import { rankUnits } from './unit-ranking';
import { warningColour } from './warning-colour';

// June 2024: weekends 01/02, 08/09, 15/16, 22/23, 29/30; Mon 06-10 端午 off.
const calendar = safeWorkingDays(new WorkingDayCalendar(stateCouncilDates([2024])));
const JUNE = { from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-28' };

type Step = readonly [type: string, onDate: string, data?: Record<string, unknown>];
function facts(id: string, steps: readonly Step[]): ProblemFact[] {
  return steps.map(([type, onDate, data = {}], i) => ({ problemId: id, streamPosition: i + 1, type, onDate, data }));
}
const registered = (on: string): Step => ['ProblemRegistered', on, { raisedOn: on, category: '融资', title: 't', enterpriseUscc: 'x' }];
const assigned = (on: string, unit: string, deadline: string): Step => ['ProblemAssigned', on, { leadUnitId: unit, coUnitIds: [], assignedOn: on, deadline }];
const accepted = (on: string, unit: string): Step => ['ProblemAccepted', on, { unitId: unit, acceptedOn: on }];
const returned = (on: string, unit: string, reason = '属地不符'): Step => ['ProblemReturned', on, { unitId: unit, reason, returnedOn: on }];
const resolved = (on: string, deadline: string, outcome = 'solved'): Step => ['ProblemResolved', on, { outcome, resolvedOn: on, deadline }];
const followedUp = (on: string, satisfaction: string): Step => ['ProblemFollowedUp', on, { satisfaction, followedUpOn: on }];
const course = (id: string, steps: readonly Step[], asOf = JUNE.asOf) => problemCourse(facts(id, steps), asOf, calendar, 1)!;

describe('problem course: 交办, 签收/退回, 流转 and limbo', () => {
  it('a problem returned twice (属地不符, 职能交叉) and accepted by the third unit: 3 transfers, limbo counted from the first 交办', () => {
    const c = course('p', [
      registered('2024-06-03'),
      assigned('2024-06-03', 'u-a', '2024-06-14'),
      returned('2024-06-04', 'u-a'),
      assigned('2024-06-05', 'u-b', '2024-06-17'),
      returned('2024-06-07', 'u-b', '职能交叉'), // 06-05 +1 → due 06-06: late
      assigned('2024-06-11', 'u-c', '2024-06-20'),
      accepted('2024-06-12', 'u-c'),
    ]);
    expect(c.transfers).toBe(3);
    expect(c.limboWorkingDays).toBe(6); // 04 05 06 07 11 12
    expect(c.assignments.map((a) => [a.unitId, a.acceptanceDue, a.answer, a.workingDaysToAnswer])).toEqual([
      ['u-a', '2024-06-04', 'returned', 1],
      ['u-b', '2024-06-06', 'returned', 2],
      ['u-c', '2024-06-12', 'accepted', 1], // 06-11 +1 working day = 06-12
    ]);
    expect(c.leadUnitId).toBe('u-c');
  });

  it('a problem nobody accepted stays in limbo up to the report date', () => {
    const c = course('p', [registered('2024-06-24'), assigned('2024-06-24', 'u-a', '2024-07-01')]);
    expect(c.transfers).toBe(1);
    expect(c.limboWorkingDays).toBe(4); // 25 26 27 28
  });

  it('重办 is not a new 交办: the transfers stay, the second conclusion is judged against the deadline in force', () => {
    const c = course('p', [
      registered('2024-06-03'),
      assigned('2024-06-03', 'u-a', '2024-06-07'),
      accepted('2024-06-04', 'u-a'),
      resolved('2024-06-06', '2024-06-07'),
      followedUp('2024-06-11', 'unsatisfied'),
      ['ProblemReopened', '2024-06-11', { reason: '仍未解决', reopenedOn: '2024-06-11' }],
      resolved('2024-06-20', '2024-06-07'),
    ]);
    expect(c.transfers).toBe(1);
    expect(c.reopens).toBe(1);
    expect(c.conclusions.map((k) => k.onTime)).toEqual([true, false]);
    expect(c.status).toBe('concluded');
  });

  it('late data: a step dated after the report date is not seen, whatever its recording time', () => {
    const steps = [registered('2024-06-03'), assigned('2024-06-03', 'u-a', '2024-06-14'), accepted('2024-06-06', 'u-a')];
    expect(course('p', steps, '2024-06-05').acceptedOn).toBeNull();
    expect(course('p', steps, '2024-06-06').acceptedOn).toBe('2024-06-06');
  });
});

describe('unit figures for June 2024 (computed by hand)', () => {
  const courses = [
    // u-a: P1 accepted on time, concluded on time, satisfied.
    course('P1', [registered('2024-06-03'), assigned('2024-06-03', 'u-a', '2024-06-11'), accepted('2024-06-04', 'u-a'), resolved('2024-06-07', '2024-06-11'), followedUp('2024-06-12', 'satisfied')]),
    // u-a returned P2 late (due 06-05), then u-b accepted it late (due 06-07, accepted 06-11), concluded late, unsatisfied → reopened.
    course('P2', [
      registered('2024-06-04'),
      assigned('2024-06-04', 'u-a', '2024-06-12'),
      returned('2024-06-06', 'u-a'),
      assigned('2024-06-06', 'u-b', '2024-06-14'),
      accepted('2024-06-11', 'u-b'),
      resolved('2024-06-17', '2024-06-14'),
      followedUp('2024-06-18', 'unsatisfied'),
      ['ProblemReopened', '2024-06-18', { reason: '重办', reopenedOn: '2024-06-18' }],
    ]),
    // u-b: P3 with an extension approved, concluded on time only thanks to it, not yet followed up.
    course('P3', [
      registered('2024-06-05'),
      assigned('2024-06-05', 'u-b', '2024-06-11'),
      accepted('2024-06-06', 'u-b'),
      ['ProblemExtensionRequested', '2024-06-07', { workingDays: 3 }],
      ['ProblemExtensionApproved', '2024-06-07', { deadline: '2024-06-14' }],
      resolved('2024-06-13', '2024-06-14', 'explained_policy'),
    ]),
    // u-c: assigned 06-28, acceptance due 07-01: not yet due, and no problem led in the cohort except this open one.
    course('P4', [registered('2024-06-28'), assigned('2024-06-28', 'u-c', '2024-07-05')]),
    // A May problem accepted in June: only its acceptance counts in June.
    course('P5', [registered('2024-05-30'), assigned('2024-05-31', 'u-c', '2024-06-07'), accepted('2024-06-03', 'u-c')]),
  ];
  const byUnit = Object.fromEntries(unitFigures(courses, JUNE).map((u) => [u.unitId, u]));

  it('及时签收率 and 退回率 count assignments; the answer within the acceptance limit is timely', () => {
    expect(byUnit['u-a'].timelyAcceptance).toMatchObject({ numerator: 1, denominator: 2 }); // P1 yes, P2 returned late
    expect(byUnit['u-a'].returnRate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(byUnit['u-b'].timelyAcceptance).toMatchObject({ numerator: 1, denominator: 2 }); // P3 yes, P2 late
    expect(byUnit['u-b'].returnRate).toMatchObject({ numerator: 0, denominator: 2, percent: 0 });
    // P5's limit (05-31 +1 → 06-03) fell in June; P4's (07-01) has not: u-c accepted 1 of 1.
    expect(byUnit['u-c'].timelyAcceptance).toMatchObject({ numerator: 1, denominator: 1 });
    expect(byUnit['u-c'].returnRate).toMatchObject({ numerator: 0, denominator: 1 }); // P4 only: P5 was assigned in May
  });

  it('working days 交办→签收: average and worst over the assignments accepted in the period', () => {
    expect(byUnit['u-b'].acceptanceDays).toEqual({ count: 2, average: 1.5, worst: 2 }); // P2 06-06→06-11 = 2 (07, 11: 端午 off), P3 1
    expect(byUnit['u-a'].acceptanceDays).toEqual({ count: 1, average: 1, worst: 1 });
  });

  it('办结率, 按时办结率, 回访满意率 and 参评率 for the problems each unit leads', () => {
    expect(byUnit['u-a'].conclusionRate).toMatchObject({ numerator: 1, denominator: 1 }); // P1 (P2 left u-a)
    expect(byUnit['u-b'].conclusionRate).toMatchObject({ numerator: 1, denominator: 2 }); // P3; P2 reopened
    expect(byUnit['u-b'].onTimeRate).toMatchObject({ numerator: 1, denominator: 1 }); // P3 thanks to the extension
    expect(byUnit['u-b'].satisfactionRate).toMatchObject({ numerator: 0, denominator: 1 });
    expect(byUnit['u-b'].ratedRate).toMatchObject({ numerator: 1, denominator: 2 }); // P2's conclusion rated, P3's not
    expect(byUnit['u-a'].satisfactionRate).toMatchObject({ numerator: 1, denominator: 1, percent: 100 });
  });

  it('a 回访 record says the rating in words', () => {
    const details = figureRecords(courses, JUNE).get('satisfactionRate')!.map((r) => r.detail);
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d).toMatch(/^回访\d{4}-\d{2}-\d{2}：(满意|基本满意|不满意)$/);
  });

  it('a unit with an empty denominator has no score (percent null), never 0% or 100%', () => {
    expect(byUnit['u-c'].onTimeRate).toMatchObject({ numerator: 0, denominator: 0, percent: null });
    expect(byUnit['u-c'].satisfactionRate.percent).toBeNull();
  });

  it('the records behind a figure are the counted ones, numerator flagged', () => {
    const records = figureRecords(courses, JUNE).get('timelyAcceptance')!;
    expect(records.filter((r) => r.unitId === 'u-b').map((r) => [r.problemId, r.assignmentSeq, r.inNumerator])).toEqual([
      ['P2', 2, false],
      ['P3', 1, true],
    ]);
  });

  it('流转: P2 bounced once; nothing bounced more than twice', () => {
    const t = transferRecords(courses, JUNE);
    expect(t[0]).toMatchObject({ problemId: 'P2', transfers: 2, limboWorkingDays: 4, units: ['u-a', 'u-b'], acceptedBy: 'u-b' }); // 05 06 07 11
    expect(t.map((r) => r.problemId)).not.toContain('P5'); // first 交办 in May
    expect(bounced(t)).toEqual([]);
  });

  it('the ranking names the lowest with the cause and the change against the previous month', () => {
    const previous = unitFigures(courses, { from: '2024-05-01', to: '2024-05-31', asOf: '2024-05-31' });
    const ranking = rankUnits(unitFigures(courses, JUNE), previous, 'timelyAcceptance');
    expect(ranking.ranked.map((r) => [r.rank, r.unitId, r.figure.percent, r.cause])).toEqual([
      [1, 'u-c', 100, null], // among the lowest three by count, but nothing went wrong: no cause
      [2, 'u-a', 50, '2件中1件超时签收'],
      [2, 'u-b', 50, '2件中1件超时签收'],
    ]);
    expect(ranking.ranked.every((r) => r.change === null)).toBe(true); // nothing was due in May
    const onTime = rankUnits(unitFigures(courses, JUNE), [], 'onTimeRate');
    expect(onTime.unscored).toEqual(['u-c']);
  });
});

describe('三色预警', () => {
  const rules = { blueWithinWorkingDays: 2, acceptanceLimitWorkingDays: 1 };
  const open = { status: 'accepted', assignedOn: '2024-06-03', deadline: '2024-06-14', extensionPending: false };
  const colour = (today: string, change: Partial<typeof open> = {}) => warningColour({ ...open, ...change }, today, rules, calendar);

  it('red when overdue, whatever else', () => {
    expect(colour('2024-06-17', { extensionPending: true })).toBe('red');
  });
  it('yellow when an extension is asked, or not accepted within the limit', () => {
    expect(colour('2024-06-05', { extensionPending: true })).toBe('yellow');
    expect(colour('2024-06-05', { status: 'assigned' })).toBe('yellow'); // due 06-04
    expect(colour('2024-06-04', { status: 'assigned' })).toBeNull();
  });
  it('blue within 2 working days of the deadline (the holiday does not count)', () => {
    expect(colour('2024-06-12')).toBe('blue'); // 13 14
    expect(colour('2024-06-07')).toBeNull(); // 11 12 13 14: 4 left (06-10 端午)
    expect(colour('2024-06-14')).toBe('blue');
  });
  it('no colour for a concluded problem', () => {
    expect(colour('2024-06-20', { status: 'resolved' })).toBeNull();
  });
});
