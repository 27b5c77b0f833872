/**
 * Property-style check of the fast working-day arithmetic (cumulative index, gap-by-gap clocks) against the plain
 * day-by-day walk it replaced, on random dates, spans, limits and pauses (seeded: a failure names its seed).
 */
import { describe, expect, it } from 'vitest';
import { integerBetween, pick, seededRandom, type Random } from '../random';
import { publishedDecisions } from './decisions';
import { computeCalendarDeadline, computeDeadline, type ClockPause } from './deadline';
import { addDays, type IsoDate } from './iso-date';
import { buildCalendar, type WorkingCalendar } from './working-calendar';

const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2018, toYear: 2032 });
/** The day's status read from its description, which never touches the index. */
const working = (d: IsoDate) => calendar.describeDay(d).working;

// ---- The day-by-day reference -------------------------------------------------------------------------------------

function refAddWorkingDays(from: IsoDate, n: number): IsoDate {
  let d = from;
  for (let i = 0; i < Math.abs(n); i++) {
    do d = addDays(d, n > 0 ? 1 : -1);
    while (!working(d));
  }
  return d;
}

function refWorkingDaysBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return -refWorkingDaysBetween(b, a) || 0; // the index answers 0, not -0
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (working(d)) n++;
  return n;
}

const inPause = (d: IsoDate, ps: readonly ClockPause[]) => ps.some((p) => d >= p.from && (p.to == null || d <= p.to));
const inOpenPause = (d: IsoDate, ps: readonly ClockPause[]) => ps.some((p) => p.to == null && d >= p.from);
const countRef = (a: IsoDate, b: IsoDate, ps: readonly ClockPause[], counts: (d: IsoDate) => boolean) => {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (counts(d) && !inPause(d, ps)) n++;
  return n;
};
function nthRef(start: IsoDate, limit: number, ps: readonly ClockPause[], counts: (d: IsoDate) => boolean): IsoDate | null {
  let d = start;
  for (let n = 0; n < limit;) {
    d = addDays(d, 1);
    if (inOpenPause(d, ps)) return null;
    if (counts(d) && !inPause(d, ps)) n++;
  }
  return d;
}

function refWorkingClock(start: IsoDate, days: number, pauses: ClockPause[], asOf: IsoDate) {
  const dueDate = nthRef(start, days, pauses, working);
  const elapsed = countRef(start, asOf, pauses, working);
  return {
    dueDate,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: Math.max(0, days - elapsed),
    overdueWorkingDays: Math.max(0, elapsed - days),
    paused: asOf >= start && inPause(asOf, pauses),
  };
}

function refCalendarClock(start: IsoDate, days: number, pauses: ClockPause[], asOf: IsoDate) {
  const always = () => true;
  let dueDate = nthRef(start, days, pauses, always);
  if (dueDate !== null && days > 0) {
    while (dueDate !== null && (!working(dueDate) || inPause(dueDate, pauses))) {
      const next: IsoDate = addDays(dueDate, 1);
      dueDate = inOpenPause(next, pauses) ? null : next;
    }
  }
  const elapsed = countRef(start, asOf, pauses, always);
  let remaining: number;
  let overdue = 0;
  if (dueDate === null) remaining = Math.max(0, days - elapsed);
  else if (asOf <= dueDate) remaining = countRef(asOf > start ? asOf : start, dueDate, pauses, always);
  else {
    remaining = 0;
    overdue = countRef(dueDate, asOf, pauses, always);
  }
  return { dueDate, elapsedDays: elapsed, remainingDays: remaining, overdueDays: overdue, paused: asOf >= start && inPause(asOf, pauses) };
}

// ---- Random inputs ------------------------------------------------------------------------------------------------

/** A date in 2019–2030, biased to the Tết and April–May holiday weeks where the calendar is irregular. */
function randomDate(r: Random): IsoDate {
  const year = integerBetween(r, 2019, 2030);
  const month = r() < 0.5 ? pick(r, [1, 2, 4, 5, 9]) : integerBetween(r, 1, 12);
  return addDays(`${year}-${String(month).padStart(2, '0')}-01`, integerBetween(r, 0, 30));
}

/** 0–3 pauses around `start`: some before it, some overlapping each other, the last one sometimes still open. */
function randomPauses(r: Random, start: IsoDate): ClockPause[] {
  const count = integerBetween(r, 0, 3);
  return Array.from({ length: count }, (_, i) => {
    const from = addDays(start, integerBetween(r, -5, 60));
    const open = i === count - 1 && r() < 0.2;
    return open ? { from, to: null } : { from, to: addDays(from, integerBetween(r, 0, 20)) };
  });
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('working-day index against the day-by-day walk', () => {
  it.each(SEEDS)('addWorkingDays and workingDaysBetween agree (seed %i)', (seed) => {
    const r = seededRandom(seed);
    for (let i = 0; i < 400; i++) {
      const from = randomDate(r);
      const n = integerBetween(r, -70, 70);
      const to = addDays(from, integerBetween(r, -120, 120));
      const where = `seed ${seed} #${i}: ${from} ${n} ${to}`;
      expect(calendar.addWorkingDays(from, n), where).toBe(refAddWorkingDays(from, n));
      expect(calendar.workingDaysBetween(from, to), where).toBe(refWorkingDaysBetween(from, to));
      expect(calendar.isWorkingDay(to), where).toBe(working(to));
    }
  });

  it.each(SEEDS)('working-day and calendar-day clocks with pauses agree (seed %i)', (seed) => {
    const r = seededRandom(seed * 7919);
    for (let i = 0; i < 300; i++) {
      const start = randomDate(r);
      const pauses = randomPauses(r, start);
      const asOf = addDays(start, integerBetween(r, -3, 90));
      const limit = pick(r, [0, 1, 2, 5, 10, 20, 25, 30]);
      const where = `seed ${seed} #${i}: ${start} +${limit} asOf ${asOf} pauses ${JSON.stringify(pauses)}`;
      expect(computeDeadline({ start, workingDays: limit, pauses, asOf }, calendar), where).toEqual(
        refWorkingClock(start, limit, pauses, asOf),
      );
      expect(computeCalendarDeadline({ start, days: limit, pauses, asOf }, calendar), where).toEqual(
        refCalendarClock(start, limit, pauses, asOf),
      );
    }
  });

  it('refuses dates outside the covered years, as before', () => {
    const small: WorkingCalendar = buildCalendar({ decisions: [], fromYear: 2025, toYear: 2025 });
    expect(() => small.addWorkingDays('2025-12-30', 5)).toThrow(RangeError);
    expect(() => small.addWorkingDays('2025-01-02', -5)).toThrow(RangeError);
    expect(() => small.workingDaysBetween('2024-12-31', '2025-01-10')).toThrow(RangeError);
    expect(small.addWorkingDays('2025-12-26', 3)).toBe('2025-12-31');
  });
});
