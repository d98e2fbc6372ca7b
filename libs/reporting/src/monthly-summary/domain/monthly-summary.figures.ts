/**
 * The figures a monthly summary publishes. Stored inside the summary's events: this is the snapshot,
 * so it is plain JSON and its shape is versioned with the events (never edit it in place).
 */

/** A rate with its numerator and denominator; percent rounded half-up to one decimal (null: no denominator). */
export interface RateFigure {
  numerator: number;
  denominator: number;
  percent: number | null;
  display: string;
}

/** Which records a figure counts: business dates from..to, each as it stood at the end of asOf. */
export interface FigureScope {
  /** 'month': the month's cohort; 'year_to_date': cumulative since 1 January of the month's year. */
  kind: 'month' | 'year_to_date';
  from: string;
  to: string;
  asOf: string;
}

export interface VisitFigure {
  scope: FigureScope;
  /** 走访家次: visits not voided as of asOf, by visit date. */
  visits: number;
  /** 走访企业数: distinct enterprises among them. */
  enterprises: number;
}

export interface ProblemFigure {
  scope: FigureScope;
  /** 收集问题数: registered in scope, excluding merged and withdrawn. */
  collected: number;
  /** Resolved with outcome solved as of asOf: the 问题解决率 numerator. */
  resolved: number;
  resolutionRate: RateFigure;
  /** 办结率: any outcome counts as concluded. */
  conclusionRate: RateFigure;
  /** 满意率: satisfied + basically satisfied ÷ follow-ups. */
  satisfactionRate: RateFigure;
  /** Satisfied only ÷ follow-ups, stated beside it. */
  strictSatisfactionRate: RateFigure;
  /** 按期办结率: concluded by the deadline in force ÷ concluded. */
  onTimeRate: RateFigure;
  /** Not concluded and past the deadline at the end of asOf. */
  overdue: number;
}

export interface MoneyFigure {
  /** Exact, integer 分 as decimal text. */
  fen: string;
  /** Exact 元, two decimals. */
  yuan: string;
  /** 万元, two decimals, rounded half-up. */
  wanYuan: string;
}

export interface SubsidyFigure {
  scope: FigureScope;
  /** Disbursed by payment date in scope (recoveries shown apart, not deducted). */
  disbursed: MoneyFigure;
  recovered: MoneyFigure;
  disbursements: number;
  /** Distinct enterprises with a disbursement in scope. */
  enterprisesPaid: number;
  /**
   * The same money split by the policy year it was paid under ("兑现2023年…奖补资金"), oldest year first; years
   * with no payment or recovery in scope are left out. null on a summary stored before schema version 3.
   */
  byPolicyYear: PolicyYearSubsidyFigure[] | null;
}

/** One policy year's share of a SubsidyFigure: its lines add up to the figure's own. */
export interface PolicyYearSubsidyFigure {
  policyYear: number;
  disbursed: MoneyFigure;
  recovered: MoneyFigure;
  disbursements: number;
  enterprisesPaid: number;
}

export interface ShareFigure extends RateFigure {
  /** 'city' | 'province'. */
  scope: string;
  /** Which count the total is compared with: 'currently_valid' or 'ever_certified'. */
  measure: string;
  referenceAsOf: string;
  source: string;
}

export interface CertificationFigure {
  type: string;
  level: string;
  typeName: string;
  /** 新增: first grant of this type and level with valid-from in the month. */
  newInMonth: number;
  /** 新增 since 1 January. */
  newInYear: number;
  /** 累计培育: ever certified by asOf. */
  everCertified: number;
  /** Valid on asOf. */
  currentlyValid: number;
  /** Shares of a city/province total entered for a date on or before asOf; empty where none is known. */
  shares: ShareFigure[];
  /**
   * Shares of the year-to-date counts: the only period a city 新增 total is quoted for (1 January to its date),
   * so the share of newInYear lives here. null on a summary stored before schema version 3.
   */
  yearToDateShares: ShareFigure[] | null;
}

/** One handling unit's 考评 figures for the month (DOMAIN.md "Unit performance"). */
export interface UnitRowFigure {
  unitId: string;
  /** The unit's name when the summary was computed (units are renamed; the summary keeps what it published). */
  unitName: string | null;
  /** 及时签收率. */
  timelyAcceptance: RateFigure;
  /** 退回率 (lower is better). */
  returnRate: RateFigure;
  conclusionRate: RateFigure;
  /** 按时办结率: what the unit table is ranked by. */
  onTimeRate: RateFigure;
  /** 回访满意率, with 参评率 beside it. */
  satisfactionRate: RateFigure;
  ratedRate: RateFigure;
  /** Working days 交办 → 签收 over the assignments accepted in the month. */
  acceptanceDays: { count: number; average: number | null; worst: number | null };
}

export interface UnitTableFigure {
  /** Every unit with anything to score in the month, by unit id. */
  rows: UnitRowFigure[];
  /** The lowest three by 按时办结率 that fell short, worst last, with the cause ("5件中1件超期办结"). */
  lowest: { unitId: string; unitName: string | null; rank: number; onTimeRate: RateFigure; cause: string }[];
  /** Units with no conclusion to judge in the month (按时办结率 has no denominator): listed apart, never scored. */
  unscored: { unitId: string; unitName: string | null }[];
}

export interface MonthlySummaryFigures {
  visits: { month: VisitFigure; yearToDate: VisitFigure };
  problems: { month: ProblemFigure; yearToDate: ProblemFigure };
  subsidies: { month: SubsidyFigure; yearToDate: SubsidyFigure };
  certifications: CertificationFigure[];
  /** The month's unit table (考评); null on a summary stored before schema version 3. */
  units: UnitTableFigure | null;
}
