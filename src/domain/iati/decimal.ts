/**
 * Exact decimal-string helpers. Amounts and percentages never pass through a JS number: summing
 * `33.33 + 33.33 + 33.34` in floating point is not exactly 100, and a 15-digit VND amount loses cents.
 * @module
 */
import type { DecimalString } from './model';

/** The lexical space of `xsd:decimal`: optional sign, digits, optional fraction; no exponent, no grouping. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** True when `s` is a valid `xsd:decimal` literal (what IATI `value` and `percentage` require). */
export function isDecimalString(s: string): boolean {
  return DECIMAL.test(s);
}

/** Non-negative decimals with at most 9 integer and 6 fractional digits. */
const SMALL = /^\d{1,9}(?:\.\d{0,6})?$/;

function toMicros(v: string): number {
  const dot = v.indexOf('.');
  if (dot < 0) return Number(v) * 1_000_000;
  return Number(v.slice(0, dot)) * 1_000_000 + Number(v.slice(dot + 1).padEnd(6, '0'));
}

/** Scaled-integer form of a decimal: value = units / 10^scale. */
interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(s: DecimalString): Scaled {
  if (!isDecimalString(s)) throw new RangeError(`not a decimal: ${JSON.stringify(s)}`);
  const negative = s.startsWith('-');
  const body = s.replace(/^[+-]/, '');
  const [intPart = '', fracPart = ''] = body.split('.');
  const units = BigInt((intPart || '0') + fracPart);
  return { units: negative ? -units : units, scale: fracPart.length };
}

function rescale(a: Scaled, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

/**
 * Exact sum of decimal strings.
 * @returns the sum as a normalised decimal string (no trailing fractional zeros, `0` for an empty list)
 * @throws RangeError when an input is not a decimal string
 */
export function sumDecimals(values: readonly DecimalString[]): DecimalString {
  // Fast path for the usual percentages and small amounts: micro-units stay far below 2^53, so plain
  // numbers are exact here. Anything longer goes through BigInt.
  if (values.every((v) => SMALL.test(v))) {
    const micros = values.reduce((acc, v) => acc + toMicros(v), 0);
    return formatScaled({ units: BigInt(micros), scale: 6 });
  }
  const scaled = values.map(toScaled);
  const scale = Math.max(0, ...scaled.map((v) => v.scale));
  const total = scaled.reduce((acc, v) => acc + rescale(v, scale), 0n);
  return formatScaled({ units: total, scale });
}

/**
 * Compares two decimal strings numerically.
 * @returns negative, zero or positive like `Array.prototype.sort` comparators
 */
export function compareDecimals(a: DecimalString, b: DecimalString): number {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function formatScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  let int = digits.slice(0, digits.length - scale);
  let frac = scale > 0 ? digits.slice(digits.length - scale) : '';
  frac = frac.replace(/0+$/, '');
  int = int.replace(/^0+(?=\d)/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && out !== '0' ? `-${out}` : out;
}
