import { money } from './money';

describe('money', () => {
  it('shows the published 6846.62万元 exactly: 6,846,620,000 分 = 68,466,200.00 元', () => {
    expect(money(6_846_620_000n)).toEqual({ fen: '6846620000', yuan: '68466200.00', wanYuan: '6846.62' });
  });
  it('adds 0.1 元 and 0.2 元 to exactly 0.30 元', () => {
    expect(money(10n + 20n)).toEqual({ fen: '30', yuan: '0.30', wanYuan: '0.00' });
  });
  it('rounds 万元 half-up at 50 元 (5,000 分) and keeps 元 exact', () => {
    expect(money(4_999n).wanYuan).toBe('0.00');
    expect(money(5_000n).wanYuan).toBe('0.01'); // 50.00 元 = 0.005 万元 → 0.01
    expect(money(1_234_565_000n)).toEqual({ fen: '1234565000', yuan: '12345650.00', wanYuan: '1234.57' }); // 1234.565 → 1234.57
    expect(money(1_234_564_999n).wanYuan).toBe('1234.56');
  });
  it('is exact beyond 2^53 分', () => {
    expect(money('90071992547409930')).toEqual({ fen: '90071992547409930', yuan: '900719925474099.30', wanYuan: '90071992547.41' }); // 90071992547.40993 万元
  });
  it('shows negative nets (more recovered than paid in a period) symmetrically', () => {
    expect(money(-5_000n)).toEqual({ fen: '-5000', yuan: '-50.00', wanYuan: '-0.01' });
    expect(money(-7n)).toEqual({ fen: '-7', yuan: '-0.07', wanYuan: '0.00' });
  });
});
