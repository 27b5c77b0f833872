import { DEMO_AS_OF } from './calendar';
import type { OrgPlan } from './plan-organisations';
import type { TxPlan } from './plan-aid';

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** The day halfway between two dates (no random draw, so the rest of the plan is unchanged). */
const midway = (from: string, to: string) => dateOf(Math.floor((dayNumber(from) + dayNumber(to)) / 2));

/** First and last day a disbursement of `tx`'s item may carry in its year (the span planTransactions draws from). */
function span(tx: TxPlan): [string, string] {
  const from = tx.year === tx.item.firstYear ? tx.item.start : `${tx.year}-01-02`;
  const last = [tx.item.end, `${tx.year}-12-31`, DEMO_AS_OF].sort()[0]!;
  return [from, last < from ? from : last];
}

/**
 * Makes exactly `target.active` organisations disburse between 1 January and `target.asOf` (the part-year figure),
 * by moving disbursement dates within their year and their item's span: the yearly figures (amounts, items,
 * organisations active in the year) do not change. Organisations are taken in plan order, so the result is
 * deterministic.
 * @throws Error when the plan cannot reach the target
 */
export function calibratePartYear(txs: TxPlan[], target: { asOf: string; active: number }): void {
  const year = Number(target.asOf.slice(0, 4));
  const disbursements = txs.filter((t) => t.kind === 'DISBURSEMENT' && t.year === year);
  const byOrg = new Map<OrgPlan, TxPlan[]>();
  for (const tx of disbursements) byOrg.set(tx.item.org, [...(byOrg.get(tx.item.org) ?? []), tx]);
  const orgs = [...byOrg.keys()].sort((a, b) => a.index - b.index);
  const early = (org: OrgPlan) => byOrg.get(org)!.some((t) => t.date <= target.asOf);
  let missing = target.active - orgs.filter(early).length;
  for (const org of orgs) {
    if (missing === 0) break;
    const list = byOrg.get(org)!;
    if (missing > 0 && !early(org)) {
      const movable = list.find((t) => span(t)[0] <= target.asOf);
      if (!movable) continue;
      movable.date = midway(span(movable)[0], target.asOf);
      missing--;
    } else if (missing < 0 && early(org)) {
      const moved = list.filter((t) => t.date <= target.asOf);
      if (!moved.every((t) => span(t)[1] > target.asOf)) continue;
      for (const t of moved) t.date = midway(dateOf(dayNumber(target.asOf) + 1), span(t)[1]);
      missing++;
    }
  }
  if (missing !== 0) throw new Error(`demo plan: cannot make ${target.active} organisations active by ${target.asOf}`);
}
