import type { Selectable, Transaction } from 'kysely';
import type { ClockState, DossierStatus } from '@domain/procedures';
import type { Database } from '@db/types';
import { COMINGO_AGENCIES } from './procedures.policy';
import type { DossierTable } from './procedures.tables';
import type { Db } from '@db/transaction';

export type DossierRow = Selectable<DossierTable>;

/** A dossier row locked for the rest of the transaction (every action serialises on it). */
export const lockDossier = (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Everything a dossier's page shows besides the row itself. */
export async function dossierParts(db: Db, id: string) {
  const [pauses, documents, supplements, consultations, events] = await Promise.all([
    db.selectFrom('dossier_pauses').selectAll().where('dossier_id', '=', id).orderBy('from_date').execute(),
    db.selectFrom('dossier_documents').selectAll().where('dossier_id', '=', id).orderBy('uploaded_at').execute(),
    db.selectFrom('dossier_supplement_requests').selectAll().where('dossier_id', '=', id).orderBy('requested_at').execute(),
    db
      .selectFrom('dossier_consultations as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .selectAll('c')
      .select(['a.name_vi as agency_name_vi', 'a.name_en as agency_name_en'])
      .where('c.dossier_id', '=', id)
      .orderBy('c.created_at')
      .orderBy('c.agency_id')
      .execute(),
    db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute(),
  ]);
  return { pauses, documents, supplements, consultations, events };
}
export type DossierParts = Awaited<ReturnType<typeof dossierParts>>;

/** Appends one line to the dossier's timeline. */
export async function addEvent(
  trx: Transaction<Database>,
  entry: {
    dossierId: string;
    onDate: string;
    action: string;
    from: DossierStatus | null;
    to: DossierStatus;
    clock: ClockState;
    actor: { userId: string; username: string; role: string } | null;
    note?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('dossier_events')
    .values({
      dossier_id: entry.dossierId,
      on_date: entry.onDate,
      action: entry.action,
      from_status: entry.from,
      to_status: entry.to,
      clock: entry.clock,
      actor_user_id: entry.actor?.userId ?? null,
      actor_label: entry.actor ? `${entry.actor.username} (${entry.actor.role})` : 'system',
      note: entry.note ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Active users who act for COMINGO, MOFA, an organisation or an agency (notification recipients). */
export async function recipients(
  db: Db,
  who: { comingo?: boolean; mofa?: boolean; organisationId?: string; agencyId?: string; ownerAgencyId?: string },
): Promise<{ id: string; email: string | null; locale: 'vi' | 'en' }[]> {
  let q = db.selectFrom('users').select(['id', 'email', 'locale']).where('active', '=', true);
  q = q.where((eb) => {
    const any = [];
    if (who.comingo)
      any.push(eb.and([eb('role', '=', 'central'), eb.or([eb('agency_id', 'is', null), eb('agency_id', 'in', [...COMINGO_AGENCIES])])]));
    if (who.mofa) any.push(eb.and([eb('role', '=', 'central'), eb.or([eb('agency_id', 'is', null), eb('agency_id', '=', 'MOFA')])]));
    if (who.organisationId) any.push(eb.and([eb('role', '=', 'ngo'), eb('organisation_id', '=', who.organisationId)]));
    if (who.agencyId) any.push(eb.and([eb('role', 'in', ['reviewer', 'agency']), eb('agency_id', '=', who.agencyId)]));
    // The aid owner that filed an aid approval (issue 13).
    if (who.ownerAgencyId) any.push(eb.and([eb('role', '=', 'owner'), eb('agency_id', '=', who.ownerAgencyId)]));
    return any.length ? eb.or(any) : eb.val(false);
  });
  return q.execute();
}
