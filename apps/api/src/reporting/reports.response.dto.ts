import { ApiProperty } from '@nestjs/swagger';
import type {
  CertificationFigure,
  FigureScope,
  GenerateMonthlySummaryResult,
  MoneyFigure,
  MonthlySummaryFigures,
  MonthlySummaryVersion,
  MonthlySummaryView,
  PolicyYearSubsidyFigure,
  UnitRowFigure,
  UnitTableFigure,
  ProblemFigure,
  RateFigure,
  ShareFigure,
  SubsidyFigure,
  VisitFigure,
} from '@app/reporting';

/*
 * What the monthly report routes (月报) answer. The figures are the snapshot stored in the summary's
 * events; each class implements the lib's type, so a change there is a compile error here until documented.
 */

export class GenerateMonthlySummaryResultDto implements GenerateMonthlySummaryResult {
  @ApiProperty({ example: 'monthly-summary-default-2024-06' })
  streamId: string;

  @ApiProperty({ example: '2024-06' })
  month: string;

  @ApiProperty({ example: 1, description: 'The summary’s latest version' })
  version: number;

  @ApiProperty({ type: Number, nullable: true, example: 1234, description: 'Log position of the appended event: pass as ?position=; null when nothing was appended' })
  position: number | null;

  @ApiProperty({ description: 'False when the month existed already and no reason was given: a no-op' })
  generated: boolean;
}

export class ReportRateDto implements RateFigure {
  @ApiProperty({ example: 1 })
  numerator: number;

  @ApiProperty({ example: 3 })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true, example: 33.3, description: 'Rounded half-up to one decimal; null when the denominator is 0' })
  percent: number | null;

  @ApiProperty({ example: '33.3%' })
  display: string;
}

export class ReportScopeDto implements FigureScope {
  @ApiProperty({ enum: ['month', 'year_to_date'], description: 'month: the month’s cohort; year_to_date: since 1 January' })
  kind: 'month' | 'year_to_date';

  @ApiProperty({ format: 'date', example: '2024-06-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2024-06-30' })
  to: string;

  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'Each record counts as it stood at the end of this day' })
  asOf: string;
}

export class ReportVisitFigureDto implements VisitFigure {
  @ApiProperty({ type: () => ReportScopeDto })
  scope: ReportScopeDto;

  @ApiProperty({ example: 3, description: '走访家次' })
  visits: number;

  @ApiProperty({ example: 2, description: '走访企业数' })
  enterprises: number;
}

export class ReportProblemFigureDto implements ProblemFigure {
  @ApiProperty({ type: () => ReportScopeDto })
  scope: ReportScopeDto;

  @ApiProperty({ example: 3, description: '收集问题数 (merged and withdrawn excluded)' })
  collected: number;

  @ApiProperty({ example: 1, description: 'Resolved with outcome solved: the 问题解决率 numerator' })
  resolved: number;

  @ApiProperty({ type: () => ReportRateDto, description: '问题解决率' })
  resolutionRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '办结率' })
  conclusionRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '满意率' })
  satisfactionRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: 'Satisfied only ÷ follow-ups' })
  strictSatisfactionRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '按期办结率' })
  onTimeRate: ReportRateDto;

  @ApiProperty({ example: 1, description: '超期未办结' })
  overdue: number;
}

export class ReportMoneyDto implements MoneyFigure {
  @ApiProperty({ example: '13345600', description: 'Exact, in 分, as decimal text' })
  fen: string;

  @ApiProperty({ example: '133456.00', description: 'Exact, in 元' })
  yuan: string;

  @ApiProperty({ example: '13.35', description: 'In 万元, rounded half-up to two decimals' })
  wanYuan: string;
}

export class ReportSubsidyFigureDto implements SubsidyFigure {
  @ApiProperty({ type: () => ReportScopeDto })
  scope: ReportScopeDto;

  @ApiProperty({ type: () => ReportMoneyDto, description: '兑现惠企政策资金, by payment date (recoveries not deducted)' })
  disbursed: ReportMoneyDto;

  @ApiProperty({ type: () => ReportMoneyDto, description: '追回, shown apart' })
  recovered: ReportMoneyDto;

  @ApiProperty({ example: 2 })
  disbursements: number;

  @ApiProperty({ example: 2, description: '惠及企业' })
  enterprisesPaid: number;

  @ApiProperty({
    type: () => [ReportPolicyYearSubsidyDto],
    nullable: true,
    description: 'The same money by policy year, oldest first (adds up to the figure); null on a summary stored before schema version 3',
  })
  byPolicyYear: ReportPolicyYearSubsidyDto[] | null;
}

export class ReportPolicyYearSubsidyDto implements PolicyYearSubsidyFigure {
  @ApiProperty({ example: 2023, description: 'The policy year the money was paid under ("兑现2023年…")' })
  policyYear: number;

  @ApiProperty({ type: () => ReportMoneyDto })
  disbursed: ReportMoneyDto;

  @ApiProperty({ type: () => ReportMoneyDto })
  recovered: ReportMoneyDto;

  @ApiProperty({ example: 2 })
  disbursements: number;

  @ApiProperty({ example: 2 })
  enterprisesPaid: number;
}

export class ReportShareDto extends ReportRateDto implements ShareFigure {
  @ApiProperty({ enum: ['city', 'province'], example: 'city' })
  scope: string;

  @ApiProperty({ enum: ['currently_valid', 'ever_certified', 'new_in_period'], example: 'currently_valid' })
  measure: string;

  @ApiProperty({ format: 'date', example: '2024-06-30' })
  referenceAsOf: string;

  @ApiProperty({ example: '市工信局通报' })
  source: string;
}

export class ReportCertificationFigureDto implements CertificationFigure {
  @ApiProperty({ example: 'specialized_sme' })
  type: string;

  @ApiProperty({ example: 'province' })
  level: string;

  @ApiProperty({ example: '省级专精特新中小企业' })
  typeName: string;

  @ApiProperty({ example: 1, description: '新增 in the month' })
  newInMonth: number;

  @ApiProperty({ example: 1, description: '新增 since 1 January' })
  newInYear: number;

  @ApiProperty({ example: 2, description: '累计培育' })
  everCertified: number;

  @ApiProperty({ example: 2, description: '有效期内' })
  currentlyValid: number;

  @ApiProperty({ type: [ReportShareDto], description: 'Shares of a city/province total; empty where none is known' })
  shares: ReportShareDto[];

  @ApiProperty({
    type: [ReportShareDto],
    nullable: true,
    description: 'Shares of the year-to-date counts (where the share of 新增 since 1 January lives); null on a summary stored before schema version 3',
  })
  yearToDateShares: ReportShareDto[] | null;
}

export class ReportVisitFiguresDto {
  @ApiProperty({ type: () => ReportVisitFigureDto })
  month: ReportVisitFigureDto;

  @ApiProperty({ type: () => ReportVisitFigureDto })
  yearToDate: ReportVisitFigureDto;
}

export class ReportProblemFiguresDto {
  @ApiProperty({ type: () => ReportProblemFigureDto })
  month: ReportProblemFigureDto;

  @ApiProperty({ type: () => ReportProblemFigureDto })
  yearToDate: ReportProblemFigureDto;
}

export class ReportSubsidyFiguresDto {
  @ApiProperty({ type: () => ReportSubsidyFigureDto })
  month: ReportSubsidyFigureDto;

  @ApiProperty({ type: () => ReportSubsidyFigureDto })
  yearToDate: ReportSubsidyFigureDto;
}

export class MonthlySummaryFiguresDto implements MonthlySummaryFigures {
  @ApiProperty({ type: () => ReportVisitFiguresDto })
  visits: ReportVisitFiguresDto;

  @ApiProperty({ type: () => ReportProblemFiguresDto })
  problems: ReportProblemFiguresDto;

  @ApiProperty({ type: () => ReportSubsidyFiguresDto })
  subsidies: ReportSubsidyFiguresDto;

  @ApiProperty({ type: [ReportCertificationFigureDto], description: 'Every certification type and level' })
  certifications: ReportCertificationFigureDto[];

  @ApiProperty({ type: () => ReportUnitTableDto, nullable: true, description: 'The month’s unit table (考评); null on a summary stored before schema version 3' })
  units: ReportUnitTableDto | null;
}

export class ReportAcceptanceDaysDto {
  @ApiProperty({ example: 5 })
  count: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.4 })
  average: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1 })
  worst: number | null;
}

export class ReportUnitRowDto implements UnitRowFigure {
  @ApiProperty({ example: 'district-drc' })
  unitId: string;

  @ApiProperty({ type: String, nullable: true, example: '区发展和改革局', description: 'The name when the summary was computed' })
  unitName: string | null;

  @ApiProperty({ type: () => ReportRateDto, description: '及时签收率' })
  timelyAcceptance: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '退回率 (lower is better)' })
  returnRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '办结率' })
  conclusionRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '按时办结率 (the table is ranked by it)' })
  onTimeRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '回访满意率' })
  satisfactionRate: ReportRateDto;

  @ApiProperty({ type: () => ReportRateDto, description: '参评率' })
  ratedRate: ReportRateDto;

  @ApiProperty({ type: () => ReportAcceptanceDaysDto, description: 'Working days 交办 → 签收' })
  acceptanceDays: ReportAcceptanceDaysDto;
}

export class ReportLowestUnitDto {
  @ApiProperty({ example: 'district-hr' })
  unitId: string;

  @ApiProperty({ type: String, nullable: true, example: '区人力资源和社会保障局' })
  unitName: string | null;

  @ApiProperty({ example: 2 })
  rank: number;

  @ApiProperty({ type: () => ReportRateDto })
  onTimeRate: ReportRateDto;

  @ApiProperty({ example: '5件中1件超期办结' })
  cause: string;
}

export class ReportUnscoredUnitDto {
  @ApiProperty({ example: 'district-tax' })
  unitId: string;

  @ApiProperty({ type: String, nullable: true, example: '区税务局' })
  unitName: string | null;
}

export class ReportUnitTableDto implements UnitTableFigure {
  @ApiProperty({ type: [ReportUnitRowDto], description: 'Every unit with anything to score in the month, by unit id' })
  rows: ReportUnitRowDto[];

  @ApiProperty({ type: [ReportLowestUnitDto], description: 'The lowest three by 按时办结率 that fell short, with the cause' })
  lowest: ReportLowestUnitDto[];

  @ApiProperty({ type: [ReportUnscoredUnitDto], description: 'Units with no conclusion to judge in the month: listed apart, never scored' })
  unscored: ReportUnscoredUnitDto[];
}

export class LogCutDto {
  @ApiProperty({ type: String, nullable: true, example: '7412', description: 'Transaction id of the cut (xid8); null on a summary stored before cuts were recorded' })
  transactionId: string | null;

  @ApiProperty({ example: 1200 })
  globalPosition: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The knownAt every figure was computed with; null before cuts were recorded' })
  knownAt: string | null;
}

export class MonthlySummaryVersionDto implements MonthlySummaryVersion {
  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ enum: ['generated', 'regenerated'], description: 'regenerated: a correction' })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The correction’s reason, e.g. 补录6月28日走访; null for the first version' })
  reason: string | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  supersedesVersion: number | null;

  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'The month’s last day: the figures are as of its end' })
  asOf: string;

  @ApiProperty({ example: 1200, description: 'The log position the figures were computed at' })
  computedAtPosition: number;

  @ApiProperty({ type: () => LogCutDto, description: 'The cut of the log every figure was computed at (recompute with its knownAt)' })
  cut: LogCutDto;

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'The user who generated it; null for the scheduled job' })
  generatedBy: string | null;
}

export class MonthlySummaryWithFiguresDto extends MonthlySummaryVersionDto {
  @ApiProperty({ type: () => MonthlySummaryFiguresDto })
  figures: MonthlySummaryFiguresDto;
}

export class MonthlySummaryViewDto implements MonthlySummaryView {
  @ApiProperty({ example: 'default', description: 'This deployment’s zone' })
  zone: string;

  @ApiProperty({ example: '2024-06' })
  month: string;

  @ApiProperty({ type: () => MonthlySummaryWithFiguresDto, description: 'The latest version (or the one asked for) with its figures' })
  summary: MonthlySummaryWithFiguresDto;

  @ApiProperty({ type: [MonthlySummaryVersionDto], description: 'Every version with its reason, oldest first' })
  versions: MonthlySummaryVersionDto[];
}

export class MonthlySummaryNarrativeDto {
  @ApiProperty({ example: '2024-06' })
  month: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date', example: '2024-06-30' })
  asOf: string;

  @ApiProperty({ example: '本月开展走访企业3家次（涉及企业2家），收集企业问题3个，已解决1个，问题解决率33.3%，办结率66.7%，满意率100.0%，超期未办结1个；…' })
  narrative: string;
}
