import { z } from 'zod';
import { indicatorUnits } from '@domain/programme';

/** Request and response schemas of the Programme review reports (mid-term, final, any period of years). */
const year = z.coerce.number().int().min(2000).max(2100);
const money = z.string().describe('USD, decimal string with two decimals');
const part = { committedUsd: money, disbursedUsd: money, aidRecords: z.number().int() };
const counted = { ...part, organisations: z.number().int() };

/** The longest period a review covers (a programme runs 5–7 years; three decades is already more than any review). */
export const MAX_REVIEW_YEARS = 30;

export const reviewQuery = z
  .object({
    from: year,
    to: year,
    programme: z
      .string()
      .regex(/^[A-Z0-9-]{1,30}$/)
      .optional()
      .describe('programme code; by default the one in force in the last year'),
  })
  .refine((q) => q.to - q.from < MAX_REVIEW_YEARS, { message: `at most ${MAX_REVIEW_YEARS} years`, path: ['to'] });
export type ReviewQuery = z.infer<typeof reviewQuery>;

const regionList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), ...counted })),
  unallocated: z.object(counted),
});

export const reviewView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  kind: z.enum(['mid_term', 'final', 'period']).describe("mid-term or final review of the programme, or another period's"),
  programme: z.object({
    code: z.string(),
    titleVi: z.string(),
    titleEn: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    provisional: z.boolean(),
  }),
  totals: z.object({
    committedUsd: money,
    disbursedUsd: money,
    aidRecords: z.number().int().describe('item-years summed over the period, as the period summary counts them'),
    activeOrganisations: z.number().int().describe('regularly active NGOs, each counted once over the period'),
    registeredOrganisations: z.number().int().nullable(),
    referenceDate: z.string(),
  }),
  priorities: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      sectorCodes: z.array(z.string()),
      sectorNames: z.array(z.string()).describe('the sectors in the request language'),
      shared: z.boolean(),
      ...counted,
    }),
  ),
  outsidePriorities: z.object({ committedUsd: money, disbursedUsd: money }),
  provinces: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), region: z.string(), ...counted })),
  provincesUnallocated: z.object(part),
  regions: z.object({ current: regionList, historic: regionList }),
  indicators: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      target: z.string().nullable(),
      unit: z.enum(indicatorUnits),
      provisional: z.boolean(),
      achieved: z.string().nullable().describe('null: not measured by vnaid'),
      basis: z.enum(['mean_yearly_disbursed', 'total_disbursed', 'active_last_year', 'not_measured']),
    }),
  ),
  synthetic: z.boolean(),
});
