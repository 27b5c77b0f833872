import { certificatesBeyondHomeTerm, organisationStatusAsOf, type AddWorkingDays } from '@domain/registration';
import type { Actor } from '@modules/auth/actor';
import { organisationCertificates } from './certificates.repository';
import { presentCertificate } from './certificates.view';
import { relationsOf, type OrganisationRecord, type Relations } from './organisations.repository';
import type { OrganisationView } from './organisations.schemas';
import { canManageRegistry, seesPersonalData } from './registry.policy';
import type { Db } from '@db/transaction';

/** The representative as the actor may see it: name, nationality and role for all; the rest for managers only. */
function presentRepresentative(rep: Relations['representative'], actor: Actor | null): OrganisationView['representative'] {
  if (!rep) return null;
  const personal = seesPersonalData(actor);
  return {
    role: rep.role,
    since: rep.since,
    fullName: rep.full_name,
    nationality: rep.nationality,
    passportNumber: personal ? rep.passport_number : null,
    dateOfBirth: personal ? rep.date_of_birth : null,
    email: personal ? rep.email : null,
    phone: personal ? rep.phone : null,
    address: personal ? rep.address : null,
  };
}

/**
 * The officer's (or the NGO's own) view of an organisation, its certificates as of `today` and what the actor may do.
 * `addWorkingDays` is the working calendar (registryWorkingDays), loaded by the caller outside its transaction.
 */
export async function presentOrganisation(
  db: Db,
  org: OrganisationRecord,
  actor: Actor | null,
  today: string,
  addWorkingDays: AddWorkingDays,
): Promise<OrganisationView> {
  const [relations, certs] = await Promise.all([relationsOf(db, org.id), organisationCertificates(db, org.id)]);
  const manager = canManageRegistry(actor);
  const own = actor?.role === 'ngo' && actor.organisationId === org.id;
  return {
    id: org.id,
    code: org.code,
    nameOriginal: org.name_original,
    nameEn: org.name_en,
    nameVi: org.name_vi,
    acronym: org.acronym,
    countryCode: org.country_code,
    countryNameVi: org.country_vi,
    countryNameEn: org.country_en,
    orgType: org.org_type,
    hqAddress: org.hq_address,
    legalStatus: org.legal_status,
    homeTermUntil: org.home_term_until,
    website: org.website,
    email: org.email,
    phone: org.phone,
    contactAddress: org.contact_address,
    mission: org.mission,
    iatiOrgId: org.iati_org_id,
    staffForeign: org.staff_foreign,
    staffLocal: org.staff_local,
    synthetic: org.synthetic,
    status: organisationStatusAsOf(certs.records, today),
    version: org.version,
    updatedAt: org.updated_at.toISOString(),
    representative: presentRepresentative(relations.representative, actor),
    partners: relations.partners.map((p) => ({ id: p.id, name: p.name, agencyId: p.agency_id, provinceId: p.province_id, note: p.note })),
    bankAccounts: relations.bankAccounts.map((a) => ({
      id: a.id,
      bankName: a.bank_name,
      accountNumber: a.account_number,
      currency: a.currency,
      notifiedOn: a.notified_on,
      closedOn: a.closed_on,
    })),
    certificates: certs.rows.map((row, i) =>
      presentCertificate(row, certs.records[i]!, certs.events.get(row.id) ?? [], today, addWorkingDays),
    ),
    abilities: { edit: manager, recordDecisions: manager, editContacts: manager || own },
    warnings: certificatesBeyondHomeTerm(certs.records, org.home_term_until, today).map((w) => ({
      code: 'certificate_exceeds_home_term' as const,
      certificateId: w.certificateId,
      certificateNumber: certs.rows.find((r) => r.id === w.certificateId)?.number ?? '',
      validUntil: w.validUntil,
      homeTermUntil: w.homeTermUntil,
    })),
  };
}

/** The audit snapshot of an organisation: its row and related lists (passport numbers are redacted by the writer). */
export async function auditSnapshot(db: Db, org: OrganisationRecord) {
  const { country_vi: _vi, country_en: _en, ...row } = org;
  const relations = await relationsOf(db, org.id);
  return {
    ...row,
    representative: relations.representative,
    partners: relations.partners.map(({ id: _id, organisation_id: _o, ...p }) => p),
    bankAccounts: relations.bankAccounts.map(({ id: _id, organisation_id: _o, ...a }) => a),
  };
}
