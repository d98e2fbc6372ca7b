import type { WorkingDays } from '@app/support';
import { digestLines, escalationLines, type ColouredProblem, type UnacceptedProblem } from './digest-lines';

/** Monday to Friday, no holidays: enough to count the reasons' working days by hand. */
const weekdays: WorkingDays = {
  addWorkingDays: () => null,
  workingDaysBetween(from, to) {
    let n = 0;
    for (const d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); ) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n += 1;
    }
    return n;
  },
};

const problem = (id: string, over: Partial<ColouredProblem>): ColouredProblem => ({
  problemId: id,
  title: id,
  enterpriseUscc: 'U',
  enterpriseName: '甲公司',
  leadUnitId: 'unit-drc',
  status: 'accepted',
  assignedOn: '2024-09-02',
  deadline: '2024-09-30',
  pendingExtensionDays: null,
  colour: 'blue',
  ...over,
});

// Wednesday 2024-09-11.
const on = '2024-09-11';

describe('a unit digest’s lines', () => {
  it('are red by working days overdue (most first), then yellow, then blue by deadline (soonest first)', () => {
    const lines = digestLines(
      [
        problem('B2', { colour: 'blue', deadline: '2024-09-13' }),
        problem('R1', { colour: 'red', deadline: '2024-09-10' }),
        problem('Y1', { colour: 'yellow', pendingExtensionDays: 5 }),
        problem('B1', { colour: 'blue', deadline: '2024-09-12' }),
        problem('R3', { colour: 'red', deadline: '2024-09-06' }),
      ],
      on,
      weekdays,
    );
    expect(lines.map((l) => [l.problemId, l.reason])).toEqual([
      ['R3', '已超期3个工作日'],
      ['R1', '已超期1个工作日'],
      ['Y1', '申请延期5个工作日，待审批'],
      ['B1', '1个工作日内到期'],
      ['B2', '2个工作日内到期'],
    ]);
  });

  it('say why a yellow is yellow: not accepted since 交办, in working days', () => {
    const [line] = digestLines([problem('Y2', { colour: 'yellow', status: 'assigned', assignedOn: '2024-09-09' })], on, weekdays);
    expect(line).toMatchObject({ reason: '交办后2个工作日未签收', cause: { kind: 'not_accepted', workingDays: 2 } });
  });

  it('a deadline today is 今日到期; one passed over a weekend only is past, with no working day lost', () => {
    expect(digestLines([problem('B', { deadline: on })], on, weekdays)[0].reason).toBe('今日到期');
    expect(digestLines([problem('R', { colour: 'red', deadline: '2024-09-14' })], '2024-09-15', weekdays)[0].reason).toBe('已过办理期限');
  });
});

describe('the managers’ escalation lines', () => {
  const waiting = (id: string, state: UnacceptedProblem['state'], since: string): UnacceptedProblem => ({
    problemId: id, title: id, enterpriseUscc: 'U', enterpriseName: null, unitId: state === 'assigned' ? 'unit-hr' : null, state, since,
  });

  it('list problems no unit has taken for N working days or more, the longest waiting first', () => {
    const lines = escalationLines([waiting('A', 'assigned', '2024-09-06'), waiting('R', 'returned', '2024-09-02'), waiting('N', 'assigned', '2024-09-09')], on, 3, weekdays);
    expect(lines.map((l) => [l.problemId, l.reason])).toEqual([
      ['R', '退回后7个工作日未重新交办'],
      ['A', '交办后3个工作日无单位签收'],
    ]);
  });
});
