/**
 * Exact decimal arithmetic for money, on scaled BigInts. Amounts arrive from PostgreSQL `numeric` as strings and
 * are never turned into JS floats: 0.1 + 0.2 is not 0.3 in binary, and a breakdown must add up to the cent.
 * @module
 */

/** A decimal as an integer number of 10^-scale units. */
export type Scaled = { units: bigint; scale: number };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses a decimal string such as `"1295162.00"` or `"-0.5"`.
 * @throws RangeError when the text is not a plain decimal
 */
export function parseDecimal(text: string): Scaled {
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
  const negative = text.startsWith('-');
  const [intPart = '', fracPart = ''] = text.replace(/^[+-]/, '').split('.');
  const units = BigInt((intPart || '0') + fracPart);
  return { units: negative ? -units : units, scale: fracPart.length };
}

/** The units of `value` expressed at a larger or equal `scale`. */
export function atScale(value: Scaled, scale: number): bigint {
  if (scale < value.scale) throw new RangeError('atScale only widens');
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Writes a scaled value with exactly `scale` fraction digits. */
export function formatScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** Exact sum of decimal strings, at the largest scale among them. */
export function sumDecimals(values: readonly string[]): Scaled {
  const parsed = values.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((v) => v.scale));
  return { units: parsed.reduce((acc, v) => acc + atScale(v, scale), 0n), scale };
}

/** Integer division rounding half away from zero (the commercial rounding of money). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** A decimal rounded half away from zero to whole cents (an integer number of cents). */
export function toCents(value: string | Scaled): bigint {
  const v = typeof value === 'string' ? parseDecimal(value) : value;
  if (v.scale <= 2) return atScale(v, 2);
  return divRoundHalfUp(v.units, 10n ** BigInt(v.scale - 2));
}

/** Cents written as a USD decimal string with two decimals, e.g. `129516200n` → `"1295162.00"`. */
export function centsToString(cents: bigint): string {
  return formatScaled({ units: cents, scale: 2 });
}

/** Rounds a decimal string to a money string with two decimals. */
export function roundMoney(value: string): string {
  return centsToString(toCents(value));
}

/** Exact product of two decimal strings (used to convert currencies by a rate). */
export function multiplyDecimals(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return formatScaled({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** Compares two decimal strings: negative, zero or positive. */
export function compareDecimals(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const d = atScale(x, scale) - atScale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
