/**
 * Percentage shares as vnaid stores them (numeric(5,2), each above 0 and at most 100, adding up to 100), from
 * whatever an IATI file or an old record holds. Pure.
 * @module
 */
import { allocateCents } from '@domain/statistics/allocation';
import { centsToString, parseDecimal } from '@domain/money/decimal';

/** A share of one key (a province id, a sector code). */
export type Share<K extends string = string> = { key: K; share: string };

const TWO_DECIMALS = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * Shares adding up to exactly 100 with two decimals: returned as they are when they already do (so a valid record
 * round-trips unchanged), otherwise rescaled proportionally by the largest-remainder method. Keys listed twice are
 * merged; non-positive or unreadable shares are dropped.
 * @returns the shares and whether they had to be rescaled; empty when nothing positive is left
 */
export function normaliseShares<K extends string>(input: readonly Share<K>[]): { shares: Share<K>[]; rescaled: boolean } {
  const merged = new Map<K, bigint>();
  let readable = true;
  for (const { key, share } of input) {
    let cents: bigint;
    try {
      const v = parseDecimal(share);
      cents = v.scale <= 2 ? v.units * 10n ** BigInt(2 - v.scale) : v.units / 10n ** BigInt(v.scale - 2);
      if (v.scale > 2 && v.units % 10n ** BigInt(v.scale - 2) !== 0n) readable = false;
    } catch {
      readable = false;
      continue;
    }
    if (cents <= 0n) {
      readable = false;
      continue;
    }
    if (merged.has(key)) readable = false;
    merged.set(key, (merged.get(key) ?? 0n) + cents);
  }
  const entries = [...merged];
  if (entries.length === 0) return { shares: [], rescaled: input.length > 0 };
  const total = entries.reduce((a, [, c]) => a + c, 0n);
  if (readable && total === 10000n && input.every((s) => TWO_DECIMALS.test(s.share))) {
    return { shares: input.map((s) => ({ key: s.key, share: s.share })), rescaled: false };
  }
  const cents = allocateCents(
    10000n,
    entries.map(([, c]) => centsToString(c)),
  );
  const shares = entries.map(([key], i) => ({ key, share: centsToString(cents[i]!) })).filter((s) => s.share !== '0.00');
  return { shares, rescaled: true };
}

/** Equal shares for `n` keys (100, 50/50, 33.33/33.33/33.34…), the last one taking the remainder. */
export function equalShares<K extends string>(keys: readonly K[]): Share<K>[] {
  if (keys.length === 0) return [];
  const cents = allocateCents(
    10000n,
    keys.map(() => '1'),
  );
  // allocateCents gives the leftover cents to the earliest parts; IATI readers expect the last to be the odd one.
  cents.reverse();
  return keys.map((key, i) => ({ key, share: centsToString(cents[i]!) }));
}
