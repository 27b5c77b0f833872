import { describe, expect, it } from 'vitest';
import { publishedDecisions, validateDecisions, type HolidayDecision } from './decisions';

describe('publishedDecisions', () => {
  it('passes its own validation', () => {
    expect(validateDecisions(publishedDecisions)).toEqual([]);
  });

  it('is plain data that survives a JSON round trip (it seeds a database table)', () => {
    expect(JSON.parse(JSON.stringify(publishedDecisions))).toEqual(publishedDecisions);
    for (const d of publishedDecisions)
      expect(Object.keys(d).sort()).toEqual(['date', 'kind', 'legalRef', 'occasion', 'reasonEn', 'reasonVi']);
  });

  it('records the two swaps with their working Saturdays', () => {
    const swaps = publishedDecisions.filter((d) => d.kind === 'SWAP_OFF' || d.kind === 'SWAP_WORK').map((d) => `${d.date} ${d.kind}`);
    expect(swaps).toEqual(['2025-04-26 SWAP_WORK', '2025-05-02 SWAP_OFF', '2026-01-02 SWAP_OFF', '2026-01-10 SWAP_WORK']);
  });

  it('leaves 2026 Quốc khánh and 24/11 to the defaults and options', () => {
    expect(publishedDecisions.some((d) => d.date >= '2026-08-01')).toBe(false);
  });
});

describe('validateDecisions', () => {
  const base: HolidayDecision = {
    date: '2027-03-15',
    kind: 'EXTRA_OFF',
    reasonVi: 'Nghỉ',
    reasonEn: 'Off',
    legalRef: 'ref',
  };

  it('reports bad dates, kinds, missing text and duplicates', () => {
    const problems = validateDecisions([
      { ...base, date: '2027-02-30' },
      { ...base, date: '2027-03-17', kind: 'HOLIDAYS' as never },
      { ...base, date: '2027-03-18', reasonEn: ' ' },
      { ...base, date: '2027-03-19', legalRef: '' },
      { ...base, date: '2027-03-16' },
      { ...base, date: '2027-03-16' },
    ]);
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 3, 5]);
    expect(problems[0]!.message).toContain('invalid date');
    expect(problems[4]!.message).toContain('already listed at index 4');
  });

  it('reports swaps on the wrong kind of day', () => {
    const problems = validateDecisions([
      { ...base, date: '2027-03-15', kind: 'SWAP_WORK' }, // a Monday
      { ...base, date: '2027-03-13', kind: 'SWAP_OFF' }, // a Saturday
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'SWAP_WORK on 2027-03-15, which is not a Saturday or Sunday',
      'SWAP_OFF on 2027-03-13, which is already a weekend day',
    ]);
  });

  it('warns when an occasion is named without its holiday, which would drop the default days', () => {
    const problems = validateDecisions([{ ...base, date: '2027-01-02', kind: 'SWAP_WORK', occasion: 'NEW_YEAR' }]);
    expect(problems).toEqual([{ index: 0, message: expect.stringContaining('NEW_YEAR 2027 has decisions but no HOLIDAY') }]);
  });
});
