import { describe, expect, it } from 'vitest';
import { computeCalendarDeadline, computeDeadline } from './deadline';
import { publishedDecisions } from './decisions';
import { buildCalendar } from './working-calendar';

const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2025, toYear: 2027 });

describe('computeDeadline (working days)', () => {
  it('counts from the day after start and across Tết 2026', () => {
    // Counted: Wed 11, Thu 12, Fri 13/02, then (Tết 16–20, weekends) Mon 23, Tue 24/02.
    const at = (asOf: string) => computeDeadline({ start: '2026-02-10', workingDays: 5, asOf }, calendar);
    expect(at('2026-02-13')).toEqual({
      dueDate: '2026-02-24',
      elapsedWorkingDays: 3,
      remainingWorkingDays: 2,
      overdueWorkingDays: 0,
      paused: false,
    });
    expect(at('2026-02-20')).toMatchObject({ elapsedWorkingDays: 3, remainingWorkingDays: 2 });
    expect(at('2026-02-24')).toMatchObject({ elapsedWorkingDays: 5, remainingWorkingDays: 0, overdueWorkingDays: 0 });
    expect(at('2026-02-26')).toMatchObject({ elapsedWorkingDays: 7, remainingWorkingDays: 0, overdueWorkingDays: 2 });
  });

  it('counts a worked Saturday and skips a swapped Friday (30/04/2025 break)', () => {
    expect(computeDeadline({ start: '2025-04-24', workingDays: 5, asOf: '2025-04-24' }, calendar).dueDate).toBe('2025-05-05');
  });

  it('moves the due date out by the working days inside a pause, both ends included', () => {
    // Without the pause: 03/03 … 16/03. Paused Thu 05/03 – Tue 10/03 = 4 working days → Fri 20/03.
    const input = { start: '2026-03-02', workingDays: 10, pauses: [{ from: '2026-03-05', to: '2026-03-10' }] };
    expect(computeDeadline({ ...input, pauses: [], asOf: '2026-03-02' }, calendar).dueDate).toBe('2026-03-16');
    expect(computeDeadline({ ...input, asOf: '2026-03-09' }, calendar)).toEqual({
      dueDate: '2026-03-20',
      elapsedWorkingDays: 2,
      remainingWorkingDays: 8,
      overdueWorkingDays: 0,
      paused: true,
    });
    expect(computeDeadline({ ...input, asOf: '2026-03-11' }, calendar)).toMatchObject({
      elapsedWorkingDays: 3,
      paused: false,
    });
    // Overlapping pauses behave as their union.
    const overlapping = [
      { from: '2026-03-05', to: '2026-03-09' },
      { from: '2026-03-06', to: '2026-03-10' },
    ];
    expect(computeDeadline({ ...input, pauses: overlapping, asOf: '2026-03-02' }, calendar).dueDate).toBe('2026-03-20');
  });

  it('has no due date while an open-ended pause holds the clock', () => {
    const clock = computeDeadline({ start: '2026-03-02', workingDays: 10, pauses: [{ from: '2026-03-05' }], asOf: '2026-06-30' }, calendar);
    expect(clock).toEqual({
      dueDate: null,
      elapsedWorkingDays: 2,
      remainingWorkingDays: 8,
      overdueWorkingDays: 0,
      paused: true,
    });
  });

  it('keeps the due date when an open pause begins after it', () => {
    const clock = computeDeadline(
      { start: '2026-03-02', workingDays: 5, pauses: [{ from: '2026-03-17', to: null }], asOf: '2026-03-20' },
      calendar,
    );
    // Due Mon 09/03; counted after it until the pause: 10, 11, 12, 13, 16/03.
    expect(clock).toEqual({
      dueDate: '2026-03-09',
      elapsedWorkingDays: 10,
      remainingWorkingDays: 0,
      overdueWorkingDays: 5,
      paused: true,
    });
  });

  it('handles a pause that starts on the start day', () => {
    const input = { start: '2026-03-02', workingDays: 3, pauses: [{ from: '2026-03-02', to: '2026-03-04' }] };
    expect(computeDeadline({ ...input, asOf: '2026-03-02' }, calendar)).toEqual({
      dueDate: '2026-03-09', // counted 05, 06, 09/03
      elapsedWorkingDays: 0,
      remainingWorkingDays: 3,
      overdueWorkingDays: 0,
      paused: true,
    });
  });

  it('reports nothing elapsed when asOf is before start, and ignores pauses before start', () => {
    const clock = computeDeadline(
      { start: '2026-03-02', workingDays: 3, pauses: [{ from: '2026-02-23', to: '2026-02-27' }], asOf: '2026-02-25' },
      calendar,
    );
    expect(clock).toEqual({
      dueDate: '2026-03-05',
      elapsedWorkingDays: 0,
      remainingWorkingDays: 3,
      overdueWorkingDays: 0,
      paused: false,
    });
  });

  it('accepts 0 working days and rejects bad input', () => {
    expect(computeDeadline({ start: '2026-03-02', workingDays: 0, asOf: '2026-03-02' }, calendar).dueDate).toBe('2026-03-02');
    expect(() => computeDeadline({ start: '2026-03-02', workingDays: -1, asOf: '2026-03-02' }, calendar)).toThrow(RangeError);
    expect(() =>
      computeDeadline(
        { start: '2026-03-02', workingDays: 3, pauses: [{ from: '2026-03-05', to: '2026-03-04' }], asOf: '2026-03-02' },
        calendar,
      ),
    ).toThrow(RangeError);
    expect(() => computeDeadline({ start: '2027-12-20', workingDays: 30, asOf: '2027-12-20' }, calendar)).toThrow(RangeError);
  });

  it('gives D58 its 30 working days from a complete dossier received Thursday 10/04/2025', () => {
    // April: 11, 14–18, 21–25, 26 (worked Saturday), 28, 29 = 14; May: 5–9, 12–16, 19–23 = 15 → 29; 26/05 = 30.
    expect(computeDeadline({ start: '2025-04-10', workingDays: 30, asOf: '2025-04-10' }, calendar).dueDate).toBe('2025-05-26');
  });
});

describe('computeCalendarDeadline (calendar days, Civil Code Art. 148)', () => {
  it('moves a due date that falls on Tết to the next working day', () => {
    // 27/01/2026 + 20 days = Monday 16/02 (29 Chạp) → Monday 23/02.
    const at = (asOf: string) => computeCalendarDeadline({ start: '2026-01-27', days: 20, asOf }, calendar);
    expect(at('2026-02-20')).toEqual({
      dueDate: '2026-02-23',
      elapsedDays: 24,
      remainingDays: 3,
      overdueDays: 0,
      paused: false,
    });
    expect(at('2026-02-23')).toMatchObject({ remainingDays: 0, overdueDays: 0 });
    expect(at('2026-02-25')).toMatchObject({ remainingDays: 0, overdueDays: 2 });
    expect(at('2026-01-20')).toMatchObject({ elapsedDays: 0, remainingDays: 27, paused: false });
  });

  it('excludes paused days and then applies Art. 148', () => {
    // 02/03/2026 + 10 days with 05–07/03 paused → 15/03 (Sunday) → Monday 16/03.
    const clock = computeCalendarDeadline(
      { start: '2026-03-02', days: 10, pauses: [{ from: '2026-03-05', to: '2026-03-07' }], asOf: '2026-03-06' },
      calendar,
    );
    expect(clock).toEqual({ dueDate: '2026-03-16', elapsedDays: 2, remainingDays: 9, overdueDays: 0, paused: true }); // 08–16/03, one more than 10 − 2 by Art. 148
  });

  it('has no due date while an open pause holds the clock', () => {
    const clock = computeCalendarDeadline(
      { start: '2026-03-02', days: 10, pauses: [{ from: '2026-03-05' }], asOf: '2026-04-01' },
      calendar,
    );
    expect(clock).toEqual({ dueDate: null, elapsedDays: 2, remainingDays: 8, overdueDays: 0, paused: true });
  });
});
