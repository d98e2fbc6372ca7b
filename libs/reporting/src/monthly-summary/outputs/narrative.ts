import type { CertificationFigure, MonthlySummaryFigures, RateFigure, ShareFigure } from '../domain/monthly-summary.figures';

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
    `兑现惠企政策资金${s.disbursed.wanYuan}万元，惠及企业${s.enterprisesPaid}家`,
    ...certificationClauses(f.certifications),
  ];
  const yv = f.visits.yearToDate;
  const yp = f.problems.yearToDate;
  const yearToDate = [
    `年初以来累计走访企业${yv.visits}家次（涉及企业${yv.enterprises}家）`,
    `收集企业问题${yp.collected}个`,
    rate('问题解决率', yp.resolutionRate),
    `兑现惠企政策资金${f.subsidies.yearToDate.disbursed.wanYuan}万元`,
  ];
  return `${clauses.join('；')}。${yearToDate.filter(Boolean).join('，')}。`;
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
  return share ? `（占全市${share.display}）` : '';
}
