import type { ItemPlan } from './plan-aid';
import { addDays, dateBetween, Prng } from './prng';

/** The span the mid-term review counted "more than 5,000 projects and aid items" in (domain.md §4). */
export const SMALL_ITEM_YEARS = [2020, 2021, 2022] as const;
/** Seed of the small items' own generator (see {@link planSmallItems}). */
const SMALL_ITEMS_SEED = 20_202_022;

/**
 * Small one-year aid items (equipment, scholarships, relief packages) of the organisations already active in
 * 2020–2022, 1 to 4 per organisation and year, so that more than 5,000 aid items are active in 2020–2022 as the
 * Programme's mid-term review reported. Each lies inside the span of one of its organisation's items of that year,
 * so no organisation becomes active in a year, or registered, where it was not. The yearly totals do not move:
 * their transactions join the calibration groups of their year. The items draw from a generator of their own
 * (`draws`), so every other random choice of the demo plan — and the figures calibrated on it — stays as it was.
 */
export function planSmallItems(items: readonly ItemPlan[]): { items: ItemPlan[]; rng: Prng } {
  const rng = new Prng(SMALL_ITEMS_SEED);
  const out: ItemPlan[] = [];
  for (const year of SMALL_ITEM_YEARS) {
    const covering = new Map<ItemPlan['org'], ItemPlan[]>();
    for (const item of items)
      if (item.firstYear <= year && item.lastYear >= year) covering.set(item.org, [...(covering.get(item.org) ?? []), item]);
    const orgs = [...covering.keys()].sort((a, b) => a.index - b.index);
    for (const org of orgs) {
      const count = rng.int(1, 4);
      for (let i = 0; i < count; i++) {
        const base = rng.pick(covering.get(org)!);
        const from = base.start > `${year}-01-02` ? base.start : `${year}-01-02`;
        const to = base.end < `${year}-12-31` ? base.end : `${year}-12-31`;
        const start = dateBetween(rng, from, addDays(from, 60) < to ? addDays(from, 60) : to);
        out.push({
          id: rng.uuid(),
          code: `VT-${year}-N${String(out.length + 1).padStart(4, '0')}`,
          org,
          firstYear: year,
          lastYear: year,
          start,
          end: dateBetween(rng, addDays(start, 14) < to ? addDays(start, 14) : to, to),
          approvalDate: addDays(start, -rng.int(15, 60)),
          size: org.size * 0.2 * rng.logNormal(0.5),
          locations: [],
          sectors: [],
          caoBang: false,
          draws: rng,
        });
      }
    }
  }
  return { items: out, rng };
}
