import { z } from 'zod';
import { programmeReportActions, programmeReportStatuses } from '@domain/programme';

/** Request and response schemas of the yearly Programme reports and the who-has-not-reported list. */
const money = z.string().describe('USD, decimal string with two decimals');
const moneyPair = { committedUsd: money, disbursedUsd: money };
const year = z.coerce.number().int().min(2000).max(2100);

/**
 * What the registry says of a reporter's year: its aid by priority field of the programme in force (through the
 * priority → sector mapping), the totals, and the counts of aid items and NGOs. Frozen into the report when it is
 * submitted; computed afresh while it is a draft.
 */
export const programmeReportFigures = z.object({
  programmeCode: z.string(),
  computedOn: z.string().describe('Vietnam date the figures were read from the registry'),
  ...moneyPair,
  aidRecords: z.number().int().describe('aid items of the scope with money in the year'),
  organisations: z.number().int().describe('foreign NGOs giving that aid'),
  activeOrganisations: z.number().int().describe('regularly active NGOs of the scope (statistics definition)'),
  priorities: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      sectorCodes: z.array(z.string()),
      shared: z.boolean().describe('a sector also belongs to another priority: the rows overlap'),
      ...moneyPair,
    }),
  ),
  outside: z.object(moneyPair).describe('sectors no priority names and aid without a sector'),
});
export type ProgrammeReportFigures = z.infer<typeof programmeReportFigures>;

export const programmeReportParams = z.object({ year, agencyId: z.string().min(1).max(60) });
export const yearQuery = z.object({ year });

const text = z.string().trim().max(8000);
export const saveProgrammeReportBody = z.object({
  version: z.number().int().min(0).describe('the version read (0 for a report not started yet)'),
  difficulties: text,
  proposals: text,
});
export type SaveProgrammeReportBody = z.infer<typeof saveProgrammeReportBody>;

export const submitProgrammeReportBody = z.object({ version: z.number().int().min(0) });
export const returnProgrammeReportBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(4000).describe('what to change, shown to the reporter'),
});

export const programmeReportView = z.object({
  id: z.string().nullable(),
  agencyId: z.string(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  agencyKind: z.enum(['MINISTRY', 'PROVINCE']),
  year: z.number().int(),
  programmeCode: z.string(),
  status: z.enum(['NOT_STARTED', ...programmeReportStatuses]),
  dueDate: z.string(),
  overdue: z.boolean(),
  difficulties: z.string(),
  proposals: z.string(),
  figures: programmeReportFigures,
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  version: z.number().int().describe('0 while not started'),
  actions: z.array(z.enum(programmeReportActions)),
  synthetic: z.boolean(),
});
export type ProgrammeReportView = z.infer<typeof programmeReportView>;

export const reportingStatusView = z.object({
  year: z.number().int(),
  dueDate: z.string(),
  dueBasis: z.string(),
  counts: z.object({
    expected: z.number().int(),
    notStarted: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    returned: z.number().int(),
  }),
  items: z.array(
    z.object({
      agencyId: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      kind: z.enum(['MINISTRY', 'PROVINCE']),
      status: z.enum(['NOT_STARTED', ...programmeReportStatuses]),
      overdue: z.boolean(),
      submittedAt: z.string().nullable(),
      lastRemindedAt: z.string().nullable(),
      reminders: z.number().int(),
    }),
  ),
});

export const reminderView = z.object({ agencyId: z.string(), year: z.number().int(), notified: z.number().int() });
