/**
 * Splitting a total into parts that add up exactly (largest-remainder method on cents).
 *
 * A breakdown by province or sector splits each aid item by its shares; rounding every part to the cent on its
 * own can make the parts miss the national total by a few cents. Allocating the rounded total instead keeps
 * the sum exact, and no part moves by a cent or more from its exact value.
 * @module
 */
import { atScale, parseDecimal } from '../money/decimal';

/**
 * Allocates `totalCents` over parts proportionally to their exact weights (decimal strings, ≥ 0).
 * Each part gets the floor of its exact quota; the cents left over go to the parts with the largest
 * remainders (ties: the earlier part). When the weights sum to the total's exact value, every part ends within
 * one cent of its own exact value.
 * @returns one integer number of cents per weight, summing to `totalCents`
 * @throws RangeError when a weight is negative, or all weights are zero while the total is not
 */
export function allocateCents(totalCents: bigint, weights: readonly string[]): bigint[] {
  const parsed = weights.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((w) => w.scale));
  const units = parsed.map((w) => atScale(w, scale));
  if (units.some((u) => u < 0n)) throw new RangeError('allocateCents: negative weight');
  const sum = units.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (totalCents !== 0n) throw new RangeError('allocateCents: nothing to allocate to');
    return units.map(() => 0n);
  }
  const sign = totalCents < 0n ? -1n : 1n;
  const total = totalCents * sign;
  const floors = units.map((u) => (total * u) / sum);
  const remainders = units.map((u, index) => ({ index, rest: (total * u) % sum }));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    floors[index] = floors[index]! + 1n;
    left -= 1n;
  }
  return floors.map((f) => f * sign);
}
