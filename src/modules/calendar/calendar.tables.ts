import type { Generated } from 'kysely';
import type { CalendarEntryKind, HolidayOccasion } from '@domain/calendar';

/** A Prime Minister's decision about one day, entered by an administrator (migration 20261123150000). */
export type HolidayDecisionTable = {
  id: Generated<string>;
  date: string;
  kind: CalendarEntryKind;
  occasion: HolidayOccasion | null;
  reason_vi: string;
  reason_en: string;
  legal_ref: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

/** The single row of calendar options. */
export type CalendarSettingsTable = {
  id: Generated<boolean>;
  culture_day_from_year: number | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

/** The calendar module's tables, joined into the Database type in src/db/types.ts. */
export type CalendarTables = {
  holiday_decisions: HolidayDecisionTable;
  calendar_settings: CalendarSettingsTable;
};
