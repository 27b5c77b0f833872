import { z } from 'zod';

const money = z.string().describe('USD, decimal string rounded to cents');
const named = z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() });

/** What the NGO does: the fields and provinces of its certificates in force, each once (names in both languages). */
export const publicProfileActivity = z.object({
  sectors: z.array(named),
  provinces: z.array(named),
});

/** One decision in the history of a certificate: its kind and dates, never a person. */
export const publicProfileDecision = z.object({
  certificateId: z.string(),
  certificateType: z.enum(['GDKHD', 'GDKVPDD', 'GDKVPDA']),
  certificateNumber: z.string(),
  kind: z.enum([
    'ISSUED',
    'AMENDED',
    'SUPPLEMENTED',
    'EXTENDED',
    'REISSUED',
    'SUSPENDED',
    'SUSPENSION_LIFTED',
    'TERMINATED',
    'REVOKED',
    'SELF_TERMINATED',
  ]),
  effectiveDate: z.string(),
  decisionDate: z.string(),
  decisionNumber: z.string(),
});

/** The representative office in Viet Nam (a representative office certificate in force), if any. */
export const publicProfileOffice = z.object({
  certificateNumber: z.string(),
  province: named,
});

/** The NGO's approved aid in Viet Nam, from the statistics (same figures as the dashboard filtered to the NGO). */
export const publicProfileAid = z.object({
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), committedUsd: money, disbursedUsd: money, aidRecords: z.number().int() })),
  bySector: z
    .array(z.object({ code: z.string(), name: z.string(), committedUsd: money, disbursedUsd: money }))
    .describe('the five years together, split by sector shares; in the reader’s language'),
  byProvince: z
    .array(z.object({ id: z.string(), code: z.string(), name: z.string(), committedUsd: money, disbursedUsd: money }))
    .describe('the five years together, by current province (older locations rolled up), split by location shares'),
  items: z
    .array(
      z.object({
        id: z.string(),
        code: z.string(),
        titleVi: z.string(),
        titleEn: z.string().nullable(),
        status: z.string(),
        approvalDate: z.string().nullable(),
        committedUsd: money,
        disbursedUsd: money,
      }),
    )
    .describe('public aid items of the NGO, latest approval first (at most 50), each with a public page'),
});

export type PublicProfileAid = z.infer<typeof publicProfileAid>;
export type PublicProfileDecision = z.infer<typeof publicProfileDecision>;
