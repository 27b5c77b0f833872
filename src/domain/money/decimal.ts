/**
 * Exact decimal arithmetic on strings, for money. Amounts never pass through a JS number: `0.1 + 0.2` is not
 * `0.3` in floating point, and a VND total of 15+ digits loses its last units. Values are held as a BigInt of
 * units with a decimal scale (value = units / 10^scale).
 * @module
 */

/** A decimal written in plain notation: optional minus sign, digits, optional fraction. No exponent, no grouping. */
export type DecimalString = string;

const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** A decimal as an integer number of 10^-scale units (value = units / 10^scale). */
export type Scaled = { units: bigint; scale: number };

/** True when `value` is a plain decimal string such as `"1200"`, `"-3.5"` or `"0.000125"`. */
export function isDecimal(value: unknown): value is DecimalString {
  return typeof value === 'string' && DECIMAL.test(value);
}

/**
 * Reads a decimal string into units and scale, keeping its scale (`"1.50"` → 150 units at scale 2).
 * @throws RangeError when the text is not a plain decimal
 */
export function parseDecimal(value: DecimalString): Scaled {
  if (!isDecimal(value)) throw new RangeError(`Not a decimal string: ${JSON.stringify(value)}`);
  // Plain string slicing (no replace/split): an import parses a few decimals per transaction, sector and share.
  const negative = value.charCodeAt(0) === 45; // '-'
  const dot = value.indexOf('.');
  const intPart = dot < 0 ? value.slice(negative ? 1 : 0) : value.slice(negative ? 1 : 0, dot);
  const fracPart = dot < 0 ? '' : value.slice(dot + 1);
  const units = BigInt((intPart || '0') + fracPart);
  return { units: negative ? -units : units, scale: fracPart.length };
}

/** The units of `value` at a larger or equal `scale`. @throws RangeError when `scale` would drop digits */
export function atScale(value: Scaled, scale: number): bigint {
  if (scale < value.scale) throw new RangeError('atScale only widens');
  return value.units * 10n ** BigInt(scale - value.scale);
}

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

/** Writes a scaled value with exactly its `scale` fraction digits (`{150n, 2}` → `"1.50"`). */
export function formatScaled(value: Scaled): DecimalString {
  return format(value, true);
}

/**
 * Exact sum of two decimals.
 * @returns the normalised sum (no trailing fractional zeros)
 * @throws RangeError when an operand is not a decimal string
 */
export function addDecimal(a: DecimalString, b: DecimalString): DecimalString {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ units: atScale(x, scale) + atScale(y, scale), scale });
}

/** Exact difference `a - b`. @throws RangeError when an operand is not a decimal string */
export function subDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return addDecimal(a, negateDecimal(b));
}

/** `-a`, exactly. */
export function negateDecimal(a: DecimalString): DecimalString {
  const x = parseDecimal(a);
  return format({ units: -x.units, scale: x.scale });
}

/**
 * Exact product (the scale of the result is the sum of the operands' scales, so nothing is lost).
 * @throws RangeError when an operand is not a decimal string
 */
export function mulDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return format(mulScaled(a, b));
}

/** Exact product keeping every digit: the scale is the sum of the operands' scales (`"1.50" × "2.0"` → `3.000`). */
export function mulScaled(a: DecimalString, b: DecimalString): Scaled {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return { units: x.units * y.units, scale: x.scale + y.scale };
}

/** Exact sum at the largest scale among the values (`["1.5", "2.25"]` → 375 units at scale 2). */
export function sumScaled(values: readonly DecimalString[]): Scaled {
  const parsed = values.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((v) => v.scale));
  return { units: parsed.reduce((acc, v) => acc + atScale(v, scale), 0n), scale };
}

/** Integer division rounding half away from zero (the commercial rounding of money, and PostgreSQL's). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** A decimal rounded half away from zero to whole cents (an integer number of cents). */
export function toCents(value: DecimalString | Scaled): bigint {
  return unitsRoundedTo(typeof value === 'string' ? parseDecimal(value) : value, 2);
}

/** Cents written as a money string with two decimals, e.g. `129516200n` → `"1295162.00"`. */
export function centsToString(cents: bigint): DecimalString {
  return formatScaled({ units: cents, scale: 2 });
}

/** Rounds to a money string with two decimals, half away from zero (`"2.345"` → `"2.35"`). */
export function roundMoney(value: DecimalString): DecimalString {
  return roundDecimal(value, 2);
}

/** Exact sum of any number of decimals; `"0"` for an empty list. */
export function sumDecimals(values: Iterable<DecimalString>): DecimalString {
  // One exact sum at the largest scale, written once (adding pairwise wrote and re-read every partial sum).
  return format(sumScaled([...values]));
}

/**
 * Rounds to `places` fractional digits, half away from zero, as PostgreSQL's `round(numeric, n)` does, so a
 * value rounded here and one rounded in SQL agree. The result keeps exactly `places` digits (`"12.50"`).
 * @throws RangeError when `value` is not a decimal string or `places` is not an integer from 0 to 30
 */
export function roundDecimal(value: DecimalString, places: number): DecimalString {
  if (!Number.isInteger(places) || places < 0 || places > 30) throw new RangeError(`Invalid number of places: ${places}`);
  return formatScaled({ units: unitsRoundedTo(parseDecimal(value), places), scale: places });
}

/** The units of `value` at `places` fractional digits, rounded half away from zero when digits are dropped. */
function unitsRoundedTo(value: Scaled, places: number): bigint {
  if (value.scale <= places) return atScale(value, places);
  return divRoundHalfUp(value.units, 10n ** BigInt(value.scale - places));
}

/** Compares two decimals numerically: negative, zero or positive, like a sort comparator. */
export function compareDecimal(a: DecimalString, b: DecimalString): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const d = atScale(x, scale) - atScale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The normal form of a decimal (`"007.50"` → `"7.5"`), so equal values compare equal as strings. */
export function normalizeDecimal(value: DecimalString): DecimalString {
  return format(parseDecimal(value));
}
