/**
 * Reading an aid item's plans as its publisher gave them: budgets, planned disbursements and the exact DAC sector
 * codes (issue 16 #4, #7), in the aid page's scope.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@db/types';
import type { Actor } from '@modules/auth/actor';
import { findVisibleAidItem } from '@modules/aid/aid-items.detail';
import type { PublishedFlowOrg } from './iati.tables';

const kind = z.enum(['ORIGINAL', 'REVISED']);
const money = {
  periodStart: z.string(),
  amount: z.string().describe("Viet Nam's share, in the budget's currency (decimal string)"),
  publishedAmount: z.string().describe("the publisher's figure for the whole activity"),
  currency: z.string(),
  valueDate: z.string(),
  amountUsd: z.string().nullable().describe('converted at the rate of the value date, to the cent; null without a rate'),
};

/** The budgets view of an aid item: plans, counted in no figure. */
export const aidBudgetsView = z.object({
  budgets: z.array(z.object({ type: kind, status: z.enum(['INDICATIVE', 'COMMITTED']), periodEnd: z.string(), ...money })),
  plannedDisbursements: z.array(
    z.object({
      type: kind.nullable(),
      periodEnd: z.string().nullable(),
      provider: z.string().nullable(),
      receiver: z.string().nullable(),
      ...money,
    }),
  ),
  sectorCodes: z.array(z.object({ vocabulary: z.enum(['1', '2']), code: z.string(), sectorCode: z.string(), share: z.string() })),
});
export type AidBudgetsView = z.infer<typeof aidBudgetsView>;

const orgName = (o: PublishedFlowOrg | null): string | null =>
  o ? (o.name?.vi ?? o.name?.en ?? Object.values(o.name?.other ?? {})[0] ?? o.ref ?? null) : null;

/**
 * The budgets, planned disbursements and exact DAC codes of an aid item the actor may see (the aid page's scope).
 * @returns undefined when the item does not exist or lies outside the actor's scope
 */
export async function readAidBudgets(db: Kysely<Database>, actor: Actor, id: string): Promise<AidBudgetsView | undefined> {
  if (!(await findVisibleAidItem(db, actor, id))) return undefined;
  const common = [
    sql<string>`period_start::text`.as('periodStart'),
    sql<string>`amount::text`.as('amount'),
    sql<string>`published_amount::text`.as('publishedAmount'),
    'currency',
    sql<string>`value_date::text`.as('valueDate'),
    sql<string | null>`round(amount_usd, 2)::text`.as('amountUsd'),
  ] as const;
  const [budgets, planned, codes] = await Promise.all([
    db
      .selectFrom('aid_budgets')
      .select([...common, 'budget_type as type', 'budget_status as status', sql<string>`period_end::text`.as('periodEnd')])
      .where('aid_item_id', '=', id)
      .orderBy('period_start')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('aid_planned_disbursements')
      .select([
        ...common,
        'budget_type as type',
        sql<string | null>`period_end::text`.as('periodEnd'),
        sql<PublishedFlowOrg | null>`provider`.as('provider'),
        sql<PublishedFlowOrg | null>`receiver`.as('receiver'),
      ])
      .where('aid_item_id', '=', id)
      .orderBy('period_start')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('aid_sector_codes')
      .select(['vocabulary', 'code', 'sector_code as sectorCode', sql<string>`share::text`.as('share')])
      .where('aid_item_id', '=', id)
      .orderBy('vocabulary')
      .orderBy('share', 'desc')
      .orderBy('code')
      .execute(),
  ]);
  return {
    budgets,
    plannedDisbursements: planned.map((p) => ({ ...p, provider: orgName(p.provider), receiver: orgName(p.receiver) })),
    sectorCodes: codes,
  };
}
