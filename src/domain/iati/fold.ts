/**
 * Accent and punctuation folding for matching Vietnamese place names written in many ways
 * ("Thừa Thiên - Huế", "Thua Thien Hue", "THỪA THIÊN HUẾ", old-style tone placement "Hoà"/"Hòa").
 * @module
 */
import { vnFold } from '@common/text/vn-fold';

/**
 * Folds a name to a comparison key: Unicode NFD without combining marks, đ → d, lower case,
 * every run of non-alphanumerics → one space, trimmed.
 * Tone placement variants (oà/òa) fold to the same key because all marks are dropped.
 * @example foldName('Thừa Thiên - Huế') === 'thua thien hue'
 */
export function foldName(name: string): string {
  return vnFold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
