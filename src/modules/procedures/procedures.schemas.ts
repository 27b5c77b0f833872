import { z } from 'zod';
import type { ProcedureVersion } from '@domain/procedures';
import { isoDate } from '@modules/calendar/calendar.schemas';

const deadline = z.object({
  days: z.number().int(),
  unit: z.enum(['WORKING', 'CALENDAR']),
  anchor: z.string(),
  direction: z.enum(['AFTER', 'BEFORE']),
});

export const procedureVersionView = z.object({
  code: z.string(),
  versionId: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  legalDocument: z.string(),
  legalRefs: z.array(z.string()),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  provisional: z.boolean(),
  inForce: z.boolean(),
  overallLimit: deadline.nullable(),
  copies: z.number().int(),
  steps: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      role: z.string(),
      deadline: deadline.nullable(),
      legalRef: z.string(),
      noteVi: z.string().nullable(),
      noteEn: z.string().nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      required: z.boolean(),
      oneOf: z.string().nullable(),
      conditionVi: z.string().nullable(),
      conditionEn: z.string().nullable(),
    }),
  ),
  consultation: z.record(z.string(), z.array(z.record(z.string(), z.string()))).nullable(),
  parameters: z.record(z.string(), z.number()),
  override: z.object({ version: z.number().int(), legalNote: z.string().nullable(), updatedAt: z.string() }).nullable(),
});
export type ProcedureVersionView = z.infer<typeof procedureVersionView>;

export const catalogueQuery = z.object({ date: isoDate.optional(), all: z.enum(['true', 'false']).default('false') });

export const overrideBody = z.object({
  version: z.number().int(),
  overallLimitDays: z.number().int().positive().max(3650).optional(),
  stepDeadlineDays: z.record(z.string(), z.number().int().positive().max(3650)).optional(),
  parameters: z.record(z.string(), z.number().nonnegative()).optional(),
  legalNote: z.string().trim().max(2000).nullable().optional(),
});

/** A procedure version as the catalogue shows it. */
/** A required document of a procedure as the API shows it (catalogue and dossier checklist). */
export const presentDocument = (d: ProcedureVersion['documents'][number]) => ({
  code: d.code,
  nameVi: d.name.vi,
  nameEn: d.name.en,
  required: d.required,
  oneOf: d.oneOf ?? null,
  conditionVi: d.condition?.vi ?? null,
  conditionEn: d.condition?.en ?? null,
});

export function presentVersion(v: ProcedureVersion, date: string, override: ProcedureVersionView['override']): ProcedureVersionView {
  return {
    code: v.code,
    versionId: v.versionId,
    nameVi: v.name.vi,
    nameEn: v.name.en,
    legalDocument: v.legalDocument,
    legalRefs: [...v.legalRefs],
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    provisional: v.provisional,
    inForce: v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo),
    overallLimit: v.overallLimit ? { ...v.overallLimit } : null,
    copies: v.copies,
    steps: v.steps.map((s) => ({
      code: s.code,
      nameVi: s.name.vi,
      nameEn: s.name.en,
      role: s.role,
      deadline: s.deadline ? { ...s.deadline } : null,
      legalRef: s.legalRef,
      noteVi: s.note?.vi ?? null,
      noteEn: s.note?.en ?? null,
    })),
    documents: v.documents.map(presentDocument),
    consultation: v.consultation
      ? Object.fromEntries(
          Object.entries(v.consultation).map(([variant, entries]) => [
            variant,
            entries.map((e): Record<string, string> =>
              e.kind === 'FIXED' ? { kind: e.kind, agency: e.agency, when: e.when } : { kind: e.kind, source: e.source, when: e.when },
            ),
          ]),
        )
      : null,
    parameters: { ...v.parameters },
    override,
  };
}
