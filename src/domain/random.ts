/**
 * A small seeded pseudo-random generator (mulberry32) for property tests and reproducible synthetic data: the same
 * seed gives the same sequence, so a failing run can be replayed from the seed it prints. Not for security.
 */

/** A generator of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32 seeded with `seed` (any integer; only its low 32 bits count). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of `items`, uniformly (`items` must not be empty). */
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** An integer in [min, max], both included. */
export const integerBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
