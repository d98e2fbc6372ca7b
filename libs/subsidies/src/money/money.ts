/**
 * Money for reports. Amounts are integer 分 (fen) everywhere; sums come from PostgreSQL as decimal text
 * and are handled as BigInt, so no figure ever passes through binary floating point
 * (0.1 元 + 0.2 元 is 30 分, not 0.30000000000000004).
 */
export interface Money {
  /** Exact, in 分, as a decimal string (a sum can exceed 2^53). */
  fen: string;
  /** Exact, in 元 with two decimals: 6846620000 分 → "68466200.00". */
  yuan: string;
  /** In 万元 with two decimals, rounded half-up (half away from zero): 6846620000 分 → "6846.62". */
  wanYuan: string;
}

/** 0.01 万元 = 100 元 = 10,000 分. */
const FEN_PER_WAN_CENT = 10_000n;

function twoDecimals(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Integer division rounding half away from zero. */
function divideHalfUp(value: bigint, divisor: bigint): bigint {
  const abs = value < 0n ? -value : value;
  const rounded = (abs * 2n + divisor) / (2n * divisor);
  return value < 0n ? -rounded : rounded;
}

export function money(fen: bigint | string | number): Money {
  const value = BigInt(fen);
  return { fen: value.toString(), yuan: twoDecimals(value), wanYuan: twoDecimals(divideHalfUp(value, FEN_PER_WAN_CENT)) };
}
