/**
 * The decision's own registry rules, checked when the applicant submits (issue 13 §2): a new certificate is
 * checked with `checkNewCertificate`, and an extension, amendment, re-issue or self-termination with `applyEvent` on
 * the event the approval would record, exactly as the registry checks them when
 * the Ministry approves (src/modules/registry/certificates.service.ts), on the validity the approval would grant
 * ({@link grantedValidity}). The submission day stands in for the decision day: the caps run from the decision (or
 * the current expiry), so what passes on the day of submission passes on any later decision day.
 */
import { applyEvent, checkNewCertificate, foldEvents, type AddWorkingDays, type CertificateEvent } from '@domain/registration';
import { DomainRuleError } from '@domain/rule-error';
import type { Database } from '@db/types';
import type { Kysely, Transaction } from 'kysely';
import { loadCertificate, organisationCertificates, toDomainChanges } from '@modules/registry/certificates.repository';
import { grantedValidity } from './decision.registry';
import type { DossierRow } from './dossiers.repository';

const NEW_TYPE = { NEW_GDKHD: 'GDKHD', NEW_GDKVPDD: 'GDKVPDD' } as const;

/** The registry decision each procedure on an existing certificate records when approved. */
const LATER_DECISION: Partial<Record<string, 'EXTENDED' | 'AMENDED' | 'REISSUED' | 'SELF_TERMINATED'>> = {
  EXTEND_GDKHD: 'EXTENDED',
  EXTEND_GDKVPDD: 'EXTENDED',
  AMEND: 'AMENDED',
  REISSUE: 'REISSUED',
  SELF_TERMINATION: 'SELF_TERMINATED',
};

/**
 * Every rule the approval of `row` would break if it were decided on `today` with what the applicant asked for
 * (empty: the approval's registry write will pass). Procedures without a certificate rule answer [].
 */
export async function decisionRuleViolations(
  db: Kysely<Database> | Transaction<Database>,
  row: DossierRow,
  today: string,
  addWorkingDays: AddWorkingDays,
): Promise<DomainRuleError[]> {
  const code = row.procedure_code;
  const app = row.application;
  const isNew = code === 'NEW_GDKHD' || code === 'NEW_GDKVPDD';
  const kind = row.certificate_id ? LATER_DECISION[code] : undefined;
  if (!isNew && !kind) return [];
  const org = await db.selectFrom('organisations').select('home_term_until').where('id', '=', row.organisation_id).executeTakeFirst();
  const homeTermUntil = org?.home_term_until ?? null;
  const validUntil = await grantedValidity(db as Transaction<Database>, row, { decisionNumber: '', decisionDate: today });
  if (isNew) {
    if (!validUntil) return [];
    const existing = await organisationCertificates(db, row.organisation_id);
    return checkNewCertificate({
      type: NEW_TYPE[code],
      issueDate: today,
      validUntil,
      officeProvince: code === 'NEW_GDKVPDD' ? (app.officeProvinceId ?? null) : null,
      provinces: app.provinceIds ?? [],
      sectors: app.sectorCodes ?? [],
      homeTermUntil,
      existingCertificates: existing.records,
    });
  }
  if (kind === 'EXTENDED' && !validUntil) return [];
  const { row: certificate, record } = await loadCertificate(db, row.certificate_id!);
  // The event the approval would record (see applyApproval in decision.registry.ts), dated today.
  const c = app.changes ?? {};
  const changes =
    kind === 'EXTENDED'
      ? validUntil
        ? { validUntil }
        : undefined
      : kind === 'AMENDED'
        ? toDomainChanges({
            ...(c.provinceIds?.length ? { provinceIds: c.provinceIds } : {}),
            ...(c.sectorCodes?.length ? { sectorCodes: c.sectorCodes } : {}),
            ...(c.officeProvinceId !== undefined ? { officeProvinceId: c.officeProvinceId } : {}),
          })
        : undefined;
  const effectiveDate = kind === 'SELF_TERMINATED' && app.cessationDate && app.cessationDate > today ? app.cessationDate : today;
  const event: CertificateEvent = {
    kind: kind!,
    effectiveDate,
    decisionNumber: '-',
    decisionDate: today,
    legalGround: '-',
    ...(changes ? { changes } : {}),
  };
  try {
    applyEvent(foldEvents(record.events, addWorkingDays), event, { type: certificate.type, homeTermUntil, addWorkingDays });
    return [];
  } catch (error) {
    if (error instanceof DomainRuleError) return [error];
    throw error;
  }
}
