import type { ProblemFact } from '../../metrics/problem-as-of';
import { ProblemEventTypes as T } from '../domain/problem.events';
import { PROBLEM_EXPORT_COLUMNS, problemExportRow, type ProblemExportInput } from './problem-export-row';

const UNIT_NAMES: Record<string, string> = { 'unit-drc': '区发改委', 'unit-hr': '区人社局', 'unit-tax': '区税务局' };
const unitName = (id: string) => UNIT_NAMES[id] ?? id;

let position = 0;
const fact = (type: string, onDate: string, data: Record<string, unknown>): ProblemFact => ({ problemId: 'p1', streamPosition: ++position, type, onDate, data });

const registered = () => fact(T.Registered, '2024-06-03', { enterpriseUscc: 'U', title: 't', category: '融资', raisedOn: '2024-06-03' });
const assigned = (on: string, unit: string, deadline: string, coUnitIds: string[] = []) =>
  fact(T.Assigned, on, { leadUnitId: unit, coUnitIds, level: 'district', assignedOn: on, workingDays: 5, deadline });

const problem = (over: Partial<ProblemExportInput['problem']> = {}): ProblemExportInput['problem'] => ({
  problemId: 'p1',
  enterpriseUscc: '91330100MA27XY1234',
  category: '融资',
  registeredOn: '2024-06-03',
  leadUnitId: null,
  coUnitIds: [],
  deadline: null,
  outcome: null,
  resolvedOn: null,
  satisfaction: null,
  closedOn: null,
  ...over,
});

describe('problemExportRow (facts → one exported row)', () => {
  beforeEach(() => (position = 0));

  it('has one key per column, in the order of the headers', () => {
    const row = problemExportRow({ problem: problem(), facts: [registered()], enterpriseName: null, unitName, warning: null });
    expect(Object.keys(row).sort()).toEqual(PROBLEM_EXPORT_COLUMNS.map((c) => c.key).sort());
    expect(PROBLEM_EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      '诉求编号', '企业名称', '统一社会信用代码', '类别', '提出日期', '牵头单位', '协办单位', '交办记录', '签收日期',
      '办理时限', '延期', '办结日期', '办结方式', '是否按期', '回访评价', '关闭日期', '流转次数', '预警',
    ]);
  });

  it('a problem only registered: no unit, no dates, 0 transfers, no warning (—)', () => {
    const row = problemExportRow({ problem: problem(), facts: [registered()], enterpriseName: '甲公司', unitName, warning: null });
    expect(row).toMatchObject({ enterpriseName: '甲公司', leadUnit: '', assignments: '', acceptedOn: '', transfers: 0, warning: '—', onTime: '' });
  });

  it('a returned and reassigned problem, extended, solved late, rated, reopened and solved again on time', () => {
    const facts = [
      registered(),
      assigned('2024-06-03', 'unit-hr', '2024-06-11'),
      fact(T.Returned, '2024-06-04', { unitId: 'unit-hr', reason: '非本单位职责', returnedOn: '2024-06-04' }),
      assigned('2024-06-05', 'unit-drc', '2024-06-13', ['unit-tax']),
      fact(T.Accepted, '2024-06-06', { unitId: 'unit-drc', acceptedOn: '2024-06-06' }),
      fact(T.ExtensionRequested, '2024-06-07', { unitId: 'unit-drc', workingDays: 3, reason: '需市级审批', requestedOn: '2024-06-07' }),
      fact(T.ExtensionApproved, '2024-06-08', { workingDays: 3, previousDeadline: '2024-06-13', deadline: '2024-06-18', approvedOn: '2024-06-08' }),
      fact(T.ExtensionRequested, '2024-06-12', { unitId: 'unit-drc', workingDays: 5, reason: '再延', requestedOn: '2024-06-12' }),
      fact(T.ExtensionRejected, '2024-06-13', { reason: '不予延期', rejectedOn: '2024-06-13' }),
      fact(T.Resolved, '2024-06-20', { outcome: 'solved', summary: '已解决', resolvedOn: '2024-06-20', deadline: '2024-06-18' }),
      fact(T.FollowedUp, '2024-06-21', { satisfaction: 'unsatisfied', note: '不满意', followedUpOn: '2024-06-21' }),
      fact(T.Reopened, '2024-06-24', { reason: '重办', reopenedOn: '2024-06-24', workingDays: 5, deadline: '2024-07-01' }),
      fact(T.Resolved, '2024-06-28', { outcome: 'explained_policy', summary: '政策解释', resolvedOn: '2024-06-28', deadline: '2024-07-01' }),
      fact(T.FollowedUp, '2024-06-29', { satisfaction: 'basically_satisfied', note: '', followedUpOn: '2024-06-29' }),
      fact(T.Closed, '2024-06-30', { closedOn: '2024-06-30' }),
    ];
    const row = problemExportRow({
      problem: problem({ leadUnitId: 'unit-drc', coUnitIds: ['unit-tax'], deadline: '2024-07-01', outcome: 'explained_policy', resolvedOn: '2024-06-28', satisfaction: 'basically_satisfied', closedOn: '2024-06-30' }),
      facts: [...facts].reverse(), // stream order is restored from the positions
      enterpriseName: '甲公司',
      unitName,
      warning: null,
    });
    expect(row).toEqual({
      problemId: 'p1',
      enterpriseName: '甲公司',
      enterpriseUscc: '91330100MA27XY1234',
      category: '融资',
      registeredOn: '2024-06-03',
      leadUnit: '区发改委',
      coUnits: '区税务局',
      assignments: '2024-06-03 → 区人社局（2024-06-04 退回）；2024-06-05 → 区发改委（2024-06-06 签收）',
      acceptedOn: '2024-06-06',
      deadline: '2024-07-01',
      extensions: '2024-06-07 申请 3 个工作日，2024-06-08 批准 3 个工作日；2024-06-12 申请 5 个工作日，2024-06-13 驳回',
      resolvedOn: '2024-06-28',
      outcome: '政策解释',
      onTime: '是',
      satisfaction: '基本满意',
      closedOn: '2024-06-30',
      transfers: 2,
      warning: '—',
    });
  });

  it('a reopened problem not yet concluded again shows no conclusion (the list row cleared it), and its colour', () => {
    const facts = [
      registered(),
      assigned('2024-06-03', 'unit-drc', '2024-06-11'),
      fact(T.Accepted, '2024-06-04', { unitId: 'unit-drc', acceptedOn: '2024-06-04' }),
      fact(T.Resolved, '2024-06-12', { outcome: 'solved', summary: '', resolvedOn: '2024-06-12', deadline: '2024-06-11' }),
      fact(T.FollowedUp, '2024-06-13', { satisfaction: 'unsatisfied', note: '', followedUpOn: '2024-06-13' }),
      fact(T.Reopened, '2024-06-14', { reason: '', reopenedOn: '2024-06-14', workingDays: 5, deadline: '2024-06-21' }),
      fact(T.ExtensionRequested, '2024-06-17', { unitId: 'unit-drc', workingDays: 2, reason: '', requestedOn: '2024-06-17' }),
    ];
    const row = problemExportRow({
      problem: problem({ leadUnitId: 'unit-drc', deadline: '2024-06-21', satisfaction: 'unsatisfied' }),
      facts,
      enterpriseName: null,
      unitName,
      warning: 'yellow',
    });
    expect(row).toMatchObject({ resolvedOn: '', outcome: '', onTime: '', satisfaction: '不满意', extensions: '2024-06-17 申请 2 个工作日，待审批', transfers: 1, warning: '黄' });
  });

  it('counts every assignment while no unit has accepted, and names an unknown unit by its id', () => {
    const facts = [
      registered(),
      assigned('2024-06-03', 'unit-hr', '2024-06-11'),
      fact(T.Returned, '2024-06-04', { unitId: 'unit-hr', reason: 'x', returnedOn: '2024-06-04' }),
      assigned('2024-06-05', 'unit-gone', '2024-06-13'),
    ];
    const row = problemExportRow({ problem: problem({ leadUnitId: 'unit-gone', deadline: '2024-06-13' }), facts, enterpriseName: null, unitName, warning: 'red' });
    expect(row).toMatchObject({ leadUnit: 'unit-gone', assignments: '2024-06-03 → 区人社局（2024-06-04 退回）；2024-06-05 → unit-gone', acceptedOn: '', transfers: 2, warning: '红' });
  });
});
