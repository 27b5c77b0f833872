/**
 * Exact decimal arithmetic on strings, for money. Amounts never pass through a JS number: `0.1 + 0.2` is not
 * `0.3` in floating point, and a VND total of 15+ digits loses its last units. Values are held as a BigInt of
 * units with a decimal scale (value = units / 10^scale).
 * @module
 */

/** A decimal written in plain notation: optional minus sign, digits, optional fraction. No exponent, no grouping. */
export type DecimalString = string;

const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

type Scaled = { units: bigint; scale: number };

/** True when `value` is a plain decimal string such as `"1200"`, `"-3.5"` or `"0.000125"`. */
export function isDecimal(value: unknown): value is DecimalString {
  return typeof value === 'string' && DECIMAL.test(value);
}

function parse(value: DecimalString): Scaled {
  if (!isDecimal(value)) throw new RangeError(`Not a decimal string: ${JSON.stringify(value)}`);
  const negative = value.startsWith('-');
  const [intPart = '', fracPart = ''] = value.replace(/^-/, '').split('.');
  const units = BigInt((intPart || '0') + fracPart);
  return { units: negative ? -units : units, scale: fracPart.length };
}

const rescale = (a: Scaled, scale: number): bigint => a.units * 10n ** BigInt(scale - a.scale);

function format({ units, scale }: Scaled, keepScale = false): DecimalString {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  let intPart = digits.slice(0, digits.length - scale);
  let fracPart = scale > 0 ? digits.slice(digits.length - scale) : '';
  if (!keepScale) fracPart = fracPart.replace(/0+$/, '');
  intPart = intPart.replace(/^0+(?=\d)/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * Exact sum of two decimals.
 * @returns the normalised sum (no trailing fractional zeros)
 * @throws RangeError when an operand is not a decimal string
 */
export function addDecimal(a: DecimalString, b: DecimalString): DecimalString {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ units: rescale(x, scale) + rescale(y, scale), scale });
}

/** Exact difference `a - b`. @throws RangeError when an operand is not a decimal string */
export function subDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return addDecimal(a, negateDecimal(b));
}

/** `-a`, exactly. */
export function negateDecimal(a: DecimalString): DecimalString {
  const x = parse(a);
  return format({ units: -x.units, scale: x.scale });
}

/**
 * Exact product (the scale of the result is the sum of the operands' scales, so nothing is lost).
 * @throws RangeError when an operand is not a decimal string
 */
export function mulDecimal(a: DecimalString, b: DecimalString): DecimalString {
  const x = parse(a);
  const y = parse(b);
  return format({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** Exact sum of any number of decimals; `"0"` for an empty list. */
export function sumDecimals(values: Iterable<DecimalString>): DecimalString {
  let total = '0';
  for (const value of values) total = addDecimal(total, value);
  return total;
}

/**
 * Rounds to `places` fractional digits, half away from zero, as PostgreSQL's `round(numeric, n)` does, so a
 * value rounded here and one rounded in SQL agree. The result keeps exactly `places` digits (`"12.50"`).
 * @throws RangeError when `value` is not a decimal string or `places` is not an integer from 0 to 30
 */
export function roundDecimal(value: DecimalString, places: number): DecimalString {
  if (!Number.isInteger(places) || places < 0 || places > 30) throw new RangeError(`Invalid number of places: ${places}`);
  const x = parse(value);
  if (x.scale <= places) return format({ units: rescale(x, places), scale: places }, true);
  const divisor = 10n ** BigInt(x.scale - places);
  const magnitude = x.units < 0n ? -x.units : x.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return format({ units: x.units < 0n ? -quotient : quotient, scale: places }, true);
}

/** Compares two decimals numerically: negative, zero or positive, like a sort comparator. */
export function compareDecimal(a: DecimalString, b: DecimalString): number {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The normal form of a decimal (`"007.50"` → `"7.5"`), so equal values compare equal as strings. */
export function normalizeDecimal(value: DecimalString): DecimalString {
  return format(parse(value));
}
