import { describe, expect, it } from 'vitest';
import { ACTIVE_TARGETS, AID_YEARS, CAO_BANG, referenceDay, SEED } from './calendar';
import { assignPlaces, chooseCaoBang, planItems } from './plan-aid';
import { planOrganisations, type ProvinceRef } from './plan-organisations';
import { addYears, Prng } from './prng';

const provinces: ProvinceRef[] = Array.from({ length: 63 }, (_, i) => {
  const code = String(i + 1).padStart(2, '0');
  return {
    id: `old63:${code}`,
    scheme: 'old63',
    nameVi: code,
    nameEn: code,
    region: i % 2 ? 'TDMNPB' : 'DBSH',
    rollsUpTo: `new34:${code}`,
  };
});
const plan = () => {
  const rng = new Prng(SEED);
  const orgs = planOrganisations(rng, { id: 'demo' }, provinces);
  const items = planItems(rng, orgs);
  chooseCaoBang(rng, items);
  assignPlaces(rng, items, provinces);
  return { orgs, items };
};

describe('demo plan', () => {
  it('is deterministic', () => {
    const a = plan();
    const b = plan();
    expect(a.items.map((i) => i.id)).toEqual(b.items.map((i) => i.id));
    expect(new Prng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes exactly the target number of organisations active each year, all registered at the year end', () => {
    const { orgs } = plan();
    for (const year of AID_YEARS) {
      const active = orgs.filter((o) => o.activeYears.has(year));
      expect(active).toHaveLength(ACTIVE_TARGETS[year]!);
      const day = referenceDay(year);
      expect(active.every((o) => o.regStart <= day && (o.regEnd === null || o.regEnd > day))).toBe(true);
    }
  });

  it('gives every active organisation aid in each of its active years, and Cao Bằng 28 items of 14 NGOs in 2022', () => {
    const { orgs, items } = plan();
    for (const org of orgs) {
      for (const year of org.activeYears) expect(items.some((i) => i.org === org && i.firstYear <= year && i.lastYear >= year)).toBe(true);
    }
    const caoBang2022 = items.filter((i) => i.firstYear <= 2022 && i.lastYear >= 2022 && i.locations.some((l) => l.code === CAO_BANG.old));
    expect(caoBang2022).toHaveLength(28);
    expect(new Set(caoBang2022.map((i) => i.org)).size).toBe(14);
    expect(items.length).toBeGreaterThan(5000);
    expect(items.length).toBeLessThan(7000);
  });

  it('adds years as the Civil Code counts them', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2023-01-10', 3)).toBe('2026-01-10');
  });
});
