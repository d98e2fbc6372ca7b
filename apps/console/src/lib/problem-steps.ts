import type { Role } from './session';

/** One lifecycle step the problem page offers: which role, from which statuses, with which fields. */
export interface StepField {
  key: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'select' | 'multi' | 'date';
  options?: Record<string, string>;
  required?: boolean;
}

export interface StepDefinition {
  step: string;
  label: string;
  roles: Role[];
  statuses: string[];
  fields: StepField[];
  danger?: boolean;
  /** Only for a problem never concluded: a reopened (重办) one has had its conclusion counted (side exits end there). */
  onlyIfNeverResolved?: boolean;
}

const OPEN = ['assigned', 'accepted', 'in_progress'];
const BEFORE_RESOLUTION = ['registered', 'assigned', 'accepted', 'in_progress'];
const OVERSIGHT: Role[] = ['manager', 'admin'];
const INTAKE: Role[] = ['caseworker', 'manager', 'admin'];
const reason: StepField = { key: 'reason', label: '理由', kind: 'textarea', required: true };

export function stepDefinitions(labels: { levels: Record<string, string>; outcomes: Record<string, string>; satisfactions: Record<string, string>; categories: readonly string[] }): StepDefinition[] {
  const categoryOptions = Object.fromEntries(labels.categories.map((c) => [c, c]));
  return [
    { step: 'assign', label: '交办', roles: INTAKE, statuses: ['registered'], fields: [
      { key: 'leadUnitId', label: '牵头单位', kind: 'select', required: true },
      { key: 'coUnitIds', label: '协办单位', kind: 'multi' },
      { key: 'level', label: '层级', kind: 'select', options: labels.levels, required: true },
      { key: 'workingDays', label: '办理时限（工作日）', kind: 'number', required: true },
    ] },
    { step: 'categorize', label: '调整类别', roles: INTAKE, statuses: BEFORE_RESOLUTION, fields: [{ key: 'category', label: '类别', kind: 'select', options: categoryOptions, required: true }] },
    { step: 'accept', label: '签收', roles: ['unit_handler'], statuses: ['assigned'], fields: [] },
    { step: 'return', label: '退回', roles: ['unit_handler'], statuses: ['assigned'], fields: [reason], danger: true },
    { step: 'progress', label: '报送进展', roles: ['unit_handler'], statuses: ['accepted', 'in_progress'], fields: [{ key: 'note', label: '进展情况', kind: 'textarea', required: true }] },
    { step: 'extension-request', label: '申请延期', roles: ['unit_handler'], statuses: ['accepted', 'in_progress'], fields: [{ key: 'workingDays', label: '延长工作日', kind: 'number', required: true }, reason] },
    { step: 'resolve', label: '办结', roles: ['unit_handler'], statuses: ['accepted', 'in_progress'], fields: [
      { key: 'outcome', label: '办理结果', kind: 'select', options: labels.outcomes, required: true },
      { key: 'summary', label: '办理情况', kind: 'textarea', required: true },
    ] },
    { step: 'extension-approval', label: '批准延期', roles: OVERSIGHT, statuses: OPEN, fields: [] },
    { step: 'extension-rejection', label: '驳回延期', roles: OVERSIGHT, statuses: OPEN, fields: [reason], danger: true },
    { step: 'escalate', label: '提级', roles: OVERSIGHT, statuses: OPEN, fields: [{ key: 'to', label: '提至', kind: 'select', options: labels.levels, required: true }, reason] },
    { step: 'supervise', label: '督办', roles: OVERSIGHT, statuses: OPEN, fields: [{ key: 'note', label: '督办意见', kind: 'textarea', required: true }] },
    { step: 'follow-up', label: '回访', roles: INTAKE, statuses: ['resolved'], fields: [
      { key: 'satisfaction', label: '企业评价', kind: 'select', options: labels.satisfactions, required: true },
      { key: 'note', label: '回访情况', kind: 'textarea', required: true },
    ] },
    { step: 'close', label: '销号', roles: INTAKE, statuses: ['followed_up'], fields: [] },
    { step: 'merge', label: '合并为重复', roles: INTAKE, statuses: BEFORE_RESOLUTION, fields: [{ key: 'intoProblemId', label: '并入的诉求编号', kind: 'text', required: true }], danger: true, onlyIfNeverResolved: true },
    { step: 'withdraw', label: '撤回', roles: INTAKE, statuses: BEFORE_RESOLUTION, fields: [{ key: 'requestedBy', label: '提出撤回的人', kind: 'text', required: true }, reason], danger: true, onlyIfNeverResolved: true },
  ];
}
