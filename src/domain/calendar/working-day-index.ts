/**
 * Working-day arithmetic in O(1) / O(log n): a cumulative count of working days over every day a calendar covers,
 * built once per calendar (a calendar is rebuilt whenever an administrator edits a decision, so the index follows).
 *
 * With `cum[i]` = working days among the covered days 0 … i:
 * - working days in (a, b] = cum[b] − cum[a];
 * - the n-th working day after a = the first day i with cum[i] = cum[a] + n (binary search: cum never decreases
 *   and first reaches each value on a working day).
 * The day-by-day walk it replaces is kept as the reference in working-day-index.test.ts.
 */

/** A built index. Offsets are day numbers minus `firstDay`. */
export type WorkingDayIndex = {
  readonly firstDay: number;
  readonly length: number;
  /** 1 for a working day, 0 otherwise. */
  readonly working: Uint8Array;
  readonly cum: Int32Array;
};

/** Builds the index of the days `firstDay` … `lastDay` (day numbers, both included). */
export function buildWorkingDayIndex(firstDay: number, lastDay: number, isWorking: (dayNumber: number) => boolean): WorkingDayIndex {
  const length = lastDay - firstDay + 1;
  const working = new Uint8Array(length);
  const cum = new Int32Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    if (isWorking(firstDay + i)) {
      working[i] = 1;
      total++;
    }
    cum[i] = total;
  }
  return { firstDay, length, working, cum };
}

/** Working days among offsets 0 … `offset` (0 for a negative offset). */
export const countThrough = (index: WorkingDayIndex, offset: number): number => (offset < 0 ? 0 : index.cum[offset]!);

/** The first offset whose count reaches `target`, or -1 when the covered days never reach it. */
function firstReaching(index: WorkingDayIndex, target: number): number {
  if (target <= 0) return -1;
  let lo = 0;
  let hi = index.length - 1;
  if (index.cum[hi]! < target) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.cum[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The offset `n` working days after `offset` (before it when n < 0; `offset` itself is never counted), or -1 when
 * that day is outside the covered days.
 */
export function shiftWorkingDays(index: WorkingDayIndex, offset: number, n: number): number {
  if (n === 0) return offset;
  // Forward: the first day with n more working days than `offset`. Backward: the working day with |n| − 1 working
  // days between it and `offset` (exclusive), i.e. the first day reaching count(offset − 1) − |n| + 1.
  return n > 0 ? firstReaching(index, countThrough(index, offset) + n) : firstReaching(index, countThrough(index, offset - 1) + n + 1);
}
