/**
 * Kinds of registration certificate (Giấy đăng ký) for foreign NGOs.
 *
 * Decree 58/2022 (in force 01/11/2022) knows two kinds (Art. 3.3): the operation registration
 * certificate and the representative office certificate. The project office certificate belonged to
 * Decree 12/2012; Art. 28 keeps existing ones valid until they expire, allows amendment and re-issue
 * until then, and afterwards they are "considered for conversion" to one of the two D58 kinds.
 */
import { PROVINCE_REFORM_DATE } from '@common/time/province-reform';
import { addYears, type IsoDate } from './iso-date';
import { DomainRuleError } from '../rule-error';

/** Certificate type codes. `GDKVPDA` is legacy (Decree 12/2012 only). */
export type CertificateType = 'GDKHD' | 'GDKVPDD' | 'GDKVPDA';

/** All certificate types, in display order. */
export const CERTIFICATE_TYPES: readonly CertificateType[] = ['GDKHD', 'GDKVPDD', 'GDKVPDA'];

/** Date from which Decree 58/2022 applies (Art. 27): new rules and caps bind decisions from here. */
export const DECREE_58_EFFECTIVE: IsoDate = '2022-11-01';

/**
 * Provinces where a representative office may sit (D58 Art. 8.2), as current (2025, 34-unit) codes:
 * Hà Nội, Đà Nẵng, TP Hồ Chí Minh. Since the 2025 merger these cities cover former provinces too
 * (e.g. ex-Bình Dương is in TP HCM), so from 01/07/2025 the whole merged city qualifies; a decision before that
 * date is checked against the old units ({@link officeProvincesOn}), with the office stored as recorded.
 */
export const REPRESENTATIVE_OFFICE_PROVINCES: readonly string[] = ['new34:01', 'new34:48', 'new34:79'];

/**
 * The same three cities as the 63 units before the 2025 reform (old63:01 Hà Nội, old63:48 Đà Nẵng, old63:79 TP Hồ
 * Chí Minh). Before 01/07/2025 an office in former Bình Dương (old63:74) or Quảng Nam (old63:49) was outside them,
 * even though those provinces now belong to TP HCM and Đà Nẵng.
 */
export const REPRESENTATIVE_OFFICE_PROVINCES_BEFORE_REFORM: readonly string[] = ['old63:01', 'old63:48', 'old63:79'];

/**
 * The office cities under the rule in force on `date` (a decision's effective date): before the reform the three
 * cities as old units — or as the current code of the same city written on the certificate — so a former unit rolled
 * up afterwards cannot pass; from the reform the three merged cities, whatever former unit an office lies in.
 */
export function officeProvincesOn(date: IsoDate): readonly string[] {
  return date < PROVINCE_REFORM_DATE
    ? [...REPRESENTATIVE_OFFICE_PROVINCES_BEFORE_REFORM, ...REPRESENTATIVE_OFFICE_PROVINCES]
    : REPRESENTATIVE_OFFICE_PROVINCES;
}

/** Static facts about one certificate type. */
export interface CertificateTypeInfo {
  code: CertificateType;
  name: { vi: string; en: string };
  /** Maximum validity in years from issue (D58 Art. 9.1); null when the law sets none we know of. */
  maxYears: number | null;
  /** Whether a new certificate of this type may be issued under current law. */
  newIssueAllowed: boolean;
  /** Whether an extension (gia hạn) is possible. */
  extensionAllowed: boolean;
  /** Whether the certificate names the province of an office. */
  hasOffice: boolean;
  /** Provinces allowed for the office; null = no restriction. */
  officeProvinces: readonly string[] | null;
  /** At most one valid certificate of this type per organisation. */
  onePerOrganisation: boolean;
  /** What happens at expiry. */
  onExpiry: 'EXTEND_OR_EXPIRE' | 'CONSIDER_CONVERSION';
  /** Template (Mẫu) in the D58 annex, when any. */
  template: string | null;
  /** Legal references. */
  legalBasis: readonly string[];
}

/** The certificate type table. */
export const certificateTypes: Readonly<Record<CertificateType, CertificateTypeInfo>> = {
  GDKHD: {
    code: 'GDKHD',
    name: { vi: 'Giấy đăng ký hoạt động', en: 'Operation Registration Certificate' },
    maxYears: 3,
    newIssueAllowed: true,
    extensionAllowed: true,
    hasOffice: false,
    officeProvinces: null,
    onePerOrganisation: false,
    onExpiry: 'EXTEND_OR_EXPIRE',
    template: 'Mẫu số 01',
    legalBasis: ['Nghị định 58/2022/NĐ-CP, Điều 3.3, 8.1, 9', 'Nghị định 58/2022/NĐ-CP, Điều 10–13'],
  },
  GDKVPDD: {
    code: 'GDKVPDD',
    name: {
      vi: 'Giấy đăng ký lập Văn phòng đại diện',
      en: 'Representative Office Registration Certificate',
    },
    maxYears: 5,
    newIssueAllowed: true,
    extensionAllowed: true,
    hasOffice: true,
    officeProvinces: REPRESENTATIVE_OFFICE_PROVINCES,
    onePerOrganisation: true,
    onExpiry: 'EXTEND_OR_EXPIRE',
    template: 'Mẫu số 02',
    legalBasis: ['Nghị định 58/2022/NĐ-CP, Điều 3.3, 8.1–8.3, 9', 'Nghị định 58/2022/NĐ-CP, Điều 14–17'],
  },
  GDKVPDA: {
    code: 'GDKVPDA',
    name: {
      vi: 'Giấy đăng ký lập Văn phòng dự án',
      en: 'Project Office Registration Certificate (Decree 12/2012)',
    },
    // Decree 12/2012 terms are unconfirmed (domain §10.11); the certificate simply runs to its
    // recorded expiry date.
    maxYears: null,
    newIssueAllowed: false,
    extensionAllowed: false,
    hasOffice: true,
    officeProvinces: null,
    onePerOrganisation: false,
    onExpiry: 'CONSIDER_CONVERSION',
    template: null,
    legalBasis: ['Nghị định 12/2012/NĐ-CP', 'Nghị định 58/2022/NĐ-CP, Điều 28'],
  },
};

/** True when `value` is a known certificate type code. */
export function isCertificateType(value: unknown): value is CertificateType {
  return typeof value === 'string' && Object.hasOwn(certificateTypes, value);
}

/**
 * Facts about a certificate type.
 * @throws DomainRuleError `certificate_type_unknown`
 */
export function certificateTypeInfo(type: string): CertificateTypeInfo {
  if (!isCertificateType(type)) throw new DomainRuleError('certificate_type_unknown', { type });
  return certificateTypes[type];
}

/**
 * Latest allowed expiry date for a term starting at `from` (the last day on which the certificate
 * is still valid, inclusive). D58 Art. 9.1 "không quá 03 năm kể từ ngày cấp": by Civil Code
 * Art. 147–148 the issue day is not counted and a year-period ends on the same day and month of the
 * last year, so a GDKHD issued 2023-01-10 may run until 2026-01-10 inclusive.
 * @returns null when the type has no cap
 */
export function maxValidUntil(type: CertificateType, from: IsoDate): IsoDate | null {
  const { maxYears } = certificateTypes[type];
  return maxYears === null ? null : addYears(from, maxYears);
}
