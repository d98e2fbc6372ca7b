import { NO_FIGURES, subsidyFigures } from './subsidy-figures';

describe('subsidy figures', () => {
  it('sums by group with BigInt; recoveries shown apart and deducted only in net (hand-computed)', () => {
    // 2023: paid 6,846,620,000 分 + 10 分 + 20 分 = 6,846,620,030 分 = 68,466,200.30 元 = 6846.620030 万元 → 6846.62;
    //       recovered 5,000 分 = 50.00 元 = 0.005 万元 → 0.01 (half-up); net 6,846,615,030 分 = 68,466,150.30 元 → 6846.62 万元.
    // 2024: only a recovery of 30 分: nothing paid, net −0.30 元.
    const [y2023, y2024] = subsidyFigures([
      { group: '2023', kind: 'disbursement', fen: '6846620030', count: 3, enterprises: 2 },
      { group: '2023', kind: 'recovery', fen: '5000', count: 1, enterprises: 1 },
      { group: '2024', kind: 'recovery', fen: '30', count: 1, enterprises: 1 },
    ]);
    expect(y2023).toEqual({
      group: '2023',
      disbursed: { fen: '6846620030', yuan: '68466200.30', wanYuan: '6846.62' },
      recovered: { fen: '5000', yuan: '50.00', wanYuan: '0.01' },
      net: { fen: '6846615030', yuan: '68466150.30', wanYuan: '6846.62' },
      disbursements: 3,
      recoveries: 1,
      enterprisesPaid: 2,
    });
    expect(y2024).toEqual({
      group: '2024',
      disbursed: { fen: '0', yuan: '0.00', wanYuan: '0.00' },
      recovered: { fen: '30', yuan: '0.30', wanYuan: '0.00' },
      net: { fen: '-30', yuan: '-0.30', wanYuan: '0.00' },
      disbursements: 0,
      recoveries: 1,
      enterprisesPaid: 0,
    });
  });

  it('keeps sums beyond Number.MAX_SAFE_INTEGER exact', () => {
    const [all] = subsidyFigures([{ group: 'all', kind: 'disbursement', fen: '9007199254740993', count: 2, enterprises: 2 }]);
    expect(all.disbursed.fen).toBe('9007199254740993');
    expect(all.disbursed.yuan).toBe('90071992547409.93');
  });

  it('an empty report is zero, not missing', () => {
    expect(NO_FIGURES()).toMatchObject({ group: 'all', disbursed: { yuan: '0.00' }, net: { wanYuan: '0.00' }, enterprisesPaid: 0 });
  });
});
