import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { certificateAsOf, type AddWorkingDays, type CertificateRecord } from '@domain/registration';
import { notFound } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { loadCertificate, type CertificateRow, type EventRow } from './certificates.repository';
import type { CertificateView } from './organisations.schemas';
import { organisationScope } from './registry.policy';
import { registryWorkingDays } from './registry-calendar';

/**
 * A certificate as it stood on `asOf`: the domain replays the decisions effective by then (status, version,
 * content, standing suspension with its 30-working-day remedy deadline). The decision list is the full record, so a
 * reader also sees what came later. `addWorkingDays` is the working calendar ({@link registryWorkingDays}).
 */
export function presentCertificate(
  row: CertificateRow,
  record: CertificateRecord,
  events: readonly EventRow[],
  asOf: string,
  addWorkingDays: AddWorkingDays,
): CertificateView {
  const snap = certificateAsOf(record.events, asOf, { addWorkingDays });
  return {
    id: row.id,
    organisationId: row.organisation_id,
    type: row.type,
    number: row.number,
    asOf,
    status: snap.status,
    version: snap.version,
    validFrom: snap.content?.validFrom ?? null,
    validUntil: snap.content?.validUntil ?? null,
    provinceIds: [...(snap.content?.provinces ?? [])],
    sectorCodes: [...(snap.content?.sectors ?? [])],
    officeProvinceId: snap.content?.officeProvince ?? null,
    suspension: snap.suspension,
    endedOn: snap.endedOn,
    extensionFiledOn: row.extension_filed_on,
    events: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      effectiveDate: e.effective_date,
      decisionNumber: e.decision_number,
      decisionDate: e.decision_date,
      legalGround: e.legal_ground,
      changes: e.changes as Record<string, unknown>,
      note: e.note,
    })),
  };
}

/**
 * One certificate as it stood on `asOf`, if the actor's scope covers its organisation.
 * @throws AppError 404 when missing or out of scope (an out-of-scope record is not revealed)
 */
export async function certificateAsOfView(db: Kysely<Database>, actor: Actor, id: string, asOf: string): Promise<CertificateView> {
  const { row, record, events } = await loadCertificate(db, id);
  const scope = organisationScope(actor);
  if (scope) {
    const visible = await db
      .selectFrom('organisations as o')
      .select('o.id')
      .where('o.id', '=', row.organisation_id)
      .where(scope)
      .executeTakeFirst();
    if (!visible) throw notFound('certificate');
  }
  return presentCertificate(row, record, events, asOf, await registryWorkingDays(db));
}
