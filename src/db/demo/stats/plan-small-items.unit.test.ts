import { describe, expect, it } from 'vitest';
import { CAO_BANG, SEED } from './calendar';
import { assignPlaces, chooseCaoBang, planItems } from './plan-aid';
import { planOrganisations, type ProvinceRef } from './plan-organisations';
import { planSmallItems } from './plan-small-items';
import { Prng } from './prng';

const provinces: ProvinceRef[] = Array.from({ length: 63 }, (_, i) => {
  const code = String(i + 1).padStart(2, '0');
  return { id: `old63:${code}`, scheme: 'old63', nameVi: code, nameEn: code, region: 'DBSH', rollsUpTo: `new34:${code}` };
});

/** The plan as generate.ts makes it, the small items with their own generator after the main plan's places. */
function plan() {
  const rng = new Prng(SEED);
  const orgs = planOrganisations(rng, { id: 'demo' }, provinces);
  const items = planItems(rng, orgs);
  chooseCaoBang(rng, items);
  assignPlaces(rng, items, provinces);
  const small = planSmallItems(items);
  assignPlaces(small.rng, small.items, provinces);
  // The main generator's next draw (planTransactions, certificates, reports… come next in generate.ts).
  const afterMain = rng.next();
  return { items, small: small.items, afterMain };
}

describe('small one-year demo items of 2020–2022', () => {
  it('lie inside an item of the same organisation and year, so no organisation is active where it was not', () => {
    const { items, small } = plan();
    expect(small.length).toBeGreaterThan(3000);
    for (const s of small) {
      expect([2020, 2021, 2022]).toContain(s.firstYear);
      expect(s.lastYear).toBe(s.firstYear);
      expect(s.start <= s.end && s.start.slice(0, 4) === String(s.firstYear)).toBe(true);
      const base = items.find((i) => i.org === s.org && i.start <= s.start && i.end >= s.end);
      expect(base, s.code).toBeDefined();
    }
    expect(new Set(small.map((s) => s.code)).size).toBe(small.length);
  });

  it('never lands in Cao Bằng in 2022 (its 28 items stay exact) and leaves the main plan’s random sequence as it was', () => {
    const a = plan();
    expect(a.small.filter((s) => s.firstYear === 2022 && s.locations.some((l) => l.code === CAO_BANG.old))).toEqual([]);
    const rng = new Prng(SEED);
    const orgs = planOrganisations(rng, { id: 'demo' }, provinces);
    const items = planItems(rng, orgs);
    chooseCaoBang(rng, items);
    assignPlaces(rng, items, provinces);
    expect(rng.next()).toBe(a.afterMain);
    expect(plan().small.map((s) => s.id)).toEqual(a.small.map((s) => s.id));
  });
});
