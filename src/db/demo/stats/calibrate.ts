import { allocateCents } from '@domain/statistics/allocation';
import { centsToString, formatScaled, mulScaled, parseDecimal, sumScaled, toCents } from '@domain/money/decimal';
import { CAO_BANG, COMMITTED_TARGETS, DISBURSED_TARGETS } from './calendar';
import type { TxPlan } from './plan-aid';
import type { Prng } from './prng';

export type Rate = { date: string; usd: string; vnd: string };
export type TxRow = TxPlan & { amount: string; currency: string; amountUsd: string; amountVnd: string; rateDate: string | null };

/** Used only when the exchange_rates table has no USD row at all (a database without the reference seed). */
const FALLBACK_VND_PER_USD = '24000';

const isCaoBangOnly = (tx: TxPlan) => tx.item.locations.length === 1 && tx.item.locations[0]!.code === CAO_BANG.old;

/**
 * Gives every planned transaction its amount so that each calibration group adds up exactly to its target:
 * per year and kind, Cao Bằng's published figures for 2021–2022 and the national totals for the rest.
 * Amounts are allocated in cents by largest remainder; transactions in a donor's own currency are converted at the
 * rate of their date (exact product), and the group's largest USD transaction absorbs the sub-cent remainder so
 * the USD sum is exact.
 */
export function calibrate(
  rng: Prng,
  txs: readonly TxPlan[],
  rates: ReadonlyMap<string, Rate[]>,
  minorUnits: ReadonlyMap<string, number>,
): TxRow[] {
  const groups = new Map<string, { target: string; txs: TxPlan[] }>();
  for (const tx of txs) {
    const caoBang = CAO_BANG.targets[tx.year] && isCaoBangOnly(tx);
    const key = `${tx.year}:${tx.kind}:${caoBang ? 'CB' : 'N'}`;
    if (!groups.has(key)) groups.set(key, { target: groupTarget(tx.year, tx.kind, Boolean(caoBang)), txs: [] });
    groups.get(key)!.txs.push(tx);
  }
  for (const year of Object.keys(CAO_BANG.targets)) {
    for (const kind of ['COMMITMENT', 'DISBURSEMENT']) {
      if (!groups.has(`${year}:${kind}:CB`)) throw new Error(`demo plan: no Cao Bằng ${kind} in ${year}`);
    }
  }
  const rows: TxRow[] = [];
  for (const group of groups.values()) rows.push(...amountGroup(rng, group.target, group.txs, rates, minorUnits));
  return rows;
}

function groupTarget(year: number, kind: 'COMMITMENT' | 'DISBURSEMENT', caoBang: boolean): string {
  const national = (kind === 'COMMITMENT' ? COMMITTED_TARGETS : DISBURSED_TARGETS)[year];
  if (!national) throw new Error(`demo plan: no target for ${year}`);
  const province = CAO_BANG.targets[year]?.[kind];
  if (caoBang) return province!;
  return province ? centsToString(toCents(national) - toCents(province)) : national;
}

function rateOn(rates: ReadonlyMap<string, Rate[]>, currency: string, date: string): Rate | undefined {
  const list = rates.get(currency);
  if (!list) return undefined;
  let found: Rate | undefined;
  for (const rate of list) if (rate.date <= date) found = rate;
  return found;
}

function amountGroup(
  rng: Prng,
  target: string,
  txs: TxPlan[],
  rates: ReadonlyMap<string, Rate[]>,
  minorUnits: ReadonlyMap<string, number>,
): TxRow[] {
  const cents = allocateCents(
    toCents(target),
    txs.map((tx) => String(Math.max(1, Math.round(tx.weight * 1e6)))),
  );
  const rows: TxRow[] = txs.map((tx, i) => {
    const usd = centsToString(cents[i]!);
    const foreign =
      tx.item.org.currency !== 'USD' && (tx.item.draws ?? rng).chance(0.45) ? rateOn(rates, tx.item.org.currency, tx.date) : undefined;
    if (!foreign) return usdRow(tx, usd, rates);
    const minor = minorUnits.get(tx.item.org.currency) ?? 2;
    const amount = (Number(usd) / Number(foreign.usd)).toFixed(minor);
    return {
      ...tx,
      amount,
      currency: tx.item.org.currency,
      amountUsd: formatScaled(mulScaled(amount, foreign.usd)),
      amountVnd: formatScaled(mulScaled(amount, foreign.vnd)),
      rateDate: foreign.date,
    };
  });
  // The largest USD transaction takes the remainder left by conversions, so the group sums to its target exactly.
  let absorber = -1;
  rows.forEach((row, i) => {
    if (row.currency === 'USD' && (absorber < 0 || cents[i]! > cents[absorber]!)) absorber = i;
  });
  if (absorber < 0) {
    absorber = cents.reduce((best, c, i) => (c > cents[best]! ? i : best), 0);
    rows[absorber] = usdRow(txs[absorber]!, centsToString(cents[absorber]!), rates);
  }
  const others = rows.filter((_, i) => i !== absorber).map((r) => r.amountUsd);
  const rest = sumScaled(others);
  const t = parseDecimal(target);
  const scale = Math.max(rest.scale, t.scale);
  const remainder = formatScaled({
    units: t.units * 10n ** BigInt(scale - t.scale) - rest.units * 10n ** BigInt(scale - rest.scale),
    scale,
  });
  rows[absorber] = usdRow(txs[absorber]!, trimZeros(remainder), rates);
  return rows;
}

function usdRow(tx: TxPlan, amount: string, rates: ReadonlyMap<string, Rate[]>): TxRow {
  const rate = rateOn(rates, 'USD', tx.date);
  return {
    ...tx,
    amount,
    currency: 'USD',
    amountUsd: amount,
    amountVnd: formatScaled(mulScaled(amount, rate?.vnd ?? FALLBACK_VND_PER_USD)),
    rateDate: rate?.date ?? null,
  };
}

/** "1234.500000" → "1234.50": keeps at least cents, drops the zeros a wider scale added. */
function trimZeros(value: string): string {
  const [int, frac = ''] = value.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return `${int}.${trimmed.padEnd(2, '0')}`;
}
