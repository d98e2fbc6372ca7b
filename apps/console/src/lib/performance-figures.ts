import type { paths } from '../api/schema';

/** How the console names and words the 考评's figures; the figures themselves are the API's. */
export type FigureName = NonNullable<paths['/api/v1/unit-performance/records']['get']['parameters']['query']>['figure'];
export type Part = 'numerator' | 'denominator';

/** The figures in the order a 考评 table reads, with what each one counts (its numerator / denominator). */
export const FIGURES: { key: FigureName; name: string; hint: string; unscored: string }[] = [
  { key: 'timelyAcceptance', name: '及时签收率', hint: '按时签收或退回 / 应签收的交办', unscored: '无应签收交办的单位' },
  { key: 'onTimeRate', name: '按时办结率', hint: '按时办结 / 已办结', unscored: '无已办结问题的单位' },
  { key: 'conclusionRate', name: '办结率', hint: '已办结 / 应办结问题', unscored: '无应办结问题的单位' },
  { key: 'satisfactionRate', name: '回访满意率', hint: '满意+基本满意 / 有评价的回访', unscored: '无回访评价的单位' },
  { key: 'ratedRate', name: '参评率', hint: '有评价的回访 / 办结次数', unscored: '无已办结问题的单位' },
  { key: 'returnRate', name: '退回率', hint: '退回 / 交办', unscored: '本月无交办的单位' },
];
export const figureOf = (key: FigureName) => FIGURES.find((f) => f.key === key)!;

/** The month before the current one in Asia/Shanghai (the 考评 is read for a finished month), as YYYY-MM. */
export function previousMonthShanghai(now = new Date()): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(now).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** '2024-06' → '2024年6月'. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** Percentage points against the month before, as the API gives them: '↑ 2.5 个百分点', '持平', or '' (no comparison). */
export function sayChange(points: number | null | undefined): string {
  if (points == null) return '';
  if (points === 0) return '持平';
  return `${points > 0 ? '↑' : '↓'} ${Math.abs(points).toFixed(1)} 个百分点`;
}

