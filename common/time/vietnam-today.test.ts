import { describe, expect, it } from 'vitest';
import { vietnamToday, vietnamYear } from './vietnam-today';

describe('vietnamToday', () => {
  it('is already the next day in Viet Nam between 17:00 and 24:00 UTC', () => {
    expect(vietnamToday(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(vietnamToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(vietnamToday(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
  });

  it('turns the year at midnight in Hà Nội, seven hours before UTC does', () => {
    expect(vietnamYear(new Date('2025-12-31T17:30:00Z'))).toBe(2026);
    expect(vietnamYear(new Date('2025-12-31T16:30:00Z'))).toBe(2025);
  });
});
