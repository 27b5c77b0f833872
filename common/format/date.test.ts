import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDate, formatMoment, parseShownDate } from './date';

describe('formatDate', () => {
  it('shows an ISO date as dd/mm/yyyy without moving it through a time zone', () => {
    expect(formatDate('2026-12-07')).toBe('07/12/2026');
    expect(formatDate(null)).toBe('—');
  });
});

describe('formatMoment', () => {
  it('shows an instant in Viet Nam time as dd/mm/yyyy HH:mm whatever the browser zone', () => {
    expect(formatMoment('2026-12-07T08:31:17.000Z')).toBe('07/12/2026 15:31');
    expect(formatMoment('2026-12-07T08:31:17+00:00')).toBe('07/12/2026 15:31');
  });

  it('puts a late-evening UTC instant on the next Vietnamese day', () => {
    expect(formatMoment('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
  });

  it('shows a dash for a missing or unreadable value instead of "Invalid Date"', () => {
    expect(formatMoment(undefined)).toBe('—');
    expect(formatMoment('not a date')).toBe('—');
    expect(formatClockTime('garbage')).toBe('—');
  });

  it('gives the time of day alone in Viet Nam time', () => {
    expect(formatClockTime('2026-12-07T23:05:00Z')).toBe('06:05');
  });
});

describe('parseShownDate', () => {
  it('reads what the screens show, dd/mm/yyyy, and ISO pasted from a file', () => {
    expect(parseShownDate('07/12/2026')).toBe('2026-12-07');
    expect(parseShownDate(' 7/2/2026 ')).toBe('2026-02-07');
    expect(parseShownDate('07.12.2026')).toBe('2026-12-07');
    expect(parseShownDate('2026-12-07')).toBe('2026-12-07');
  });

  it('refuses what is not a real calendar date instead of guessing', () => {
    expect(parseShownDate('31/02/2026')).toBeNull();
    expect(parseShownDate('29/02/2025')).toBeNull();
    expect(parseShownDate('12/31/2026')).toBeNull();
    expect(parseShownDate('2026-13-01')).toBeNull();
    expect(parseShownDate('hôm nay')).toBeNull();
    expect(parseShownDate('')).toBeNull();
  });

  it('gives back what formatDate shows', () => {
    expect(parseShownDate(formatDate('2024-02-29'))).toBe('2024-02-29');
  });
});
