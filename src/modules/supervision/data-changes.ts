/**
 * Changes of an NGO's own data that start an O4 obligation (D58 Art. 21: update its data in the database within 10
 * days of a change), recorded from the organisation edits (src/modules/registry/organisations.service.ts): a new
 * office address in Viet Nam, or a new representative recorded without a start date (one with a start date is
 * derived from the representatives themselves). Only for an organisation that holds a certificate: the obligations
 * start with one. The NGO recording its own change has met the obligation that day; a change an officer records is
 * owed by the NGO until it records the update (DATA_UPDATE:<id>).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { Actor } from '@modules/auth/actor';

export type DataChangeKind = 'OFFICE_ADDRESS' | 'REPRESENTATIVE';

/** Records one change on `today` (the day it happened, as far as vnaid knows) in the edit's transaction. */
export async function recordDataChange(
  trx: Transaction<Database>,
  actor: Actor | null,
  organisationId: string,
  kind: DataChangeKind,
  today: string,
): Promise<void> {
  await sql`insert into organisation_data_changes (organisation_id, kind, changed_on, recorded_on, recorded_by_ngo, recorded_by)
    select ${organisationId}::uuid, ${kind}, ${today}::date, ${today}::date, ${actor?.role === 'ngo'}, ${actor?.userId ?? null}::uuid
    where exists (select 1 from certificate_events e join certificates c on c.id = e.certificate_id
      where c.organisation_id = ${organisationId}::uuid and e.kind = 'ISSUED' and e.decision_date <= ${today}::date)`.execute(trx);
}

/** Whether an edit changes the office address (blank and absent count as none). */
export const addressChanged = (before: string | null | undefined, after: string | null | undefined): boolean =>
  after !== undefined && (before ?? '').trim() !== (after ?? '').trim() && (after ?? '').trim() !== '';
