import { ApiProperty } from '@nestjs/swagger';
import {
  LEVELS,
  OUTCOMES,
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCES,
  SATISFACTIONS,
  VISIT_FORMS,
  type LogVisitResult,
  type ProblemCommandResult,
  type ProblemDetailsRow,
  type ProblemHistoryEntry,
  type ProblemSummary,
  type Ratio,
  type ResolutionFigures,
  type ResolutionGroupBy,
  type ResolutionGroupFigures,
  type ResolutionMetrics,
  type ResolutionScope,
  type VisitFigures,
  type VisitRow,
} from '@app/support';
import { PROBLEM_STATUSES } from './support-queries.dto';

/*
 * What the support routes answer (visits, problems, their figures). Each class implements the lib's own
 * type where there is one, so a field added or retyped there is a compile error here until documented.
 */

const POSITION = { type: Number, nullable: true, example: 1234, description: 'Log position of the last event appended: pass as ?position= to read your write; null when nothing changed' } as const;

// ── problems ─────────────────────────────────────────────────────────────────────────────────────

export class ProblemCommandResultDto implements ProblemCommandResult {
  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty({ enum: PROBLEM_STATUSES, example: 'assigned', description: 'The status after the step' })
  status: string;

  @ApiProperty({ example: 2, description: 'The problem stream’s version afterwards: send as expectedVersion to guard the next step' })
  version: number;

  @ApiProperty(POSITION)
  position: number | null;
}

export class ProblemHistoryEntryDto implements ProblemHistoryEntry {
  @ApiProperty({ example: 'ProblemAssigned', description: 'The event type' })
  type: string;

  @ApiProperty({ format: 'date', example: '2024-09-27', description: 'Business date of the step' })
  on: string;

  @ApiProperty({ format: 'date-time', description: 'When it was recorded' })
  recordedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'The acting user; null for the system (e.g. the overdue check)' })
  actorId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { leadUnitId: 'district-drc', coUnitIds: ['district-hr'], level: 'district', workingDays: 3, deadline: '2024-10-08' },
    description: 'The event’s data as recorded; its fields depend on `type`',
  })
  summary: Record<string, unknown>;

  @ApiProperty({
    required: false,
    format: 'date',
    description: 'On an overdue flag or automatic 督办 only: the business date of the on-time conclusion, recorded later, that corrected it',
  })
  correctedOn?: string;
}

/** A problem as the list shows it: the details without description and history. */
export class ProblemSummaryDto implements ProblemSummary {
  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty({ example: '91410100MA44L3QX54' })
  enterpriseUscc: string;

  @ApiProperty({ type: String, nullable: true, example: '豫创精密机械有限公司', description: 'The enterprise’s current name; null if the registry does not know the USCC' })
  enterpriseName: string | null;

  @ApiProperty({ example: '融资担保额度不足' })
  title: string;

  @ApiProperty({ enum: PROBLEM_CATEGORIES, example: '融资' })
  category: string;

  @ApiProperty({ enum: PROBLEM_SOURCES, example: 'visit' })
  source: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The visit it was raised in; null for hotline, letter and online' })
  visitId: string | null;

  @ApiProperty({ enum: PROBLEM_STATUSES, example: 'in_progress' })
  status: string;

  @ApiProperty({ enum: LEVELS, nullable: true, example: 'district', description: 'Handling level; null until assigned' })
  level: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'district-drc', description: 'The lead handling unit (牵头单位); null until assigned or after a return' })
  leadUnitId: string | null;

  @ApiProperty({ type: [String], example: ['district-hr'], description: 'Co-handling units (协办单位)' })
  coUnitIds: string[];

  @ApiProperty({ format: 'date', example: '2024-09-26' })
  registeredOn: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Who registered it (see GET /users/directory); null if the system did' })
  registeredBy: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-09-27' })
  assignedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2024-10-08', description: 'The deadline in force (extensions included), in working days from assignment' })
  deadline: string | null;

  @ApiProperty({ enum: OUTCOMES, nullable: true, example: null })
  outcome: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: null })
  resolvedOn: string | null;

  @ApiProperty({ enum: SATISFACTIONS, nullable: true, example: null, description: 'The latest follow-up’s satisfaction' })
  satisfaction: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: null })
  closedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null, description: 'Merged as a duplicate into this problem' })
  mergedInto: string | null;

  @ApiProperty({ type: Number, nullable: true, example: null, description: 'Working days of an extension requested and not yet decided' })
  pendingExtensionDays: number | null;

  @ApiProperty({ example: 0, description: '督办 issued' })
  supervisionCount: number;

  @ApiProperty({ example: 0, description: 'Reopened after an unsatisfied follow-up' })
  reopenCount: number;

  @ApiProperty({ example: 3, description: 'Stream version: send as expectedVersion' })
  version: number;

  @ApiProperty({ type: String, enum: ['red', 'yellow', 'blue'], nullable: true, example: 'blue', description: '三色预警 today: red 超期, yellow 延期申请中或超时未签收, blue 临近期限 (N working days); null for none or not open' })
  warning: 'red' | 'yellow' | 'blue' | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ProblemDetailsDto extends ProblemSummaryDto implements ProblemDetailsRow {
  @ApiProperty({ example: '企业反映银行授信审批周期长，担保额度不足' })
  description: string;

  @ApiProperty({ type: [ProblemHistoryEntryDto], description: 'Who did what when, from its events, in order' })
  history: ProblemHistoryEntryDto[];
}

/** A page of problems: the page's items and how many match over all pages. */
export class ProblemPageDto {
  @ApiProperty({ type: [ProblemSummaryDto] })
  items: ProblemSummaryDto[];

  @ApiProperty({ example: 42, description: 'How many problems match the filter, over all pages' })
  total: number;
}

/** The problems behind one figure of the resolution metrics, a page at a time. */
export class ResolutionFigureProblemsDto {
  @ApiProperty({ enum: ['collected', 'resolutionRate', 'conclusionRate', 'satisfactionRate', 'onTimeRate', 'overdue'] })
  figure: string;

  @ApiProperty({ enum: ['numerator', 'denominator'] })
  part: string;

  @ApiProperty({ type: String, nullable: true, description: 'The group of groupBy, or null for all' })
  group: string | null;

  @ApiProperty({ description: 'How many problems the figure counts: equals its numerator (or denominator)' })
  total: number;

  @ApiProperty({ type: [ProblemSummaryDto], description: 'One page, newest registration first (then by id), as GET /problems orders' })
  items: ProblemSummaryDto[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

// ── visits ───────────────────────────────────────────────────────────────────────────────────────

export class VisitDto implements VisitRow {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ example: '91410100MA44L3QX54' })
  enterpriseUscc: string;

  @ApiProperty({ format: 'date', example: '2024-06-03' })
  visitedOn: string;

  @ApiProperty({ type: [String], description: 'User ids of the caseworkers who went' })
  caseworkerIds: string[];

  @ApiProperty({ enum: VISIT_FORMS, example: 'on_site', description: '实地走访 / 座谈会 / 电话 / 线上' })
  form: string;

  @ApiProperty({ example: '了解企业用工及融资情况' })
  notes: string;

  @ApiProperty({ type: [String], description: 'The problems raised in the visit' })
  problemIds: string[];

  @ApiProperty({ type: String, nullable: true, format: 'date', example: null, description: 'The day (Asia/Shanghai) the void was recorded' })
  voidedOn: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    example: null,
    description: 'The instant the void was recorded: a correction, so from then the visit counts in no period (knownAt before it still shows it)',
  })
  voidedAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why it was voided, e.g. 重复登记' })
  voidReason: string | null;

  @ApiProperty({ format: 'date-time' })
  loggedAt: string;

  @ApiProperty({ type: String, nullable: true })
  loggedBy: string | null;
}

export class VisitPageDto {
  @ApiProperty({ type: [VisitDto] })
  items: VisitDto[];

  @ApiProperty({ example: 12, description: 'How many visits match the filter, over all pages' })
  total: number;
}

export class LogVisitResultDto implements LogVisitResult {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ type: [String], description: 'The ids of the problems registered with it, in the order sent' })
  problemIds: string[];

  @ApiProperty(POSITION)
  position: number | null;
}

export class VoidVisitResultDto {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty(POSITION)
  position: number | null;
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────────

export class RatioDto implements Ratio {
  @ApiProperty({ example: 377 })
  numerator: number;

  @ApiProperty({ example: 378 })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true, example: 99.7, description: 'Rounded half-up to one decimal; null when the denominator is 0' })
  percent: number | null;

  @ApiProperty({ example: '99.7%', description: '“—” when the denominator is 0' })
  display: string;
}

export class ResolutionScopeDto implements ResolutionScope {
  @ApiProperty({ enum: ['period', 'cumulative'], description: 'period: registered between from and to; cumulative: since from up to asOf' })
  kind: 'period' | 'cumulative';

  @ApiProperty({ format: 'date', example: '2024-06-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2024-06-30' })
  to: string;

  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'Each problem counts as it stood at the end of this day' })
  asOf: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Only what had been recorded by this instant; null: everything' })
  knownAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Only problems this unit leads (as of asOf); null: every unit' })
  unitId: string | null;
}

export class ResolutionFiguresDto implements ResolutionFigures {
  @ApiProperty({ example: 'all', description: '“all” for the total; otherwise the unit, category, level or month' })
  group: string;

  @ApiProperty({ example: 3, description: '收集问题数: registered in scope, excluding merged and withdrawn' })
  collected: number;

  @ApiProperty({ type: () => RatioDto, description: '问题解决率: resolved with outcome solved ÷ collected' })
  resolutionRate: RatioDto;

  @ApiProperty({ type: () => RatioDto, description: '办结率: concluded with any outcome ÷ collected' })
  conclusionRate: RatioDto;

  @ApiProperty({ type: () => RatioDto, description: '满意率: (satisfied + basically satisfied) ÷ follow-ups' })
  satisfactionRate: RatioDto;

  @ApiProperty({ type: () => RatioDto, description: 'Satisfied only ÷ follow-ups' })
  strictSatisfactionRate: RatioDto;

  @ApiProperty({ type: () => RatioDto, description: '按期办结率: concluded by the deadline in force ÷ concluded' })
  onTimeRate: RatioDto;

  @ApiProperty({ example: 1, description: 'Not concluded and past the deadline on the report date' })
  overdue: number;

  @ApiProperty({ type: Number, nullable: true, example: 4, description: 'Median working days to conclusion; null when none concluded or outside the loaded calendar' })
  medianWorkingDaysToResolve: number | null;
}

export class ResolutionGroupFiguresDto extends ResolutionFiguresDto implements ResolutionGroupFigures {
  @ApiProperty({ type: String, nullable: true, example: '区发展和改革局', description: "Grouped by unit: the unit's current name (null when the code is not in the registry); otherwise null" })
  groupName: string | null;
}

export class ResolutionMetricsDto implements ResolutionMetrics {
  @ApiProperty({ type: () => ResolutionScopeDto })
  scope: ResolutionScopeDto;

  @ApiProperty({ enum: ['none', 'unit', 'category', 'level', 'month'] })
  groupBy: ResolutionGroupBy;

  @ApiProperty({ type: () => ResolutionFiguresDto })
  total: ResolutionFiguresDto;

  @ApiProperty({ type: [ResolutionGroupFiguresDto], description: 'Empty when groupBy is none. The problems behind each figure: GET /metrics/resolution/problems, a page at a time' })
  groups: ResolutionGroupFiguresDto[];
}

export class VisitFiguresDto implements VisitFigures {
  @ApiProperty({ example: 'all', description: '“all” for the total; otherwise the month, caseworker or park' })
  group: string;

  @ApiProperty({ example: 3, description: '走访家次' })
  visits: number;

  @ApiProperty({ example: 2, description: '走访企业数' })
  enterprises: number;
}

export class VisitMetricsDto {
  @ApiProperty({ type: () => VisitFiguresDto })
  total: VisitFiguresDto;

  @ApiProperty({ type: [VisitFiguresDto], description: 'Empty when groupBy is none' })
  groups: VisitFiguresDto[];
}
