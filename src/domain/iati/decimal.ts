/**
 * IATI amounts and percentages are `xsd:decimal` literals; they are summed and compared with the exact money
 * arithmetic of src/domain/money/decimal.ts (never a JS number: `33.33 + 33.33 + 33.34` in floating point is not
 * exactly 100). This file only bridges XML Schema's lexical form (`+5`, `5.`) to that one implementation.
 * @module
 */
import { compareDecimal, sumDecimals as sumMoney } from '../money/decimal';
import type { DecimalString } from './model';

/** The lexical space of `xsd:decimal`: optional sign, digits, optional fraction; no exponent, no grouping. */
const XSD_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** True when `s` is a valid `xsd:decimal` literal (what IATI `value` and `percentage` require). */
export function isDecimalString(s: string): boolean {
  return XSD_DECIMAL.test(s);
}

/**
 * `+5.` → `5`, `.5` → `0.5`: the plain form the money arithmetic and manual entry read.
 * @throws RangeError when `s` is not an xsd:decimal
 */
export function plainDecimal(s: DecimalString): DecimalString {
  if (!isDecimalString(s)) throw new RangeError(`not a decimal: ${JSON.stringify(s)}`);
  return s
    .replace(/^\+/, '')
    .replace(/\.$/, '')
    .replace(/^(-?)\./, '$10.');
}

/**
 * Exact sum of decimal strings.
 * @returns the sum as a normalised decimal string (no trailing fractional zeros, `0` for an empty list)
 * @throws RangeError when an input is not a decimal string
 */
export function sumDecimals(values: readonly DecimalString[]): DecimalString {
  return sumMoney(values.map(plainDecimal));
}

/**
 * Compares two decimal strings numerically.
 * @returns negative, zero or positive like `Array.prototype.sort` comparators
 */
export function compareDecimals(a: DecimalString, b: DecimalString): number {
  return compareDecimal(plainDecimal(a), plainDecimal(b));
}
