/**
 * Rules for issuing a new certificate and for the content any decision may set.
 *
 * `checkNewCertificate` returns every violation at once (a form can show them all);
 * `assertNewCertificate` throws the first. The content checks are shared with lifecycle.ts so an
 * amendment cannot put on a certificate what an issue could not.
 */
import { foldEvents } from './certificate-reducer';
import type { CertificateRecord } from './certificate-events';
import {
  DECREE_58_EFFECTIVE,
  REPRESENTATIVE_OFFICE_PROVINCES,
  certificateTypeInfo,
  officeProvincesOn,
  maxValidUntil,
  type CertificateType,
} from './certificate-types';
import { addDays, isIsoDate, minDate, type IsoDate } from './iso-date';
import { DomainRuleError } from '../rule-error';

/** Input of {@link checkNewCertificate}. */
export interface NewCertificateInput {
  type: CertificateType;
  issueDate: IsoDate;
  /** Last day of validity, inclusive. */
  validUntil: IsoDate;
  officeProvince?: string | null;
  provinces: readonly string[];
  sectors: readonly string[];
  /** End of the organisation's registration term in its home country; absent = open-ended. */
  homeTermUntil?: IsoDate | null;
  /** The organisation's other certificates (any type, any status). */
  existingCertificates: readonly CertificateRecord[];
  /** Override of the office cities (tests); by default the rule in force on the issue date ({@link officeProvincesOn}). */
  allowedOfficeProvinces?: readonly string[];
}

/**
 * Whether the Decree 58 rules bind a decision taken on `date`. Certificates issued before
 * 01/11/2022 followed Decree 12/2012, whose terms are unconfirmed, so imported legacy records are
 * not held to D58 caps, office cities or the project-office ban.
 */
export function decree58Applies(date: IsoDate): boolean {
  return date >= DECREE_58_EFFECTIVE;
}

/** Checks the office province field of a certificate of `type`; null when fine. */
export function checkOffice(
  type: CertificateType,
  officeProvince: string | null | undefined,
  allowed: readonly string[] = REPRESENTATIVE_OFFICE_PROVINCES,
): DomainRuleError | null {
  const info = certificateTypeInfo(type);
  const office = officeProvince ?? null;
  if (!info.hasOffice) {
    return office === null ? null : new DomainRuleError('certificate_office_not_applicable', { type, officeProvince: office });
  }
  if (info.officeProvinces === null) return null;
  if (office === null || office.trim() === '') return new DomainRuleError('certificate_office_required', { type });
  if (!allowed.includes(office)) {
    return new DomainRuleError('certificate_office_city', { officeProvince: office, allowed: [...allowed] });
  }
  return null;
}

/** Checks that provinces and sectors lists, when present, are non-empty. */
export function checkScope(provinces: readonly string[] | undefined, sectors: readonly string[] | undefined): DomainRuleError[] {
  const errors: DomainRuleError[] = [];
  if (provinces !== undefined && provinces.filter((p) => p.trim() !== '').length === 0) {
    errors.push(new DomainRuleError('certificate_provinces_required'));
  }
  if (sectors !== undefined && sectors.filter((s) => s.trim() !== '').length === 0) {
    errors.push(new DomainRuleError('certificate_sectors_required'));
  }
  return errors;
}

/**
 * Checks an expiry date against the type's cap counted from `capFrom` and the home-country term.
 * @param capFrom start of the term (issue date, or the old expiry for an extension)
 */
export function checkValidity(
  type: CertificateType,
  capFrom: IsoDate,
  validUntil: IsoDate,
  homeTermUntil: IsoDate | null | undefined,
): DomainRuleError[] {
  const errors: DomainRuleError[] = [];
  const cap = maxValidUntil(type, capFrom);
  if (cap !== null && validUntil > cap) {
    errors.push(
      new DomainRuleError('certificate_validity_exceeds_cap', {
        type,
        maxYears: certificateTypeInfo(type).maxYears,
        from: capFrom,
        maxValidUntil: cap,
        validUntil,
      }),
    );
  }
  if (homeTermUntil && validUntil > homeTermUntil) {
    errors.push(new DomainRuleError('certificate_validity_exceeds_home_term', { homeTermUntil, validUntil }));
  }
  return errors;
}

/**
 * The days during which an existing certificate is (or will be) in force according to all its
 * recorded decisions: from issue to expiry, cut short by a terminal decision (the certificate is no
 * longer valid on the day the termination takes effect).
 */
function validityWindow(record: CertificateRecord): { from: IsoDate; to: IsoDate } | null {
  const state = foldEvents(record.events);
  if (state === null) return null;
  const to = state.endedOn ? minDate(state.content.validUntil, addDays(state.endedOn, -1)) : state.content.validUntil;
  return to < state.content.validFrom ? null : { from: state.content.validFrom, to };
}

/**
 * All rule violations of a proposed new certificate (empty array = may be issued):
 * - valid ISO dates, expiry not before issue;
 * - D58 caps: 3 years (GDKHD) / 5 years (GDKVPDD) from issue, and not beyond the home-country term;
 * - one representative office per organisation: an existing GDKVPDD whose validity overlaps the new
 *   one blocks it (so an office that is active, suspended, or issued for a future date all block,
 *   while an expired or terminated one does not);
 * - office only in Hà Nội, Đà Nẵng, TP HCM;
 * - no new project office (GDKVPDA) certificates under D58;
 * - at least one province and one sector.
 */
export function checkNewCertificate(input: NewCertificateInput): DomainRuleError[] {
  const { type, issueDate, validUntil } = input;
  const info = certificateTypeInfo(type);
  const errors: DomainRuleError[] = [];
  if (!isIsoDate(issueDate)) errors.push(new DomainRuleError('invalid_date', { field: 'issueDate', value: issueDate }));
  if (!isIsoDate(validUntil)) errors.push(new DomainRuleError('invalid_date', { field: 'validUntil', value: validUntil }));
  if (input.homeTermUntil && !isIsoDate(input.homeTermUntil)) {
    errors.push(new DomainRuleError('invalid_date', { field: 'homeTermUntil', value: input.homeTermUntil }));
  }
  if (errors.length > 0) return errors;

  const d58 = decree58Applies(issueDate);
  if (d58 && !info.newIssueAllowed) {
    errors.push(new DomainRuleError('certificate_legacy_no_new_issue', { type, issueDate, since: DECREE_58_EFFECTIVE }));
  }
  if (validUntil < issueDate) {
    errors.push(new DomainRuleError('certificate_validity_before_issue', { issueDate, validUntil }));
  } else if (d58) {
    errors.push(...checkValidity(type, issueDate, validUntil, input.homeTermUntil));
  }
  if (d58 || !info.hasOffice) {
    const office = checkOffice(type, input.officeProvince, input.allowedOfficeProvinces ?? officeProvincesOn(issueDate));
    if (office) errors.push(office);
  }
  errors.push(...checkScope(input.provinces, input.sectors));

  if (info.onePerOrganisation) {
    for (const existing of input.existingCertificates) {
      if (existing.type !== type) continue;
      const window = validityWindow(existing);
      if (window && window.from <= validUntil && issueDate <= window.to) {
        errors.push(
          new DomainRuleError('certificate_second_office', {
            existingCertificateId: existing.id,
            existingValidFrom: window.from,
            existingValidUntil: window.to,
          }),
        );
      }
    }
  }
  return errors;
}

/**
 * Like {@link checkNewCertificate} but throws.
 * @throws DomainRuleError the first violation found
 */
export function assertNewCertificate(input: NewCertificateInput): void {
  const [first] = checkNewCertificate(input);
  if (first) throw first;
}
