/**
 * What a Ministry decision on a dossier does to the certificate registry, inside the decision's own transaction:
 * a new certificate, an extension, an amendment, a re-issue or a self-termination. The registry module owns the
 * rules (caps, one office, office cities…); a broken rule rolls the whole decision back with its 422.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ProcedureVersion } from '@domain/procedures';
import { maxValidUntil } from '@domain/registration';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import type { WriteContext } from '@modules/audit/audit.writer';
import { issueCertificate, recordCertificateEvent } from '@modules/registry/certificates.service';
import type { DossierRow } from './dossiers.repository';

export type ApprovalInput = { decisionNumber: string; decisionDate: string; validUntil?: string | null };

/** The certificate's content now (its latest version). */
export async function currentContent(trx: Transaction<Database> | Kysely<Database>, certificateId: string) {
  return trx
    .selectFrom('certificate_versions as v')
    .innerJoin('certificates as c', 'c.id', 'v.certificate_id')
    .select([
      'c.id',
      'c.type',
      'c.number',
      'c.organisation_id',
      'v.valid_until',
      'v.province_ids',
      'v.sector_codes',
      'v.office_province_id',
      'v.issue_date',
    ])
    .where('v.certificate_id', '=', certificateId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** An organisation's certificates with their current number, type and validity, oldest first. */
export async function organisationCertificates(db: Kysely<Database>, organisationId: string) {
  const ids = await db
    .selectFrom('certificates')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .execute();
  const items: { id: string; number: string; type: string; validUntil: string }[] = [];
  for (const { id } of ids) {
    const c = await currentContent(db, id);
    if (c) items.push({ id: c.id, number: c.number, type: c.type, validUntil: c.valid_until });
  }
  return items;
}

const legalGround = (version: ProcedureVersion) => `${version.legalDocument}, ${version.legalRefs.join(', ')}`;

const NEW_TYPE = { NEW_GDKHD: 'GDKHD', NEW_GDKVPDD: 'GDKVPDD' } as const;

/**
 * The validity an approval grants: the officer's figure, else what the applicant asked for, else the legal maximum
 * (3 years for a GDKHD, 5 for a GDKVPDD; from the decision for a new certificate, from the current expiry for an
 * extension).
 */
export async function grantedValidity(trx: Transaction<Database>, dossier: DossierRow, input: ApprovalInput): Promise<string | null> {
  if (input.validUntil) return input.validUntil;
  const requested = dossier.application.requestedValidUntil;
  if (dossier.procedure_code === 'NEW_GDKHD' || dossier.procedure_code === 'NEW_GDKVPDD') {
    return requested ?? maxValidUntil(NEW_TYPE[dossier.procedure_code], input.decisionDate);
  }
  if ((dossier.procedure_code === 'EXTEND_GDKHD' || dossier.procedure_code === 'EXTEND_GDKVPDD') && dossier.certificate_id) {
    const current = await currentContent(trx, dossier.certificate_id);
    if (!current) return null;
    return requested ?? maxValidUntil(current.type, current.valid_until);
  }
  return null;
}

/**
 * Applies an approval to the registry.
 * @returns the certificate the decision issued or changed (null for aid approval, which has no certificate)
 */
export async function applyApproval(
  trx: Transaction<Database>,
  ctx: WriteContext,
  dossier: DossierRow,
  version: ProcedureVersion,
  input: ApprovalInput,
  validUntil: string | null,
): Promise<string | null> {
  const base = {
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate,
    legalGround: legalGround(version),
    dossierId: dossier.id,
  };
  const app = dossier.application;
  const code = dossier.procedure_code;
  if (code === 'NEW_GDKHD' || code === 'NEW_GDKVPDD') {
    if (!validUntil) throw new AppError('validation_failed', { details: { issues: [{ path: 'body.validUntil', message: 'required' }] } });
    const issued = await issueCertificate(trx, ctx, {
      ...base,
      organisationId: dossier.organisation_id,
      type: NEW_TYPE[code],
      issueDate: input.decisionDate,
      validUntil,
      provinceIds: app.provinceIds ?? [],
      sectorCodes: app.sectorCodes ?? [],
      ...(code === 'NEW_GDKVPDD' && app.officeProvinceId ? { officeProvinceId: app.officeProvinceId } : {}),
    });
    return issued.certificateId;
  }
  if (code === 'AID_APPROVAL') return null;
  const certificateId = dossier.certificate_id;
  if (!certificateId)
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'certificateId', message: 'the dossier names no certificate' }] },
    });
  const event = { ...base, effectiveDate: input.decisionDate };
  switch (code) {
    case 'EXTEND_GDKHD':
    case 'EXTEND_GDKVPDD':
      if (!validUntil) throw new AppError('validation_failed', { details: { issues: [{ path: 'body.validUntil', message: 'required' }] } });
      await recordCertificateEvent(trx, ctx, certificateId, { ...event, kind: 'EXTENDED', changes: { validUntil } });
      break;
    case 'AMEND': {
      const c = app.changes ?? {};
      await recordCertificateEvent(trx, ctx, certificateId, {
        ...event,
        kind: 'AMENDED',
        changes: {
          ...(c.provinceIds?.length ? { provinceIds: c.provinceIds } : {}),
          ...(c.sectorCodes?.length ? { sectorCodes: c.sectorCodes } : {}),
          ...(c.officeProvinceId !== undefined ? { officeProvinceId: c.officeProvinceId } : {}),
        },
        ...(c.other ? { note: c.other } : {}),
      });
      break;
    }
    case 'REISSUE':
      await recordCertificateEvent(trx, ctx, certificateId, {
        ...event,
        kind: 'REISSUED',
        ...(app.reissueReason ? { note: app.reissueReason } : {}),
      });
      break;
    case 'SELF_TERMINATION':
      await recordCertificateEvent(trx, ctx, certificateId, {
        ...event,
        kind: 'SELF_TERMINATED',
        effectiveDate: app.cessationDate && app.cessationDate > input.decisionDate ? app.cessationDate : input.decisionDate,
      });
      break;
  }
  return certificateId;
}
