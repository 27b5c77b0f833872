import { z } from 'zod';
import { indicatorUnits } from '@domain/programme';
import { isoDate } from '@http/primitives';

/** Request and response schemas of the programmes (the contract's `GET /api/public/programmes` included). */
const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{1,30}$/, 'expected an upper-case code such as HEALTH');
const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(1990).max(2100);

export const programmeContent = z.object({
  titleVi: text(500),
  titleEn: text(500),
  decision: z
    .object({ number: text(60), date: isoDate, signer: text(200), effectiveFrom: isoDate.nullable() })
    .nullable()
    .describe('the issuing decision (number as written, e.g. 1225/QĐ-TTg); null for an orientation not yet issued'),
  agreedOn: isoDate.nullable(),
  from: year,
  to: year,
  provisional: z.boolean(),
  goalVi: z.string().trim().max(4000),
  goalEn: z.string().trim().max(4000),
  objectives: z.array(z.object({ code, textVi: text(2000), textEn: text(2000), provisional: z.boolean() })).max(50),
  priorities: z
    .array(
      z.object({
        code,
        nameVi: text(300),
        nameEn: text(300),
        sectorCodes: z.array(z.string().max(20)).max(12),
        provisional: z.boolean(),
      }),
    )
    .max(30),
  principles: z.array(z.object({ code, textVi: text(2000), textEn: text(2000) })).max(30),
  indicators: z
    .array(
      z.object({
        code,
        nameVi: text(300),
        nameEn: text(300),
        target: z
          .string()
          .trim()
          .regex(/^\d{1,15}(\.\d{1,6})?$/, 'expected a decimal string')
          .nullable(),
        unit: z.enum(indicatorUnits),
        provisional: z.boolean(),
      }),
    )
    .max(50),
  agencies: z.array(z.object({ agencyId: z.string().max(40), roleVi: text(500), roleEn: text(500) })).max(50),
  sources: z.array(z.string().trim().max(500)).max(30),
});

export const programmeParams = z.object({ code: z.string().regex(/^[A-Z0-9-]{1,30}$/) });

/** The contract's public item: decision number, period years, priorities and indicators. */
export const publicProgramme = z.object({
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  decision: z.string().nullable().describe('the decision number, e.g. 1225/QĐ-TTg (null: not issued yet)'),
  from: z.number().int(),
  to: z.number().int(),
  provisional: z.boolean(),
  priorities: z.array(
    z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), sectorCodes: z.array(z.string()), provisional: z.boolean() }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      target: z.string().nullable(),
      unit: z.string(),
      provisional: z.boolean(),
    }),
  ),
});

/** A programme in full, with its version (send it back to edit). */
export const programmeDetail = z.object({
  code: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  content: programmeContent,
});
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

export const updateProgrammeBody = z.object({ version: z.number().int().min(1), content: programmeContent });
export type UpdateProgrammeBody = z.infer<typeof updateProgrammeBody>;

export const programmeVersionView = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
  content: programmeContent,
});
