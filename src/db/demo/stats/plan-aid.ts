import { sectorWeights, titles } from './catalogue';
import { CAO_BANG, D313_FROM, D80_FROM, DEMO_AS_OF, NEW_PROVINCES_FROM } from './calendar';
import { activeRuns, type OrgPlan, type ProvinceRef } from './plan-organisations';
import { addDays, dateBetween, type Prng } from './prng';

export type Share = { code: string; share: string };
export type ItemPlan = {
  id: string;
  code: string;
  org: OrgPlan;
  firstYear: number;
  lastYear: number;
  start: string;
  end: string;
  approvalDate: string;
  size: number;
  locations: Share[];
  sectors: Share[];
  /** Located in Cao Bằng alone (the province whose 2021–2022 figures are calibrated). */
  caoBang: boolean;
  /** The generator of this item's own random choices, when not the plan's (items added later: plan-small-items). */
  draws?: Prng;
};
export type TxPlan = { item: ItemPlan; kind: 'COMMITMENT' | 'DISBURSEMENT'; date: string; year: number; weight: number };

const SPLITS: Record<number, string[][]> = {
  1: [['100']],
  2: [
    ['50', '50'],
    ['60', '40'],
    ['70', '30'],
  ],
  3: [
    ['40', '30', '30'],
    ['33.33', '33.33', '33.34'],
    ['50', '25', '25'],
  ],
};

const durationWeights = [
  { value: 1, weight: 15 },
  { value: 2, weight: 30 },
  { value: 3, weight: 35 },
  { value: 4, weight: 20 },
];

/** Aid items tile each organisation's active years on `size` parallel tracks, so it disburses in each of them. */
export function planItems(rng: Prng, orgs: readonly OrgPlan[]): ItemPlan[] {
  const items: ItemPlan[] = [];
  for (const org of orgs) {
    for (const [runStart, runEnd] of activeRuns(org)) {
      for (let track = 0; track < org.size; track++) {
        let year = runStart;
        while (year <= runEnd) {
          const lastYear = Math.min(runEnd, year + rng.weighted(durationWeights) - 1);
          const earliest = year === runStart ? (org.regStart > `${year}-01-02` ? org.regStart : `${year}-01-02`) : `${year}-01-02`;
          const latestStart = year === 2026 ? addDays(DEMO_AS_OF, -25) : year === runStart ? `${year}-09-30` : `${year}-03-31`;
          const start = dateBetween(rng, earliest, latestStart < earliest ? earliest : latestStart);
          const end =
            lastYear === year
              ? dateBetween(rng, addDays(start, 20) > `${year}-12-31` ? `${year}-12-31` : addDays(start, 20), `${year}-12-31`)
              : dateBetween(rng, `${lastYear}-06-30`, `${lastYear}-12-31`);
          items.push({
            id: rng.uuid(),
            code: `VT-${year}-${String(items.length + 1).padStart(5, '0')}`,
            org,
            firstYear: year,
            lastYear,
            start,
            end,
            approvalDate: addDays(start, -rng.int(20, 90)),
            size: org.size * rng.logNormal(0.5),
            locations: [],
            sectors: [],
            caoBang: false,
          });
          year = lastYear + 1;
        }
      }
    }
  }
  return items;
}

/** Picks the 28 Cao Bằng aid items of 2022: two items of each of 14 NGOs active that year. */
export function chooseCaoBang(rng: Prng, items: ItemPlan[]): void {
  const covering = new Map<OrgPlan, ItemPlan[]>();
  for (const item of items) {
    if (item.firstYear <= 2022 && item.lastYear >= 2022) covering.set(item.org, [...(covering.get(item.org) ?? []), item]);
  }
  const candidates = rng.shuffle([...covering.entries()].filter(([org, list]) => list.length >= 2 && !org.existing && org.size <= 5));
  const pairs = CAO_BANG.items2022 / CAO_BANG.organisations2022;
  for (const [org, list] of candidates.slice(0, CAO_BANG.organisations2022)) {
    for (const item of rng.shuffle(list).slice(0, pairs)) item.caoBang = true;
    if (!org.homeProvinces.includes(CAO_BANG.old)) org.homeProvinces.push(CAO_BANG.old);
  }
}

/** Locations (old codes before 01/07/2025, current codes after) and sectors with shares adding up to 100. */
export function assignPlaces(rng: Prng, items: ItemPlan[], provinces: readonly ProvinceRef[]): void {
  const old = provinces.filter((p) => p.scheme === 'old63');
  const rollsUp = new Map(provinces.map((p) => [p.id, p.rollsUpTo]));
  for (const item of items) {
    const covers2022 = item.firstYear <= 2022 && item.lastYear >= 2022;
    if (item.caoBang) {
      item.locations = [{ code: CAO_BANG.old, share: '100' }];
    } else {
      const count = rng.weighted([
        { value: 1, weight: 60 },
        { value: 2, weight: 25 },
        { value: 3, weight: 15 },
      ]);
      // Cao Bằng only ever appears alone, and never among the other aid of 2022, so its figures stay exact.
      const allowCaoBang = count === 1 && !covers2022;
      const chosen = new Set<string>();
      for (let guard = 0; chosen.size < count && guard < 50; guard++) {
        const id = rng.chance(0.8) ? rng.pick(item.org.homeProvinces) : rng.pick(old).id;
        if (id === CAO_BANG.old && !allowCaoBang) continue;
        chosen.add(id);
      }
      const ids = [...chosen];
      const split = rng.pick(SPLITS[ids.length]!);
      item.locations = ids.map((code, i) => ({ code, share: split[i]! }));
    }
    if (item.start >= NEW_PROVINCES_FROM) item.locations = rollUpLocations(item.locations, rollsUp);
    const sectorCount = rng.chance(0.35) ? 2 : 1;
    const codes = new Set<string>([rng.pick(item.org.sectors)]);
    while (codes.size < sectorCount) codes.add(rng.weighted(sectorWeights));
    const split = rng.pick(SPLITS[codes.size]!);
    item.sectors = [...codes].map((code, i) => ({ code, share: split[i]! }));
  }
}

function rollUpLocations(locations: Share[], rollsUp: Map<string, string>): Share[] {
  const merged = new Map<string, number>();
  for (const l of locations) {
    const id = rollsUp.get(l.code) ?? l.code;
    merged.set(id, (merged.get(id) ?? 0) + Math.round(Number(l.share) * 100));
  }
  return [...merged.entries()].map(([code, hundredths]) => ({ code, share: (hundredths / 100).toFixed(2) }));
}

/** One commitment per item-year and 1–3 disbursements, with relative weights the calibration scales. */
export function planTransactions(rng: Prng, items: readonly ItemPlan[]): TxPlan[] {
  const txs: TxPlan[] = [];
  for (const item of items) {
    for (let year = item.firstYear; year <= item.lastYear; year++) {
      const from = year === item.firstYear ? item.start : `${year}-01-02`;
      const lastDay = [item.end, `${year}-12-31`, DEMO_AS_OF].sort()[0]!;
      const to = lastDay < from ? from : lastDay;
      const commitment = item.size * (0.9 + 0.4 * rng.next());
      txs.push({
        item,
        kind: 'COMMITMENT',
        date: year === item.firstYear ? item.start : dateBetween(rng, from, addDays(from, 40) < to ? addDays(from, 40) : to),
        year,
        weight: commitment,
      });
      const n = rng.int(1, item.size > 4 ? 3 : 2);
      for (let i = 0; i < n; i++) {
        txs.push({
          item,
          kind: 'DISBURSEMENT',
          date: dateBetween(rng, from, to),
          year,
          weight: (commitment * (0.6 + 0.35 * rng.next())) / n,
        });
      }
    }
  }
  return txs;
}

/** Title, governing basis and legal basis of an aid item. */
export function describeItem(rng: Prng, item: ItemPlan, provinceName: (id: string) => { vi: string; en: string }) {
  const sector = item.sectors[0]!.code;
  const [vi, en] = rng.pick(titles[sector] ?? titles.XH!);
  const place = item.locations.length === 1 ? provinceName(item.locations[0]!.code) : { vi: 'nhiều tỉnh', en: 'several provinces' };
  const legalBasis = item.approvalDate >= D313_FROM ? 'D313_2025' : item.approvalDate >= D80_FROM ? 'D80_2020' : 'D93_2009';
  return { titleVi: vi.replace('{p}', place.vi), titleEn: en.replace('{p}', place.en), legalBasis } as const;
}
