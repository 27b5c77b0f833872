import type { Selectable, Transaction } from 'kysely';
import type { CalendarEntry } from '@domain/calendar';
import type { Database } from '@db/types';
import type { HolidayDecisionTable } from './calendar.tables';
import type { Db } from '@db/transaction';

export type HolidayDecisionRow = Selectable<HolidayDecisionTable>;

/** A stored decision as the calendar domain reads it. */
export const toEntry = (row: HolidayDecisionRow): CalendarEntry => ({
  date: row.date,
  kind: row.kind,
  occasion: row.occasion,
  reasonVi: row.reason_vi,
  reasonEn: row.reason_en,
  legalRef: row.legal_ref,
});

/** Every stored decision, by date. */
export const allDecisions = (db: Db) => db.selectFrom('holiday_decisions').selectAll().orderBy('date').execute();

/** Decisions of one Gregorian year, by date. */
export const decisionsOfYear = (db: Db, year: number) =>
  db
    .selectFrom('holiday_decisions')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();

/** One decision, locked for an update in the same transaction. */
export const lockDecision = (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('holiday_decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The calendar options row. */
export const readSettings = (db: Db) => db.selectFrom('calendar_settings').selectAll().executeTakeFirstOrThrow();
