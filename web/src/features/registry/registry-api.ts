import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';
import type { PublicAward } from '../programme/coordination-types';

/** Shapes of the registry API (src/modules/registry/*.schemas.ts), as the screens use them. */
export type CertificateType = 'GDKHD' | 'GDKVPDD' | 'GDKVPDA';
export type OrganisationStatus = 'ACTIVE' | 'SUSPENDED' | 'EXPIRED' | 'TERMINATED' | 'NONE';
export type { Page } from '@common/contracts/primitives';

export type DirectoryItem = {
  id: string;
  code: string;
  name: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
  country: string;
  countryNameVi: string;
  countryNameEn: string;
  status: OrganisationStatus;
  certificateTypes: CertificateType[];
  sectorCodes: string[];
  provinceIds: string[];
  validUntil: string | null;
  website: string | null;
  synthetic: boolean;
};

type Named = { id: string; nameVi: string; nameEn: string };
export type PublicProfile = Omit<DirectoryItem, 'code' | 'certificateTypes' | 'sectorCodes' | 'provinceIds' | 'validUntil'> & {
  orgType: string;
  email: string | null;
  hqAddress: string | null;
  mission: string | null;
  certificates: {
    id: string;
    type: CertificateType;
    number: string;
    status: string;
    validFrom: string;
    validUntil: string;
    provinces: Named[];
    sectors: Named[];
    officeProvince: Named | null;
  }[];
  /** Decided awards of the organisation and its people (src/modules/programme/awards.schemas.ts). */
  awards: PublicAward[];
  /** What it does, office, history and aid (src/modules/registry/public-profile.schemas.ts). */
  activity: { sectors: Named[]; provinces: Named[] };
  office: { certificateNumber: string; province: Named } | null;
  history: PublicDecision[];
  aid: PublicProfileAid;
};

/** One decision about one of the organisation's certificates, as the public profile shows it. */
export type PublicDecision = {
  certificateId: string;
  certificateType: CertificateType;
  certificateNumber: string;
  kind: string;
  effectiveDate: string;
  decisionDate: string;
  decisionNumber: string;
};

type AidPart = { committedUsd: string; disbursedUsd: string };
/** The organisation's approved aid of the last five years, with the statistics' figures. */
export type PublicProfileAid = {
  from: number;
  to: number;
  years: ({ year: number; aidRecords: number } & AidPart)[];
  bySector: ({ code: string; name: string } & AidPart)[];
  byProvince: ({ id: string; code: string; name: string } & AidPart)[];
  items: ({ id: string; code: string; titleVi: string; titleEn: string | null; status: string; approvalDate: string | null } & AidPart)[];
};

export type CertificateEventView = {
  seq: number;
  kind: string;
  effectiveDate: string;
  decisionNumber: string;
  decisionDate: string;
  legalGround: string;
  changes: Record<string, unknown>;
  note: string | null;
};
export type CertificateView = {
  id: string;
  organisationId: string;
  type: CertificateType;
  number: string;
  asOf: string;
  status: string;
  version: number;
  validFrom: string | null;
  validUntil: string | null;
  provinceIds: string[];
  sectorCodes: string[];
  officeProvinceId: string | null;
  suspension: { since: string; ground: string; decisionNumber: string; receivedDate: string; remedyDeadline: string | null } | null;
  endedOn: string | null;
  extensionFiledOn: string | null;
  events: CertificateEventView[];
};

export type Representative = {
  role: 'REPRESENTATIVE' | 'HEAD_OF_OFFICE';
  since: string | null;
  fullName: string;
  nationality: string | null;
  passportNumber: string | null;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
};
export type Organisation = {
  id: string;
  code: string;
  nameOriginal: string;
  nameEn: string | null;
  nameVi: string | null;
  acronym: string | null;
  countryCode: string;
  countryNameVi: string;
  countryNameEn: string;
  orgType: string;
  hqAddress: string | null;
  legalStatus: string | null;
  homeTermUntil: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  contactAddress: string | null;
  mission: string | null;
  iatiOrgId: string | null;
  staffForeign: number | null;
  staffLocal: number | null;
  synthetic: boolean;
  status: OrganisationStatus;
  version: number;
  updatedAt: string;
  representative: Representative | null;
  partners: { id: string; name: string; agencyId: string | null; provinceId: string | null; note: string | null }[];
  bankAccounts: {
    id: string;
    bankName: string;
    accountNumber: string;
    currency: string | null;
    notifiedOn: string | null;
    closedOn: string | null;
  }[];
  certificates: CertificateView[];
  abilities: { edit: boolean; recordDecisions: boolean; editContacts: boolean };
  warnings: {
    code: 'certificate_exceeds_home_term';
    certificateId: string;
    certificateNumber: string;
    validUntil: string;
    homeTermUntil: string;
  }[];
};

export type HistoryEntry = {
  kind: 'decision' | 'audit';
  at: string;
  certificateId: string | null;
  certificateNumber: string | null;
  event: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  legalGround: string | null;
  note: string | null;
  action: string | null;
  actor: string | null;
  changedFields: string[];
};

export type Alert = {
  kind: 'EXPIRING' | 'EXTENSION_NOT_FILED' | 'EXCEEDS_HOME_TERM' | 'AID_OUTSIDE_CERTIFICATE';
  certificateId: string | null;
  certificateNumber: string | null;
  type: CertificateType | null;
  organisationId: string;
  organisationName: string;
  organisationNameVi: string | null;
  validUntil: string | null;
  daysLeft: number | null;
  bucket: number | null;
  filingDeadline: string | null;
  overdue: boolean | null;
  homeTermUntil: string | null;
  aidItemId: string | null;
  aidItemCode: string | null;
  outsideProvinceIds: string[];
  outsideSectorCodes: string[];
};

export type ImportReport = {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  organisations: { created: number; updated: number };
  certificates: { created: number; skipped: number; decisions: number };
  errors: { row: number; column: string; code: string; message: string }[];
};

type Ref = { code: string; nameVi: string; nameEn: string };

/** Countries, sectors and current provinces, with a `label(code)` in the UI language. Loaded once per session. */
export function useReference() {
  const { i18n } = useTranslation();
  const countries = useReferenceList('countries');
  const sectors = useReferenceList('sectors');
  const currentProvinces = useReferenceList('provincesNew34');
  const oldProvinces = useReferenceList('provincesOld63');
  const name = (r: { nameVi: string; nameEn: string }) => (i18n.language === 'en' ? r.nameEn : r.nameVi);
  const byCode = (list: Ref[] | undefined, code: string) => list?.find((r) => r.code === code);
  return {
    countries: countries.data ?? [],
    sectors: sectors.data ?? [],
    provinces: currentProvinces.data ?? [],
    name,
    country: (code: string) => {
      const r = byCode(countries.data, code);
      return r ? name(r) : code;
    },
    sector: (code: string) => {
      const r = byCode(sectors.data, code);
      return r ? name(r) : code;
    },
    province: (id: string) => {
      const r = [...(currentProvinces.data ?? []), ...(oldProvinces.data ?? [])].find((p) => p.id === id);
      return r ? name(r) : id;
    },
  };
}

/** The organisation's display name in the UI language: the Vietnamese or English name when there is one. */
export function displayName(
  o: { name?: string; nameOriginal?: string; nameVi: string | null; nameEn: string | null },
  lang: string,
): string {
  const original = o.name ?? o.nameOriginal ?? '';
  return (lang === 'en' ? o.nameEn : o.nameVi) ?? original;
}

/** Badge class of a status. */
export const statusClass = (status: string) =>
  status === 'ACTIVE'
    ? 'badge ok'
    : status === 'SUSPENDED' || status === 'NOT_YET_VALID'
      ? 'badge warn'
      : status === 'NONE'
        ? 'badge'
        : 'badge bad';
