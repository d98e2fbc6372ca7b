import ExcelJS from 'exceljs';
import type { MonthlySummaryFigures, RateFigure, ShareFigure, SubsidyFigure } from '../domain/monthly-summary.figures';
import { monthLabel } from '../domain/month';
import { monthlySummaryNarrative } from './narrative';
import { spreadsheetText } from './spreadsheet-text';

export interface WorkbookSummary {
  zone: string;
  month: string;
  version: number;
  kind: string;
  reason: string | null;
  asOf: string;
  computedAtPosition: number;
  cut: { transactionId: string | null; knownAt: string | null };
  generatedAt: string;
  figures: MonthlySummaryFigures;
}

/** A number with the format it is shown in (money: 元 / 万元), so the sheet can still sum it. */
interface Formatted {
  value: number;
  numFmt: string;
}
type Cell = string | number | Formatted | null;

const YUAN = '#,##0.00"元"';
const WAN_YUAN = '#,##0.00"万元"';
/** Exact 元 and the published (rounded) 万元 as numbers; 分 stays an integer. */
const fen = (text: string): number => Number(text);
const yuan = (text: string): Formatted => ({ value: Number(text), numFmt: YUAN });
const wanYuan = (text: string): Formatted => ({ value: Number(text), numFmt: WAN_YUAN });

/** Rates as numerator, denominator and the published percentage: a reader can check each one. */
const rateRow = (name: string, month: RateFigure, ytd: RateFigure): Cell[] => [
  name, month.numerator, month.denominator, month.percent, ytd.numerator, ytd.denominator, ytd.percent,
];

const MEASURE_NAMES: Record<string, string> = { currently_valid: '有效期内', ever_certified: '累计培育', new_in_period: '年初至今新增' };

/** Each city share with its numerator, denominator, measure and the date of the denominator. */
const cityShares = (shares: readonly ShareFigure[]): string | null =>
  shares
    .filter((x) => x.scope === 'city')
    .map((x) => `${x.display}（${x.numerator}/${x.denominator}，${MEASURE_NAMES[x.measure] ?? x.measure}，全市数截至${x.referenceAsOf}）`)
    .join('；') || null;

/**
 * 其中 rows: the money per policy year, one 元 row per year (the years of the year to date, which include the
 * month's); a summary that did not publish the split says so rather than showing none.
 */
function policyYearRows(month: SubsidyFigure, ytd: SubsidyFigure): Cell[][] {
  if (month.byPolicyYear === null || ytd.byPolicyYear === null) return [['按政策年度', '未发布', '未发布']];
  const zero = '0.00';
  return ytd.byPolicyYear.flatMap((y) => {
    const m = month.byPolicyYear!.find((x) => x.policyYear === y.policyYear);
    return [
      [`其中${y.policyYear}年度政策兑现（元）`, yuan(m?.disbursed.yuan ?? zero), yuan(y.disbursed.yuan)],
      [`其中${y.policyYear}年度政策追回（元）`, yuan(m?.recovered.yuan ?? zero), yuan(y.recovered.yuan)],
    ];
  });
}

/**
 * The summary as an XLSX workbook: one sheet per area (走访, 问题, 奖补, 资质, 单位 when published) and 说明 with scope,
 * asOf and version.
 * Every text cell goes through spreadsheetText (a correction reason is typed by a user).
 */
export async function monthlySummaryWorkbook(s: WorkbookSummary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(s.generatedAt);
  const f = s.figures;
  const sheet = (name: string, header: string[], rows: Cell[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header.map(spreadsheetText)).font = { bold: true };
    for (const cells of rows) {
      const row = ws.addRow(cells.map((c) => (typeof c === 'string' ? spreadsheetText(c) : c !== null && typeof c === 'object' ? c.value : c)));
      cells.forEach((c, i) => {
        if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = c.numFmt;
      });
    }
    ws.columns.forEach((c) => (c.width = 16));
    ws.getColumn(1).width = 24;
  };
  const { month: vm, yearToDate: vy } = f.visits;
  sheet('走访', ['指标', '本月', '年初至今'], [
    ['走访家次', vm.visits, vy.visits],
    ['走访企业数', vm.enterprises, vy.enterprises],
  ]);
  const { month: pm, yearToDate: py } = f.problems;
  sheet('问题', ['指标', '本月分子', '本月分母', '本月(%)', '年初至今分子', '年初至今分母', '年初至今(%)'], [
    ['收集问题数', pm.collected, null, null, py.collected, null, null],
    ['已解决', pm.resolved, null, null, py.resolved, null, null],
    rateRow('问题解决率', pm.resolutionRate, py.resolutionRate),
    rateRow('办结率', pm.conclusionRate, py.conclusionRate),
    rateRow('满意率（含基本满意）', pm.satisfactionRate, py.satisfactionRate),
    rateRow('满意率（仅满意）', pm.strictSatisfactionRate, py.strictSatisfactionRate),
    rateRow('按期办结率', pm.onTimeRate, py.onTimeRate),
    ['超期未办结', pm.overdue, null, null, py.overdue, null, null],
  ]);
  const { month: sm, yearToDate: sy } = f.subsidies;
  sheet('奖补', ['指标', '本月', '年初至今'], [
    ['兑现资金（分）', fen(sm.disbursed.fen), fen(sy.disbursed.fen)],
    ['兑现资金（元）', yuan(sm.disbursed.yuan), yuan(sy.disbursed.yuan)],
    ['兑现资金（万元）', wanYuan(sm.disbursed.wanYuan), wanYuan(sy.disbursed.wanYuan)],
    ['追回资金（元）', yuan(sm.recovered.yuan), yuan(sy.recovered.yuan)],
    ['兑现笔数', sm.disbursements, sy.disbursements],
    ['惠及企业数', sm.enterprisesPaid, sy.enterprisesPaid],
    ...policyYearRows(sm, sy),
  ]);
  sheet(
    '资质',
    ['类型', '代码', '级别', '本月新增', '年初至今新增', '累计培育', '有效期内', '占全市比例（本月口径）', '占全市比例（年初至今口径）'],
    f.certifications.map((c) => [
      c.typeName, c.type, c.level, c.newInMonth, c.newInYear, c.everCertified, c.currentlyValid,
      cityShares(c.shares), c.yearToDateShares === null ? '未发布' : cityShares(c.yearToDateShares),
    ]),
  );
  if (f.units !== null) {
    const figures = ['timelyAcceptance', 'returnRate', 'conclusionRate', 'onTimeRate', 'satisfactionRate', 'ratedRate'] as const;
    const names = ['及时签收率', '退回率', '办结率', '按时办结率', '回访满意率', '参评率'];
    sheet(
      '单位',
      ['单位', '代码', ...names.flatMap((n) => [`${n}分子`, `${n}分母`, `${n}(%)`]), '签收平均工作日', '签收最长工作日', '按时办结率较低（原因）'],
      f.units.rows.map((u) => [
        u.unitName ?? u.unitId, u.unitId,
        ...figures.flatMap((k) => [u[k].numerator, u[k].denominator, u[k].percent]),
        u.acceptanceDays.average, u.acceptanceDays.worst,
        f.units!.lowest.find((l) => l.unitId === u.unitId)?.cause ?? (f.units!.unscored.some((x) => x.unitId === u.unitId) ? '无应办结问题' : null),
      ]),
    );
  }
  sheet('说明', ['项目', '内容'], [
    ['园区', s.zone],
    ['月份', monthLabel(s.month)],
    ['截至日期', s.asOf],
    ['版本', s.version],
    ['版本类型', s.kind === 'generated' ? '首次生成' : '更正'],
    ['更正原因', s.reason],
    ['计算时日志位置', s.computedAtPosition],
    ['计算时点（knownAt）', s.cut.knownAt ?? '未记录'],
    ['生成时间', s.generatedAt],
    ['本月口径', `${vm.scope.from} 至 ${vm.scope.to}（按业务日期，截至${s.asOf}日终）`],
    ['年初至今口径', `${vy.scope.from} 至 ${vy.scope.to}（累计，截至${s.asOf}日终）`],
    ['四舍五入', '比率保留一位小数（四舍五入）；分、元为精确值，万元保留两位小数（四舍五入）'],
    ['文字稿', monthlySummaryNarrative(f)],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
