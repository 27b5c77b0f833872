import { z } from 'zod';
import { CALENDAR_ENTRY_KINDS, HOLIDAY_OCCASIONS } from '@domain/calendar';
import { isoDate } from '@http/primitives';
import { CALENDAR_FROM_YEAR, CALENDAR_TO_YEAR } from './calendar.service';

/** The shared date primitive (src/http/primitives.ts), re-exported for the modules that import it from here. */
export { isoDate };

const year = z.coerce.number().int().min(CALENDAR_FROM_YEAR).max(CALENDAR_TO_YEAR);

export const nonWorkingDaysQuery = z.object({ year });
export const nonWorkingDaysView = z.object({
  year: z.number().int(),
  days: z.array(
    z.object({
      date: z.string(),
      reason: z.string(),
      kind: z.enum(['HOLIDAY', 'COMPENSATORY', 'SWAP_OFF', 'EXTRA_OFF', 'WEEKEND']),
      legalRef: z.string(),
    }),
  ),
});

export const addWorkingDaysQuery = z.object({
  from: isoDate,
  days: z.coerce.number().int().min(-3650).max(3650),
});
export const addWorkingDaysView = z.object({ date: z.string() });

const kind = z.enum(CALENDAR_ENTRY_KINDS as unknown as ['HOLIDAY', 'COMPENSATORY', 'SWAP_OFF', 'SWAP_WORK', 'EXTRA_OFF']);
const occasion = z.enum(
  HOLIDAY_OCCASIONS as unknown as ['NEW_YEAR', 'LUNAR_NEW_YEAR', 'HUNG_KINGS', 'VICTORY_DAY', 'LABOUR_DAY', 'NATIONAL_DAY', 'CULTURE_DAY'],
);

export const decisionView = z.object({
  id: z.string(),
  date: z.string(),
  kind,
  occasion: occasion.nullable(),
  reasonVi: z.string(),
  reasonEn: z.string(),
  legalRef: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const listDecisionsQuery = z.object({ year: year.optional() });

const text = z.string().trim().min(1).max(500);
export const createDecisionBody = z.object({
  date: isoDate,
  kind,
  occasion: occasion.nullable().optional(),
  reasonVi: text,
  reasonEn: text,
  legalRef: text,
});
export type CreateDecisionBody = z.infer<typeof createDecisionBody>;

export const updateDecisionBody = createDecisionBody.partial().extend({ version: z.number().int() });
export type UpdateDecisionBody = z.infer<typeof updateDecisionBody>;

export const deleteDecisionQuery = z.object({ version: z.coerce.number().int() });

export const settingsView = z.object({ cultureDayFromYear: z.number().int().nullable(), version: z.number().int() });
export const updateSettingsBody = z.object({ cultureDayFromYear: year.nullable(), version: z.number().int() });
