import type { CertificationFigure, MonthlySummaryFigures, RateFigure, ShareFigure, SubsidyFigure, UnitTableFigure } from '../domain/monthly-summary.figures';

/**
 * The summary as the bureau writes it in its reports: one Chinese paragraph, deterministic from the
 * figures (the same version always reads the same). A rate without a denominator is left out, not shown as 0%.
 */
export function monthlySummaryNarrative(f: MonthlySummaryFigures): string {
  const v = f.visits.month;
  const p = f.problems.month;
  const s = f.subsidies.month;
  const problems = [
    `收集企业问题${p.collected}个`,
    `已解决${p.resolved}个`,
    rate('问题解决率', p.resolutionRate),
    rate('办结率', p.conclusionRate),
    rate('满意率', p.satisfactionRate),
    p.overdue > 0 ? `超期未办结${p.overdue}个` : null,
  ];
  const clauses = [
    [`本月开展走访企业${v.visits}家次（涉及企业${v.enterprises}家）`, ...problems].filter(Boolean).join('，'),
    `${subsidyClause(s)}，惠及企业${s.enterprisesPaid}家`,
    ...certificationClauses(f.certifications),
  ];
  const yv = f.visits.yearToDate;
  const yp = f.problems.yearToDate;
  const yearToDate = [
    `年初以来累计走访企业${yv.visits}家次（涉及企业${yv.enterprises}家）`,
    `收集企业问题${yp.collected}个`,
    rate('问题解决率', yp.resolutionRate),
    newInYearClause(f.certifications),
    subsidyClause(f.subsidies.yearToDate),
  ];
  const units = unitSentence(f.units);
  return `${clauses.join('；')}。${yearToDate.filter(Boolean).join('，')}。${units ? `${units}。` : ''}`;
}

/** At most this many unscored units are named; the rest are counted ("等12个"). */
const UNSCORED_NAMED = 5;

/**
 * The unit table in one sentence: how many units were judged on 按时办结率, the lowest that fell short with the
 * cause, and the units with nothing to judge (named apart, never called 0% or 100%). None on an older summary.
 */
function unitSentence(u: UnitTableFigure | null): string | null {
  if (u === null || u.rows.length === 0) return null;
  const name = (x: { unitId: string; unitName: string | null }) => x.unitName ?? x.unitId;
  const scored = u.rows.filter((r) => r.onTimeRate.denominator > 0).length;
  const parts: string[] = [];
  if (scored > 0) {
    const lowest = u.lowest.map((l) => `${name(l)}${l.onTimeRate.display}（${l.cause}）`).join('、');
    parts.push(`本月${scored}个责任单位参与按时办结考评，${lowest ? `按时办结率较低的是${lowest}` : '均按时办结'}`);
  }
  if (u.unscored.length > 0) {
    const named = u.unscored.slice(0, UNSCORED_NAMED).map(name).join('、');
    const more = u.unscored.length > UNSCORED_NAMED ? `等${u.unscored.length}个单位` : '';
    parts.push(`无应办结问题的单位：${named}${more}`);
  }
  return parts.join('；');
}

/**
 * "兑现2023年度惠企政策资金6846.62万元" when all the money was paid under one policy year, the split in brackets
 * when under several; the plain sum on a summary that did not publish the split (schema version 2).
 */
function subsidyClause(s: SubsidyFigure): string {
  const years = (s.byPolicyYear ?? []).filter((y) => y.disbursed.fen !== '0');
  if (years.length === 1 && years[0].disbursed.fen === s.disbursed.fen) return `兑现${years[0].policyYear}年度惠企政策资金${s.disbursed.wanYuan}万元`;
  const split = years.length > 1 ? `（其中${years.map((y) => `${y.policyYear}年度${y.disbursed.wanYuan}万元`).join('、')}）` : '';
  return `兑现惠企政策资金${s.disbursed.wanYuan}万元${split}`;
}

/** 年内新增 with its share of the city's 新增 since 1 January, the only period the city quotes that total for. */
function newInYearClause(certs: readonly CertificationFigure[]): string | null {
  const sme = certs.find((c) => c.type === 'specialized_sme' && c.level === 'province');
  if (!sme) return null;
  const share = (sme.yearToDateShares ?? []).find((s) => s.scope === 'city' && s.measure === 'new_in_period' && s.denominator > 0);
  return `新增省级专精特新中小企业${sme.newInYear}家${share ? shareText(share) : ''}`;
}

function rate(name: string, r: RateFigure): string | null {
  return r.denominator === 0 ? null : `${name}${r.display}`;
}

/** In the order the bureau reports them: 专精特新, 小巨人, 科技型中小企业, 高企, 单项冠军. */
function certificationClauses(certs: readonly CertificationFigure[]): string[] {
  const find = (type: string, level: string) => certs.find((c) => c.type === type && c.level === level);
  const clauses: string[] = [];
  const sme = find('specialized_sme', 'province');
  if (sme) {
    const valid = cityShare(sme, 'currently_valid');
    clauses.push(
      `新增省级专精特新中小企业${sme.newInMonth}家，累计培育${sme.everCertified}家${cityShare(sme, 'ever_certified')}` +
        (valid ? `，有效期内${sme.currentlyValid}家${valid}` : ''),
    );
  }
  const giant = find('little_giant', 'national');
  if (giant) clauses.push(`累计培育国家专精特新"小巨人"${giant.everCertified}家${cityShare(giant, 'ever_certified')}`);
  const techSme = find('tech_sme', 'national');
  if (techSme) clauses.push(`国家科技型中小企业${techSme.currentlyValid}家${cityShare(techSme, 'currently_valid')}`);
  const highTech = find('high_tech', 'national');
  if (highTech) clauses.push(`高企总数${highTech.currentlyValid}家${cityShare(highTech, 'currently_valid')}`);
  const champions = [find('single_champion', 'province'), find('single_champion', 'national')]
    .filter((c): c is CertificationFigure => c !== undefined)
    .map((c) => `${c.level === 'province' ? '省级' : '国家级'}单项冠军企业${c.currentlyValid}家${cityShare(c, 'currently_valid')}`);
  if (champions.length > 0) clauses.push(champions.join('，'));
  return clauses;
}

function cityShare(c: CertificationFigure, measure: string): string {
  const share = c.shares.find((s: ShareFigure) => s.scope === 'city' && s.measure === measure && s.denominator > 0);
  return share ? shareText(share) : '';
}

/** A published share names the date of its denominator (DOMAIN.md): "（占全市40.0%，全市数截至2024年6月30日）". */
function shareText(share: ShareFigure): string {
  const [y, m, d] = share.referenceAsOf.split('-').map(Number);
  return `（占全市${share.display}，全市数截至${y}年${m}月${d}日）`;
}
