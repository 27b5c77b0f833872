/**
 * Consulted agencies' side: their worklist of requests for opinions, each with its clock (10 WD from the request, not
 * paused by the applicant's supplements: see consultationClock), and the answer, which completes the consultation step
 * when it is the last one outstanding.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '@db/types';
import { AppError, forbidden, notFound, staleVersion } from '@errors/app-error';
import { offsetOf, type PageQuery } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { consultationClock } from './deadlines';
import { OPEN_FOR_OPINIONS, presentConsultation } from './dossier-view';
import { addEvent } from './dossiers.repository';
import type { AnswerBody } from './dossiers.schemas';
import { notify } from './inbox.service';
import { answersFor, COMINGO_AGENCIES } from './procedures.policy';

const OPEN_STATUSES = [...OPEN_FOR_OPINIONS];

type ConsultationRow = Selectable<Database['dossier_consultations']>;
type DossierLocked = Selectable<Database['dossiers']>;

/** How a request for an opinion is closed: by the agency in the app, on paper by the officer, or as silence. */
export type Closing = { channel: 'APP' | 'PAPER'; body: AnswerBody } | { channel: 'SILENCE'; note?: string | undefined };

/** A reply letter cannot be dated after today nor before the request it answers. */
function assertLetterDate(c: ConsultationRow, letterDate: string, today: string): void {
  if (letterDate > today || letterDate < c.requested_on)
    throw new AppError('consultation_letter_date', { details: { letterDate, requestedOn: c.requested_on, today } });
}

/**
 * Locks the request and its dossier, checks who may close it (`may`), the version and that it is still open, then
 * records the closing, completes the consultation step when it was the last one pending, and writes the timeline,
 * the audit entry and the office's notice, all in one transaction.
 */
export async function closeConsultation(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  version: number,
  closing: Closing,
  today: string,
  may: (actor: Actor, c: ConsultationRow, dossier: DossierLocked) => boolean,
  check?: (c: ConsultationRow, dossier: DossierLocked) => void,
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('dossier_consultations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw notFound('consultation');
    const dossier = await trx.selectFrom('dossiers').selectAll().where('id', '=', c.dossier_id).forUpdate().executeTakeFirstOrThrow();
    if (!may(actor, c, dossier)) throw notFound('consultation');
    if (c.version !== version) throw staleVersion({ currentVersion: c.version });
    if (c.status !== 'PENDING' || !(OPEN_STATUSES as readonly string[]).includes(dossier.status)) {
      throw new AppError('conflict', { details: { reason: 'consultation_closed', status: c.status, dossierStatus: dossier.status } });
    }
    check?.(c, dossier);
    const answered = closing.channel !== 'SILENCE' ? closing.body : null;
    if (answered) assertLetterDate(c, answered.letterDate, today);
    const after = await trx
      .updateTable('dossier_consultations')
      .set({
        status: answered ? 'ANSWERED' : 'SILENT',
        channel: closing.channel,
        opinion: answered?.opinion ?? null,
        answer: answered ? answered.answer : ((closing.channel === 'SILENCE' ? closing.note : null) ?? null),
        letter_number: answered?.letterNumber ?? null,
        letter_date: answered?.letterDate ?? null,
        answered_by: actor.userId,
        answered_at: new Date(),
        answered_on: today,
        version: c.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const pending = await trx
      .selectFrom('dossier_consultations')
      .select('id')
      .where('dossier_id', '=', c.dossier_id)
      .where('status', '=', 'PENDING')
      .execute();
    if (pending.length === 0)
      await trx
        .updateTable('dossiers')
        .set({ opinions_complete_on: today, updated_at: new Date() })
        .where('id', '=', c.dossier_id)
        .execute();
    const action = { APP: 'CONSULTATION_ANSWERED', PAPER: 'CONSULTATION_PAPER_RECORDED', SILENCE: 'CONSULTATION_SILENCE_RECORDED' }[
      closing.channel
    ];
    await addEvent(trx, {
      dossierId: c.dossier_id,
      onDate: today,
      action,
      from: dossier.status,
      to: dossier.status,
      clock: dossier.clock,
      actor,
      note: after.answer,
      details: {
        agencyId: c.agency_id,
        opinion: after.opinion,
        letterNumber: after.letter_number,
        letterDate: after.letter_date,
        allAnswered: pending.length === 0,
      },
    });
    await writeAudit(trx, ctx, {
      action: { APP: 'dossier.consultation.answer', PAPER: 'dossier.consultation.paper', SILENCE: 'dossier.consultation.silence' }[
        closing.channel
      ],
      entityType: 'dossier_consultation',
      entityId: id,
      before: c,
      after,
    });
    const params = { code: dossier.code, agencyId: c.agency_id, opinion: after.opinion };
    const office =
      dossier.procedure_code === 'AID_APPROVAL' && dossier.handling_agency_id
        ? { agencyId: dossier.handling_agency_id }
        : { comingo: true };
    if (closing.channel === 'APP' || pending.length === 0)
      await notify(trx, office, pending.length === 0 ? 'OPINIONS_COMPLETE' : 'CONSULTATION_ANSWERED', c.dossier_id, params);
  });
}

/** Records an agency's written opinion. Only the users of the agency the request was routed to may answer. */
export async function answerConsultation(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: AnswerBody,
  today: string,
): Promise<void> {
  await closeConsultation(db, ctx, id, body.version, { channel: 'APP', body }, today, (actor, c) => answersFor(actor, c.agency_id));
}

/**
 * Requests for opinions: a consulted agency's users see their agency's; COMINGO and central officers see all;
 * others see none.
 */
export async function listConsultations(
  db: Kysely<Database>,
  actor: Actor,
  query: PageQuery & { status?: 'PENDING' | 'ANSWERED' | 'SILENT' | 'CANCELLED' },
  today: string,
) {
  let base = db
    .selectFrom('dossier_consultations as c')
    .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id');
  if (actor.role === 'reviewer' || actor.role === 'agency') base = base.where('c.agency_id', '=', actor.agencyId ?? '');
  else if (!(actor.role === 'admin' || (actor.role === 'central' && (!actor.agencyId || COMINGO_AGENCIES.includes(actor.agencyId)))))
    base = base.where(sql<boolean>`false`);
  if (query.status) base = base.where('c.status', '=', query.status);
  const [rows, count, calendar] = await Promise.all([
    base
      .selectAll('c')
      .select([
        'd.code as dossier_code',
        'd.procedure_code',
        'd.status as dossier_status',
        'd.closed_on',
        'd.delivered_on',
        'a.name_vi as agency_name_vi',
        'a.name_en as agency_name_en',
        sql<string>`coalesce(o.name_vi, o.name_en, o.name_original)`.as('organisation_name'),
      ])
      .orderBy('c.requested_on')
      .orderBy('c.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    loadCalendar(db),
  ]);
  const items = rows.map((c) => ({
    ...presentConsultation(
      c,
      consultationClock(c, { status: c.dossier_status, closed_on: c.closed_on, delivered_on: c.delivered_on }, calendar, today),
      c.status === 'PENDING' && (OPEN_STATUSES as readonly string[]).includes(c.dossier_status) && answersFor(actor, c.agency_id),
    ),
    dossierId: c.dossier_id,
    dossierCode: c.dossier_code,
    organisationName: c.organisation_name,
    procedureCode: c.procedure_code,
  }));
  return { items, total: Number(count.n), page: query.page, pageSize: query.pageSize };
}
