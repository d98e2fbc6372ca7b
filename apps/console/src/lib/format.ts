/** How the console writes dates, money and rates (zh-CN). */

/** '2024-06-30' → '2024年6月30日'. */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant, shown in Asia/Shanghai: '2024-06-30 14:05'. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Today in Asia/Shanghai as YYYY-MM-DD (business dates are Shanghai dates). */
export function todayShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function groupDigits(fen: bigint, unit: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  // Round half up to two decimals of the unit, in integers.
  const hundredths = (abs * 100n + unit / 2n) / unit;
  const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (hundredths % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

/** Integer 分 → '1,234.50 元'. */
export function yuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `${groupDigits(BigInt(fen), 100n)} 元`;
}

/** Integer 分 → '123.45 万元'. */
export function wanYuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `${groupDigits(BigInt(fen), 1_000_000n)} 万元`;
}

/** '12.50' 元 as typed → integer 分, or null when it is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
