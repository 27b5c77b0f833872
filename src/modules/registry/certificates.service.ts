import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import {
  applyEvent,
  checkNewCertificate,
  foldEvents,
  VERSIONING_EVENTS,
  type CertificateEvent,
  type AddWorkingDays,
  type CertificateType,
  type LifecycleContext,
} from '@domain/registration';
import { AppError, notFound } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { statusPeriods } from './certificate-periods';
import {
  loadCertificate,
  nextNumber,
  organisationCertificates,
  replaceStatusPeriods,
  toDomainChanges,
  writeVersion,
  type StoredChanges,
} from './certificates.repository';
import { notifyAgenciesConcerned } from './agency-notices';
import { registryWorkingDays } from './registry-calendar';
import { checkReferences } from './registry-references';

/** Input of {@link issueCertificate} (the contract the procedures module calls when a dossier is approved). */
export type IssueCertificateInput = {
  organisationId: string;
  type: 'GDKHD' | 'GDKVPDD';
  number?: string;
  issueDate: string;
  validUntil: string;
  provinceIds: string[];
  sectorCodes: string[];
  officeProvinceId?: string;
  decisionNumber: string;
  decisionDate: string;
  legalGround: string;
  dossierId?: string;
};

/** Decisions recorded after the issue. */
export type CertificateEventKindInput =
  'AMENDED' | 'SUPPLEMENTED' | 'EXTENDED' | 'REISSUED' | 'SUSPENDED' | 'SUSPENSION_LIFTED' | 'TERMINATED' | 'REVOKED' | 'SELF_TERMINATED';

/** Input of {@link recordCertificateEvent}. `receivedDate` (suspension only) starts the 30-working-day remedy period. */
export type CertificateEventInput = {
  kind: CertificateEventKindInput;
  effectiveDate: string;
  decisionNumber: string;
  decisionDate: string;
  legalGround: string;
  changes?: { validUntil?: string; provinceIds?: string[]; sectorCodes?: string[]; officeProvinceId?: string | null };
  note?: string;
  receivedDate?: string;
  dossierId?: string;
};

const lifecycle = (type: CertificateType, homeTermUntil: string | null, addWorkingDays: AddWorkingDays): LifecycleContext => ({
  type,
  homeTermUntil,
  addWorkingDays,
});

/** An issue decision starts no working-day period (only a suspension does), so it needs no calendar. */
const ISSUE_COUNTS_NO_WORKING_DAYS: AddWorkingDays = () => {
  throw new Error('an issue decision counts no working days');
};

/** Issue of any type, including a legacy GDKVPDA (only the import uses that: D58 forbids new ones after 01/11/2022). */
export async function issueAnyCertificate(
  trx: Transaction<Database>,
  ctx: WriteContext,
  input: Omit<IssueCertificateInput, 'type'> & { type: CertificateType },
): Promise<{ certificateId: string; number: string }> {
  // Locking the organisation serialises two issues for it, so two offices cannot slip in concurrently.
  const org = await trx
    .selectFrom('organisations')
    .select(['id', 'home_term_until'])
    .where('id', '=', input.organisationId)
    .forUpdate()
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  const office = await checkReferences(trx, input.provinceIds, input.sectorCodes, input.officeProvinceId ?? null, input.issueDate);
  const existing = await organisationCertificates(trx, org.id);
  const [violation] = checkNewCertificate({
    type: input.type,
    issueDate: input.issueDate,
    validUntil: input.validUntil,
    officeProvince: office ?? null,
    provinces: input.provinceIds,
    sectors: input.sectorCodes,
    homeTermUntil: org.home_term_until,
    existingCertificates: existing.records,
  });
  if (violation) throw violation;
  const changes = {
    validUntil: input.validUntil,
    provinces: input.provinceIds,
    sectors: input.sectorCodes,
    officeProvince: office ?? null,
  };
  const event: CertificateEvent = {
    kind: 'ISSUED',
    effectiveDate: input.issueDate,
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate,
    legalGround: input.legalGround,
    changes,
  };
  const state = applyEvent(null, event, lifecycle(input.type, org.home_term_until, ISSUE_COUNTS_NO_WORKING_DAYS));

  const number = input.number?.trim() || (await nextNumber(trx, input.type, input.issueDate));
  const taken = await trx.selectFrom('certificates').select('id').where('number', '=', number).executeTakeFirst();
  if (taken) throw new AppError('already_exists', { details: { field: 'number', number } });
  const certificate = await trx
    .insertInto('certificates')
    .values({ organisation_id: org.id, type: input.type, number })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored: StoredChanges = {
    validUntil: input.validUntil,
    provinceIds: input.provinceIds,
    sectorCodes: input.sectorCodes,
    officeProvinceId: office ?? null,
  };
  const eventRow = await trx
    .insertInto('certificate_events')
    .values({
      certificate_id: certificate.id,
      seq: 1,
      kind: 'ISSUED',
      effective_date: input.issueDate,
      decision_number: input.decisionNumber,
      decision_date: input.decisionDate,
      legal_ground: input.legalGround,
      changes: JSON.stringify(stored),
      created_by: ctx.actor?.userId ?? null,
      dossier_id: input.dossierId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeVersion(trx, certificate.id, state, input.issueDate, eventRow.id);
  await replaceStatusPeriods(trx, certificate.id, org.id, statusPeriods([event]));
  await writeAudit(trx, ctx, {
    action: 'certificate.issue',
    entityType: 'certificate',
    entityId: certificate.id,
    after: {
      organisationId: org.id,
      type: input.type,
      number,
      ...stored,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      legalGround: input.legalGround,
    },
  });
  return { certificateId: certificate.id, number };
}

/**
 * Issues a new GDKHD or GDKVPDD: validates it with the domain rules (caps, home-country term, one office per
 * organisation, office cities, scope), then writes the certificate, its ISSUED decision, version 1, its status
 * periods and the audit entry, all inside `trx`.
 * @throws DomainRuleError (422) for a broken rule; AppError 400 for unknown provinces or sectors, 404 for an unknown
 * organisation, 409 for a number already used
 */
export async function issueCertificate(
  trx: Transaction<Database>,
  ctx: WriteContext,
  input: IssueCertificateInput,
): Promise<{ certificateId: string; number: string }> {
  const issued = await issueAnyCertificate(trx, ctx, input);
  // Art. 25: the ministries of its fields and the People's Committees of its provinces are told (not on a legacy import).
  const event = await trx
    .selectFrom('certificate_events')
    .select('id')
    .where('certificate_id', '=', issued.certificateId)
    .where('seq', '=', 1)
    .executeTakeFirstOrThrow();
  await notifyAgenciesConcerned(trx, issued.certificateId, {
    kind: 'ISSUED',
    decisionNumber: input.decisionNumber,
    effectiveDate: input.issueDate,
    eventId: event.id,
  });
  return issued;
}

/**
 * Records a later decision (amend, supplement, extend, re-issue, suspend, lift, terminate, revoke, self-terminate):
 * checks it against the certificate's state with the domain's `applyEvent`, stores it with a new version when it
 * changes the content, and recomputes the certificate's status periods from all its decisions. Inside `trx`.
 * `workingDays` is the working calendar (registryWorkingDays of the root handle); without it the calendar is built
 * from `trx` (same decisions, ~0.1 s more). The agencies concerned get their Art. 25 notice unless
 * `options.notifyAgencies` is false. Returns the new decision's id.
 * @throws DomainRuleError (422) when the decision is not allowed; AppError 404 for an unknown certificate
 */
export async function recordCertificateEvent(
  trx: Transaction<Database>,
  ctx: WriteContext,
  certificateId: string,
  input: CertificateEventInput,
  workingDays?: AddWorkingDays,
  options: { notifyAgencies?: boolean } = {},
): Promise<string> {
  const addWorkingDays = workingDays ?? (await registryWorkingDays(trx));
  const { row, events, record } = await loadCertificate(trx, certificateId, { lock: true });
  const org = await trx
    .selectFrom('organisations')
    .select(['id', 'home_term_until'])
    .where('id', '=', row.organisation_id)
    .executeTakeFirstOrThrow();
  const c = input.changes ?? {};
  const office = await checkReferences(trx, c.provinceIds, c.sectorCodes, c.officeProvinceId, input.effectiveDate);
  const stored: StoredChanges = {
    ...(c.validUntil !== undefined ? { validUntil: c.validUntil } : {}),
    ...(c.provinceIds !== undefined ? { provinceIds: c.provinceIds } : {}),
    ...(c.sectorCodes !== undefined ? { sectorCodes: c.sectorCodes } : {}),
    ...(c.officeProvinceId !== undefined ? { officeProvinceId: office ?? null } : {}),
  };
  const event: CertificateEvent = {
    kind: input.kind,
    effectiveDate: input.effectiveDate,
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate,
    legalGround: input.legalGround,
    ...(input.receivedDate ? { receivedDate: input.receivedDate } : {}),
  };
  const changes = toDomainChanges(stored);
  if (changes) event.changes = changes;
  const next = applyEvent(foldEvents(record.events, addWorkingDays), event, lifecycle(row.type, org.home_term_until, addWorkingDays));

  const seq = (events.at(-1)?.seq ?? 0) + 1;
  const eventRow = await trx
    .insertInto('certificate_events')
    .values({
      certificate_id: row.id,
      seq,
      kind: input.kind,
      effective_date: input.effectiveDate,
      decision_number: input.decisionNumber,
      decision_date: input.decisionDate,
      legal_ground: input.legalGround,
      changes: JSON.stringify(stored),
      note: input.note ?? null,
      created_by: ctx.actor?.userId ?? null,
      dossier_id: input.dossierId ?? null,
      received_date: input.receivedDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (VERSIONING_EVENTS.has(input.kind)) await writeVersion(trx, row.id, next, input.effectiveDate, eventRow.id);
  await replaceStatusPeriods(trx, row.id, row.organisation_id, statusPeriods([...record.events, event]));
  await writeAudit(trx, ctx, {
    action: `certificate.${input.kind.toLowerCase()}`,
    entityType: 'certificate',
    entityId: row.id,
    after: {
      seq,
      kind: input.kind,
      effectiveDate: input.effectiveDate,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      legalGround: input.legalGround,
      changes: stored,
      note: input.note ?? null,
    },
  });
  // Art. 25 notice to the agencies concerned (a legacy import passes notifyAgencies: false).
  if (options.notifyAgencies !== false) {
    await notifyAgenciesConcerned(trx, row.id, {
      kind: input.kind,
      decisionNumber: input.decisionNumber,
      effectiveDate: input.effectiveDate,
      eventId: eventRow.id,
    });
  }
  return eventRow.id;
}

/**
 * Records that the extension dossier for the certificate's current term was filed on `filedOn` (used by the
 * "extension not filed 60 days before expiry" alert). The procedures module's EXTEND dossiers count as well.
 */
export async function recordExtensionFiling(
  trx: Transaction<Database>,
  ctx: WriteContext,
  certificateId: string,
  filedOn: string,
): Promise<void> {
  const before = await trx
    .selectFrom('certificates')
    .select(['id', 'extension_filed_on'])
    .where('id', '=', certificateId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('certificate');
  await trx.updateTable('certificates').set({ extension_filed_on: filedOn }).where('id', '=', certificateId).execute();
  await writeAudit(trx, ctx, {
    action: 'certificate.extension_filed',
    entityType: 'certificate',
    entityId: certificateId,
    before,
    after: { extension_filed_on: filedOn },
  });
}
