import { sql, type Selectable, type Transaction } from 'kysely';
import type { CertificateEventTable, CertificateTable, Database } from '@db/types';
import type { CertificateChanges, CertificateEvent, CertificateRecord, CertificateState, CertificateType } from '@domain/registration';
import { notFound } from '@errors/app-error';
import { periodRange, type StatusPeriod } from './certificate-periods';
import type { Db } from '@db/transaction';

/**
 * A stored decision. `content` is the version row the decision produced, when there is one: the full content
 * (validity, provinces, fields, office) as written at the time, which the replay prefers to the event's own
 * `changes`, so certificates written by other means (demo data, earlier migrations) that keep the content only on
 * their versions still read correctly.
 */
export type EventRow = Selectable<CertificateEventTable> & {
  dossier_id: string | null;
  received_date: string | null;
  content?: { valid_until: string; province_ids: string[]; sector_codes: string[]; office_province_id: string | null };
};
export type CertificateRow = Selectable<CertificateTable> & { extension_filed_on: string | null };

/**
 * The `changes` column, as the API names the fields (provinceIds, sectorCodes, officeProvinceId, validUntil).
 * Reading also accepts the domain's names, for rows other modules may write.
 */
export type StoredChanges = {
  validUntil?: string;
  provinceIds?: string[];
  sectorCodes?: string[];
  officeProvinceId?: string | null;
  provinces?: string[];
  sectors?: string[];
  officeProvince?: string | null;
};

/** The domain's view of stored changes. */
export function toDomainChanges(stored: StoredChanges | null | undefined): CertificateChanges | undefined {
  if (!stored || Object.keys(stored).length === 0) return undefined;
  const changes: { -readonly [K in keyof CertificateChanges]: CertificateChanges[K] } = {};
  if (stored.validUntil !== undefined) changes.validUntil = stored.validUntil;
  const provinces = stored.provinceIds ?? stored.provinces;
  if (provinces !== undefined) changes.provinces = provinces;
  const sectors = stored.sectorCodes ?? stored.sectors;
  if (sectors !== undefined) changes.sectors = sectors;
  const office = stored.officeProvinceId !== undefined ? stored.officeProvinceId : stored.officeProvince;
  if (office !== undefined) changes.officeProvince = office;
  return changes;
}

/** A stored decision as the domain sees it. */
export function toDomainEvent(row: EventRow): CertificateEvent {
  const v = row.content;
  const changes = v
    ? { validUntil: v.valid_until, provinces: v.province_ids, sectors: v.sector_codes, officeProvince: v.office_province_id }
    : toDomainChanges(row.changes as StoredChanges);
  return {
    kind: row.kind,
    effectiveDate: row.effective_date,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    legalGround: row.legal_ground,
    ...(row.received_date ? { receivedDate: row.received_date } : {}),
    ...(changes ? { changes } : {}),
  };
}

/** The decisions of some certificates, in recording order, grouped by certificate id. */
export async function eventsOf(db: Db, certificateIds: readonly string[]): Promise<Map<string, EventRow[]>> {
  const byCertificate = new Map<string, EventRow[]>();
  if (certificateIds.length === 0) return byCertificate;
  const [rows, versions] = await Promise.all([
    db
      .selectFrom('certificate_events')
      .selectAll()
      .where('certificate_id', 'in', certificateIds)
      .orderBy('certificate_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('certificate_versions')
      .select(['event_id', 'valid_until', 'province_ids', 'sector_codes', 'office_province_id'])
      .where('certificate_id', 'in', certificateIds)
      .where('event_id', 'is not', null)
      .execute(),
  ]);
  const byEvent = new Map(versions.map(({ event_id, ...content }) => [event_id!, content]));
  for (const event of rows) {
    const content = byEvent.get(event.id);
    const row: EventRow = content ? { ...event, content } : event;
    const list = byCertificate.get(row.certificate_id) ?? [];
    list.push(row);
    byCertificate.set(row.certificate_id, list);
  }
  return byCertificate;
}

/** A certificate with its decisions; `lock` takes a row lock so concurrent decisions are serialised. */
export async function loadCertificate(db: Db, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('certificates').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = (await query.executeTakeFirst()) as CertificateRow | undefined;
  if (!row) throw notFound('certificate');
  const events = (await eventsOf(db, [id])).get(id) ?? [];
  const record: CertificateRecord = { id: row.id, type: row.type, events: events.map(toDomainEvent) };
  return { row, events, record };
}

/** Every certificate of an organisation as domain records (any type and status). */
export async function organisationCertificates(
  db: Db,
  organisationId: string,
): Promise<{ rows: CertificateRow[]; records: CertificateRecord[]; events: Map<string, EventRow[]> }> {
  const rows = (await db
    .selectFrom('certificates')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .execute()) as CertificateRow[];
  const events = await eventsOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows, events, records: rows.map((r) => ({ id: r.id, type: r.type, events: (events.get(r.id) ?? []).map(toDomainEvent) })) };
}

/** Replaces the status timeline of one certificate (recomputed from all its decisions). */
export async function replaceStatusPeriods(
  trx: Transaction<Database>,
  certificateId: string,
  organisationId: string,
  periods: readonly StatusPeriod[],
): Promise<void> {
  await trx.deleteFrom('certificate_status_periods').where('certificate_id', '=', certificateId).execute();
  if (periods.length === 0) return;
  await trx
    .insertInto('certificate_status_periods')
    .values(
      periods.map((p) => ({ certificate_id: certificateId, organisation_id: organisationId, status: p.status, period: periodRange(p) })),
    )
    .execute();
}

/** Which of the given province ids and sector codes do not exist; and the current unit of each province. */
export async function referenceCheck(db: Db, provinceIds: readonly string[], sectorCodes: readonly string[]) {
  const [provinces, sectors] = await Promise.all([
    provinceIds.length
      ? db
          .selectFrom('provinces')
          .select(['id', 'rolls_up_to'])
          .where('id', 'in', [...provinceIds])
          .execute()
      : [],
    sectorCodes.length
      ? db
          .selectFrom('sectors')
          .select('code')
          .where('code', 'in', [...sectorCodes])
          .execute()
      : [],
  ]);
  const rollsUp = new Map(provinces.map((p) => [p.id, p.rolls_up_to]));
  const knownSectors = new Set(sectors.map((s) => s.code));
  return {
    unknownProvinces: provinceIds.filter((id) => !rollsUp.has(id)),
    unknownSectors: sectorCodes.filter((code) => !knownSectors.has(code)),
    rollsUp,
  };
}

/** The next generated certificate number, e.g. GDKHD-2026-000001. */
export async function nextNumber(trx: Transaction<Database>, type: CertificateType, issueDate: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('certificate_number_seq')::text as n`.execute(trx);
  return `${type}-${issueDate.slice(0, 4)}-${(rows[0]?.n ?? '0').padStart(6, '0')}`;
}

/** Writes a version row when the decision produced new content. */
export async function writeVersion(
  trx: Transaction<Database>,
  certificateId: string,
  state: CertificateState,
  effectiveFrom: string,
  eventId: string,
): Promise<void> {
  const { content } = state;
  await trx
    .insertInto('certificate_versions')
    .values({
      certificate_id: certificateId,
      version: state.version,
      effective_from: effectiveFrom,
      issue_date: content.validFrom,
      valid_until: content.validUntil,
      office_province_id: content.officeProvince,
      province_ids: [...content.provinces],
      sector_codes: [...content.sectors],
      event_id: eventId,
    })
    .execute();
}
