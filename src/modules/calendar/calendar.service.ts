import { sql, type Kysely, type Transaction } from 'kysely';
import { buildCalendar, validateDecisions, type WorkingCalendar } from '@domain/calendar';
import type { Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { allDecisions, decisionsOfYear, lockDecision, readSettings, toEntry, type HolidayDecisionRow } from './calendar.repository';
import type { CreateDecisionBody, DecisionView, UpdateDecisionBody } from './calendar.schemas';

/** Years the built calendar covers; requests outside are refused (400) rather than guessed. */
export const CALENDAR_FROM_YEAR = 1990;
export const CALENDAR_TO_YEAR = 2100;

/**
 * One built calendar per database handle. Building takes ~0.1 s (lunar dates of 111 years), so it is kept until an
 * administrator changes a decision or a setting; the write invalidates it after commit. Keyed by the Kysely
 * instance so each test database (and each process) has its own. Another process may change a decision too, so a
 * calendar older than {@link RECHECK_MS} is checked against the decisions' fingerprint (one small query) first.
 */
type CachedCalendar = { calendar: Promise<WorkingCalendar>; fingerprint: Promise<string>; checkedAt: number };
const cache = new WeakMap<Kysely<Database>, CachedCalendar>();
/** How stale a calendar may be after a change made by another process (this process's own changes: not at all). */
const RECHECK_MS = 2_000;

/** Changes whenever a decision or the settings change (insert, update, delete), whichever process wrote. */
async function fingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ f: string }>`select concat_ws('|',
    (select count(*) from holiday_decisions), (select max(updated_at) from holiday_decisions),
    (select sum(version) from holiday_decisions), (select version from calendar_settings)) as f`.execute(db);
  return rows[0]?.f ?? '';
}

async function build(db: Kysely<Database>): Promise<WorkingCalendar> {
  const [rows, settings] = await Promise.all([allDecisions(db), readSettings(db)]);
  // The built calendar answers working-day arithmetic from a cumulative index made on first use (working-day-index.ts),
  // so the cached instance below is also the cached index; a change of decision or setting rebuilds both.
  return buildCalendar({
    decisions: rows.map(toEntry),
    fromYear: CALENDAR_FROM_YEAR,
    toYear: CALENDAR_TO_YEAR,
    cultureDayFromYear: settings.culture_day_from_year,
  });
}

/** The working calendar of state bodies: Labour Code defaults plus the decisions stored in the database. */
export async function loadCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  let entry = cache.get(db);
  if (entry && Date.now() - entry.checkedAt > RECHECK_MS) {
    entry.checkedAt = Date.now();
    const [was, now] = await Promise.all([entry.fingerprint, fingerprint(db)]);
    if (was !== now && cache.get(db) === entry) cache.delete(db);
    entry = cache.get(db);
  }
  if (!entry) {
    // The fingerprint is read before the decisions: a change landing in between is seen at the next check.
    const print = fingerprint(db);
    const created: CachedCalendar = { fingerprint: print, calendar: print.then(() => build(db)), checkedAt: Date.now() };
    entry = created;
    cache.set(db, created);
    // A failed build (database down) must not stay cached.
    created.calendar.catch(() => cache.get(db) === created && cache.delete(db));
  }
  return entry.calendar;
}

/** Drops the cached calendar so the next {@link loadCalendar} rebuilds it from the database. */
export function invalidateCalendar(db: Kysely<Database>): void {
  cache.delete(db);
}

export const presentDecision = (row: HolidayDecisionRow): DecisionView => ({
  id: row.id,
  date: row.date,
  kind: row.kind,
  occasion: row.occasion,
  reasonVi: row.reason_vi,
  reasonEn: row.reason_en,
  legalRef: row.legal_ref,
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
});

function checkYearInRange(date: string): void {
  const year = Number(date.slice(0, 4));
  if (year < CALENDAR_FROM_YEAR || year > CALENDAR_TO_YEAR) {
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.date', message: `year must be ${CALENDAR_FROM_YEAR}–${CALENDAR_TO_YEAR}` }] },
    });
  }
}

/**
 * Re-checks the whole year after a change, inside the write's transaction, with the calendar domain's rules
 * (a working swap only on a weekend, an occasion's decisions keep at least one holiday…): a failure rolls back.
 */
async function assertYearValid(trx: Transaction<Database>, date: string): Promise<void> {
  const rows = await decisionsOfYear(trx, Number(date.slice(0, 4)));
  const problems = validateDecisions(rows.map(toEntry));
  if (problems.length) {
    throw new AppError('calendar_decision_invalid', {
      details: { problems: problems.map((p) => ({ date: rows[p.index]?.date ?? null, message: p.message })) },
    });
  }
}

/** Stored decisions, optionally of one year. */
export async function listDecisions(db: Kysely<Database>, year?: number): Promise<DecisionView[]> {
  const rows = year === undefined ? await allDecisions(db) : await decisionsOfYear(db, year);
  return rows.map(presentDecision);
}

/** Records a Prime Minister's decision about one day (one decision per date). */
export async function createDecision(db: Kysely<Database>, ctx: WriteContext, body: CreateDecisionBody): Promise<DecisionView> {
  checkYearInRange(body.date);
  const view = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('holiday_decisions').select('id').where('date', '=', body.date).executeTakeFirst();
    if (existing) throw new AppError('already_exists', { details: { field: 'date', id: existing.id } });
    const row = await trx
      .insertInto('holiday_decisions')
      .values({
        date: body.date,
        kind: body.kind,
        occasion: body.occasion ?? null,
        reason_vi: body.reasonVi,
        reason_en: body.reasonEn,
        legal_ref: body.legalRef,
        created_by: ctx.actor?.userId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await assertYearValid(trx, row.date);
    await writeAudit(trx, ctx, { action: 'calendar.decision.create', entityType: 'holiday_decision', entityId: row.id, after: row });
    return presentDecision(row);
  });
  invalidateCalendar(db);
  return view;
}

/** Changes a decision (optimistic concurrency on `version`). */
export async function updateDecision(db: Kysely<Database>, ctx: WriteContext, id: string, body: UpdateDecisionBody): Promise<DecisionView> {
  if (body.date) checkYearInRange(body.date);
  const view = await db.transaction().execute(async (trx) => {
    const before = await lockDecision(trx, id);
    if (!before) throw notFound('holiday_decision');
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version, current: presentDecision(before) });
    if (body.date && body.date !== before.date) {
      const clash = await trx.selectFrom('holiday_decisions').select('id').where('date', '=', body.date).executeTakeFirst();
      if (clash) throw new AppError('already_exists', { details: { field: 'date', id: clash.id } });
    }
    const after = await trx
      .updateTable('holiday_decisions')
      .set({
        date: body.date ?? before.date,
        kind: body.kind ?? before.kind,
        occasion: body.occasion === undefined ? before.occasion : body.occasion,
        reason_vi: body.reasonVi ?? before.reason_vi,
        reason_en: body.reasonEn ?? before.reason_en,
        legal_ref: body.legalRef ?? before.legal_ref,
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await assertYearValid(trx, after.date);
    if (after.date.slice(0, 4) !== before.date.slice(0, 4)) await assertYearValid(trx, before.date);
    await writeAudit(trx, ctx, { action: 'calendar.decision.update', entityType: 'holiday_decision', entityId: id, before, after });
    return presentDecision(after);
  });
  invalidateCalendar(db);
  return view;
}

/** Removes a decision: the day falls back to the Labour Code default. */
export async function deleteDecision(db: Kysely<Database>, ctx: WriteContext, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await lockDecision(trx, id);
    if (!before) throw notFound('holiday_decision');
    if (before.version !== version) throw staleVersion({ currentVersion: before.version, current: presentDecision(before) });
    await trx.deleteFrom('holiday_decisions').where('id', '=', id).execute();
    await assertYearValid(trx, before.date);
    await writeAudit(trx, ctx, { action: 'calendar.decision.delete', entityType: 'holiday_decision', entityId: id, before });
  });
  invalidateCalendar(db);
}

/** Calendar options (Ngày Văn hóa Việt Nam from which year). */
export async function getSettings(db: Kysely<Database>) {
  const row = await readSettings(db);
  return { cultureDayFromYear: row.culture_day_from_year, version: row.version };
}

/** Changes the calendar options. */
export async function updateSettings(
  db: Kysely<Database>,
  ctx: WriteContext,
  body: { cultureDayFromYear: number | null; version: number },
) {
  const view = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_settings').selectAll().forUpdate().executeTakeFirstOrThrow();
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version });
    const after = await trx
      .updateTable('calendar_settings')
      .set({ culture_day_from_year: body.cultureDayFromYear, updated_at: new Date(), version: before.version + 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'calendar.settings.update', entityType: 'calendar_settings', entityId: null, before, after });
    return { cultureDayFromYear: after.culture_day_from_year, version: after.version };
  });
  invalidateCalendar(db);
  return view;
}
