import { describe, expect, it } from 'vitest';
import { rankMatches, scoreMatch, type MatchFacts } from './matching';

const none = { sameSectorAndProvince: 0, sameSector: 0, sameProvince: 0 };
const facts = (overrides: Partial<MatchFacts> & { id: string }): MatchFacts => ({
  name: overrides.id,
  certificate: null,
  pastAid: none,
  lastActiveYear: null,
  ...overrides,
});

describe('scoreMatch', () => {
  it('weighs a certificate for the province and the field above one covering only one of them', () => {
    const both = scoreMatch(facts({ id: 'a', certificate: { coversProvince: true, coversSector: true } }), 2026);
    const province = scoreMatch(facts({ id: 'b', certificate: { coversProvince: true, coversSector: false } }), 2026);
    const field = scoreMatch(facts({ id: 'c', certificate: { coversProvince: false, coversSector: true } }), 2026);
    expect(both.reasons.map((r) => r.code)).toEqual(['CERTIFICATE_PROVINCE_AND_FIELD']);
    expect(province.reasons.map((r) => r.code)).toEqual(['CERTIFICATE_PROVINCE']);
    expect(field.reasons.map((r) => r.code)).toEqual(['CERTIFICATE_FIELD']);
    expect(both.score).toBeGreaterThan(province.score);
    expect(province.score).toBe(field.score);
  });

  it('counts past aid in the same sector and province once, caps it, and shows the count', () => {
    const m = scoreMatch(facts({ id: 'a', pastAid: { sameSectorAndProvince: 7, sameSector: 9, sameProvince: 7 } }), 2026);
    expect(m.reasons).toEqual([
      { code: 'PAST_AID_SAME_SECTOR_AND_PROVINCE', points: 30, count: 7 },
      { code: 'PAST_AID_SAME_SECTOR', points: 4, count: 2 },
    ]);
    expect(m.score).toBe(34);
  });

  it('rewards activity in the current or last year more than two years ago, and nothing older', () => {
    expect(scoreMatch(facts({ id: 'a', lastActiveYear: 2025 }), 2026).reasons).toEqual([
      { code: 'ACTIVE_RECENTLY', points: 15, year: 2025 },
    ]);
    expect(scoreMatch(facts({ id: 'a', lastActiveYear: 2024 }), 2026).reasons[0]!.code).toBe('ACTIVE_TWO_YEARS_AGO');
    expect(scoreMatch(facts({ id: 'a', lastActiveYear: 2023 }), 2026).score).toBe(0);
  });
});

describe('rankMatches', () => {
  it('orders by score, then name, drops candidates with nothing in common, and keeps the limit', () => {
    const ranked = rankMatches(
      [
        facts({ id: 'z', name: 'Zeta', lastActiveYear: 2026 }),
        facts({ id: 'x', name: 'Nothing' }),
        facts({ id: 'b', name: 'Beta', certificate: { coversProvince: true, coversSector: true } }),
        facts({ id: 'a', name: 'Alpha', lastActiveYear: 2026 }),
      ],
      2026,
      2,
    );
    expect(ranked.map((m) => m.id)).toEqual(['b', 'a']);
    expect(rankMatches([facts({ id: 'x' })], 2026)).toEqual([]);
  });
});
