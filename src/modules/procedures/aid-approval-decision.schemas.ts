/**
 * The body of an aid approval decision's content (D80 Art. 11; see src/domain/procedures/aid-decision-content.ts).
 * Money as decimal strings, dates as Vietnam dates (YYYY-MM-DD), province ids as in the reference data.
 */
import { z } from 'zod';
import { amountString } from '@modules/aid/aid-items.schemas';
import { isoDate } from '@modules/calendar/calendar.schemas';

const text = (max: number) => z.string().trim().min(1).max(max);

export const aidDecisionContentBody = z
  .object({
    aidName: text(500),
    donor: text(500),
    aidOwner: text(500),
    objectives: text(4000),
    inKind: z.boolean().default(false),
    goods: z
      .array(z.object({ name: text(300), quantity: amountString, unit: text(40), value: amountString.nullable().optional() }).strict())
      .max(200)
      .default([]),
    value: z.object({ amount: amountString, currency: z.string().trim().length(3).toUpperCase() }).strict(),
    counterpart: z
      .object({ amount: amountString, source: text(500) })
      .strict()
      .nullable()
      .default(null),
    financialMechanism: z.object({ budgetRevenue: z.boolean(), note: z.string().trim().max(2000).nullable().optional() }).strict(),
    implementation: z.object({ from: isoDate, to: isoDate }).strict(),
    location: z
      .object({
        provinceIds: z
          .array(z.string().regex(/^(new34|old63):\d{2}$/))
          .min(1)
          .max(80),
        text: z.string().trim().max(1000).nullable().optional(),
      })
      .strict(),
  })
  .strict()
  .describe('aid approval: the decision content Decree 80 Art. 11 lists');
export type AidDecisionContentBody = z.infer<typeof aidDecisionContentBody>;
