import { SAMPLE_FIGURES } from '../testing/sample-figures';
import { monthlySummaryNarrative } from './narrative';

describe('monthly summary narrative', () => {
  it('reads like the bureau’s report, exactly, for a known figure set', () => {
    expect(monthlySummaryNarrative(SAMPLE_FIGURES)).toBe(
      '本月开展走访企业412家次（涉及企业390家），收集企业问题378个，已解决377个，问题解决率99.7%，办结率100.0%，满意率100.0%，超期未办结1个；' +
        '兑现2023年度惠企政策资金6846.62万元，惠及企业118家；' +
        '新增省级专精特新中小企业93家，累计培育381家（占全市40.0%，全市数截至2024年6月30日）；' +
        '累计培育国家专精特新"小巨人"43家；国家科技型中小企业2939家；高企总数2008家；省级单项冠军企业15家，国家级单项冠军企业1家。' +
        '年初以来累计走访企业2251家次（涉及企业1804家），收集企业问题1502个，问题解决率99.7%，' +
        '新增省级专精特新中小企业93家（占全市40.1%，全市数截至2024年6月30日），' +
        '兑现惠企政策资金9000.00万元（其中2023年度8000.00万元、2024年度1000.00万元）。' +
        '本月2个责任单位参与按时办结考评，按时办结率较低的是区人力资源和社会保障局80.0%（5件中1件超期办结）；无应办结问题的单位：区税务局。',
    );
  });

  it('the unit sentence: all on time when none fell short; unscored units named up to five, then counted; none without units', () => {
    const units = SAMPLE_FIGURES.units!;
    const allOnTime = monthlySummaryNarrative({ ...SAMPLE_FIGURES, units: { ...units, lowest: [] } });
    expect(allOnTime.endsWith('本月2个责任单位参与按时办结考评，均按时办结；无应办结问题的单位：区税务局。')).toBe(true);
    const many = Array.from({ length: 7 }, (_, i) => ({ unitId: `u-${i}`, unitName: `单位${i}` }));
    const crowded = monthlySummaryNarrative({ ...SAMPLE_FIGURES, units: { ...units, unscored: many } });
    expect(crowded.endsWith('无应办结问题的单位：单位0、单位1、单位2、单位3、单位4等7个单位。')).toBe(true);
    expect(monthlySummaryNarrative({ ...SAMPLE_FIGURES, units: null })).not.toContain('责任单位');
    expect(monthlySummaryNarrative({ ...SAMPLE_FIGURES, units: { rows: [], lowest: [], unscored: [] } })).not.toContain('责任单位');
  });

  it('leaves out rates without a denominator and a zero overdue count rather than printing 0% or —', () => {
    const none = { numerator: 0, denominator: 0, percent: null, display: '—' };
    const quiet = {
      ...SAMPLE_FIGURES,
      problems: {
        month: { ...SAMPLE_FIGURES.problems.month, collected: 0, resolved: 0, resolutionRate: none, conclusionRate: none, satisfactionRate: none, overdue: 0 },
        yearToDate: { ...SAMPLE_FIGURES.problems.yearToDate, collected: 0, resolutionRate: none },
      },
      certifications: [],
      units: null,
    };
    expect(monthlySummaryNarrative(quiet)).toBe(
      '本月开展走访企业412家次（涉及企业390家），收集企业问题0个，已解决0个；兑现2023年度惠企政策资金6846.62万元，惠及企业118家。' +
        '年初以来累计走访企业2251家次（涉及企业1804家），收集企业问题0个，兑现惠企政策资金9000.00万元（其中2023年度8000.00万元、2024年度1000.00万元）。',
    );
  });

  it('a summary stored before the policy-year split (read as null) states the plain sum, not a year it never published', () => {
    const v2 = {
      ...SAMPLE_FIGURES,
      subsidies: { month: { ...SAMPLE_FIGURES.subsidies.month, byPolicyYear: null }, yearToDate: { ...SAMPLE_FIGURES.subsidies.yearToDate, byPolicyYear: null } },
      certifications: SAMPLE_FIGURES.certifications.map((c) => ({ ...c, yearToDateShares: null })),
      units: null,
    };
    const text = monthlySummaryNarrative(v2);
    expect(text).toContain('兑现惠企政策资金6846.62万元，惠及企业118家；');
    expect(text).toContain('新增省级专精特新中小企业93家，兑现惠企政策资金9000.00万元。');
    expect(text).not.toMatch(/年度|占全市40\.1%/);
  });

  it('a month whose money was recovered under one year and paid under another names only the year that paid', () => {
    const zero = { fen: '0', yuan: '0.00', wanYuan: '0.00' };
    const month = {
      ...SAMPLE_FIGURES.subsidies.month,
      byPolicyYear: [
        { policyYear: 2022, disbursed: zero, recovered: { fen: '100000', yuan: '1000.00', wanYuan: '0.10' }, disbursements: 0, enterprisesPaid: 0 },
        ...SAMPLE_FIGURES.subsidies.month.byPolicyYear!,
      ],
    };
    expect(monthlySummaryNarrative({ ...SAMPLE_FIGURES, subsidies: { ...SAMPLE_FIGURES.subsidies, month } })).toContain('兑现2023年度惠企政策资金6846.62万元，惠及企业118家；');
  });
});
