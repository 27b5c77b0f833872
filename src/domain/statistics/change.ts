import { atScale, divRoundHalfUp, parseDecimal } from '../money/decimal';

/**
 * Year-on-year change in percent, with one decimal: (current − previous) / previous × 100, rounded half away
 * from zero. Computed on exact decimals, so 1,720,153 against 1,441,873 gives "19.3".
 * @returns a decimal string such as "19.3" or "-4.0", or null when the previous value is zero (no base)
 */
export function percentChange(current: string, previous: string): string | null {
  const c = parseDecimal(current);
  const p = parseDecimal(previous);
  const scale = Math.max(c.scale, p.scale);
  const cu = atScale(c, scale);
  const pu = atScale(p, scale);
  if (pu === 0n) return null;
  const tenths = divRoundHalfUp((cu - pu) * 1000n, pu);
  const negative = tenths < 0n;
  const abs = negative ? -tenths : tenths;
  const text = `${abs / 10n}.${abs % 10n}`;
  return negative ? `-${text}` : text;
}
