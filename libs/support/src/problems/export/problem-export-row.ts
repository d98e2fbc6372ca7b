import type { ProblemFact } from '../../metrics/problem-as-of';
import { problemCourse, type WorkingDays } from '../../unit-performance/domain/problem-course';
import type { WarningColour } from '../../unit-performance/domain/warning-colour';
import { ProblemEventTypes as T } from '../domain/problem.events';
import type { ProblemSummary } from '../queries/problem-list.query';

/** One exported problem: the columns of the file, in order, with their Chinese headers (the file's contract). */
export const PROBLEM_EXPORT_COLUMNS = [
  { key: 'problemId', header: '诉求编号' },
  { key: 'enterpriseName', header: '企业名称' },
  { key: 'enterpriseUscc', header: '统一社会信用代码' },
  { key: 'category', header: '类别' },
  { key: 'registeredOn', header: '提出日期' },
  { key: 'leadUnit', header: '牵头单位' },
  { key: 'coUnits', header: '协办单位' },
  { key: 'assignments', header: '交办记录' },
  { key: 'acceptedOn', header: '签收日期' },
  { key: 'deadline', header: '办理时限' },
  { key: 'extensions', header: '延期' },
  { key: 'resolvedOn', header: '办结日期' },
  { key: 'outcome', header: '办结方式' },
  { key: 'onTime', header: '是否按期' },
  { key: 'satisfaction', header: '回访评价' },
  { key: 'closedOn', header: '关闭日期' },
  { key: 'transfers', header: '流转次数' },
  { key: 'warning', header: '预警' },
] as const;

export type ProblemExportRow = { [C in (typeof PROBLEM_EXPORT_COLUMNS)[number] as C['key']]: C['key'] extends 'transfers' ? number : string };

/** What one row is made of: the list's row, the problem's facts (any order) and the names it shows. */
export interface ProblemExportInput {
  problem: Pick<ProblemSummary, 'problemId' | 'enterpriseUscc' | 'category' | 'registeredOn' | 'leadUnitId' | 'coUnitIds' | 'deadline' | 'outcome' | 'resolvedOn' | 'satisfaction' | 'closedOn'>;
  facts: readonly ProblemFact[];
  enterpriseName: string | null;
  /** A unit's display name; an unknown id stands for itself. */
  unitName: (unitId: string) => string;
  warning: WarningColour | null;
}

const OUTCOME_WORDS: Record<string, string> = { solved: '已解决', explained_policy: '政策解释', long_term: '长期推进' };
const SATISFACTION_WORDS: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
const WARNING_WORDS: Record<WarningColour, string> = { red: '红', yellow: '黄', blue: '蓝' };
const NO_WARNING = '—';
const LIST_SEPARATOR = '；';

// The row needs no working-day arithmetic (only 流转次数 and the order of 交办), so the course is folded without a calendar.
const NO_CALENDAR: WorkingDays = { addWorkingDays: () => null, workingDaysBetween: () => null };
const ALL_TIME = '9999-12-31';

/** Pure: the same problem, facts and names always give the same row. */
export function problemExportRow({ problem: p, facts, enterpriseName, unitName, warning }: ProblemExportInput): ProblemExportRow {
  const course = problemCourse(facts, ALL_TIME, NO_CALENDAR, 1);
  const assignments = (course?.assignments ?? []).map((a) => {
    const answer = a.answer === 'returned' ? `（${a.answeredOn} 退回）` : a.answer === 'accepted' ? `（${a.answeredOn} 签收）` : '';
    return `${a.assignedOn} → ${unitName(a.unitId)}${answer}`;
  });
  // The conclusion in force: a reopen clears resolvedOn in the list row, so an old conclusion is not shown as current.
  const conclusion = p.resolvedOn ? course?.conclusions.at(-1) : undefined;
  return {
    problemId: p.problemId,
    enterpriseName: enterpriseName ?? '',
    enterpriseUscc: p.enterpriseUscc,
    category: p.category,
    registeredOn: p.registeredOn,
    leadUnit: p.leadUnitId ? unitName(p.leadUnitId) : '',
    coUnits: p.coUnitIds.map(unitName).join('、'),
    assignments: assignments.join(LIST_SEPARATOR),
    acceptedOn: course?.acceptedOn ?? '',
    deadline: p.deadline ?? '',
    extensions: extensionLines(facts).join(LIST_SEPARATOR),
    resolvedOn: p.resolvedOn ?? '',
    outcome: p.outcome ? (OUTCOME_WORDS[p.outcome] ?? p.outcome) : '',
    onTime: conclusion ? (conclusion.onTime ? '是' : '否') : '',
    satisfaction: p.satisfaction ? (SATISFACTION_WORDS[p.satisfaction] ?? p.satisfaction) : '',
    closedOn: p.closedOn ?? '',
    transfers: course?.transfers ?? 0,
    warning: warning ? WARNING_WORDS[warning] : NO_WARNING,
  };
}

/** Each extension asked, in stream order, with how it was decided: "2024-06-10 申请 3 个工作日，2024-06-11 批准". */
function extensionLines(facts: readonly ProblemFact[]): string[] {
  const lines: string[] = [];
  let pending: number | null = null;
  for (const f of [...facts].sort((a, b) => a.streamPosition - b.streamPosition)) {
    const d = f.data;
    if (f.type === T.ExtensionRequested) {
      pending = lines.push(`${d.requestedOn} 申请 ${d.workingDays} 个工作日，待审批`) - 1;
    } else if (pending !== null && (f.type === T.ExtensionApproved || f.type === T.ExtensionRejected)) {
      const decided = f.type === T.ExtensionApproved ? `${d.approvedOn} 批准 ${d.workingDays} 个工作日` : `${d.rejectedOn} 驳回`;
      lines[pending] = lines[pending].replace('待审批', decided);
      pending = null;
    }
  }
  return lines;
}
