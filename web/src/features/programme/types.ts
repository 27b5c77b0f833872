import { formatDate } from '@common/format/date';
import { vietnamToday } from '@common/time/vietnam-today';

/** Shapes the programme screens read from the API (src/modules/programme/*.schemas.ts). */
export type NeedStatus = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'PUBLISHED' | 'DECLINED' | 'FUNDED';
export type NeedAction = 'submit' | 'publish' | 'request_changes' | 'decline';
export type InterestStatus = 'NEW' | 'IN_TALKS' | 'AGREED' | 'NOT_PURSUED';

export type NeedListItem = {
  id: string;
  code: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
  provinceIds: string[];
  sectorCode: string;
  budget: string;
  currency: string;
  status: NeedStatus;
  proposedBy: string;
  proposedByNameVi: string;
  proposedByNameEn: string;
  synthetic: boolean;
};

export type NeedDetail = NeedListItem & {
  programmeCode: string | null;
  priorityCode: string | null;
  beneficiaries: string | null;
  beneficiariesCount: number | null;
  durationMonths: number | null;
  counterpartAmount: string | null;
  counterpartNote: string | null;
  contactOffice: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  publishedAt: string | null;
  mobilised: string;
  fundings: { aidItemId: string; aidItemCode: string; aidItemTitleVi: string; amount: string; linkedAt: string }[];
  version: number;
  reviewComment: string | null;
  events: { action: string; fromStatus: string | null; toStatus: string; comment: string | null; actor: string; at: string }[];
  actions: NeedAction[];
  editable: boolean;
  interestCount: number;
  documents: NeedDocument[];
};

export type NeedDocumentKind = 'CONCEPT_NOTE' | 'BUDGET' | 'FEASIBILITY' | 'SUPPORT_LETTER' | 'OTHER';
export const needDocumentKinds: readonly NeedDocumentKind[] = ['CONCEPT_NOTE', 'BUDGET', 'FEASIBILITY', 'SUPPORT_LETTER', 'OTHER'];
export type NeedDocument = {
  id: string;
  kind: NeedDocumentKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
};

export type Interest = {
  id: string;
  proposalId: string;
  proposalCode: string;
  proposalTitleVi: string;
  proposalTitleEn: string | null;
  organisationId: string;
  organisationName: string;
  message: string;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  status: InterestStatus;
  statusNote: string | null;
  createdAt: string;
  version: number;
};

export type Match = {
  organisationId: string;
  name: string;
  score: number;
  reasons: { code: string; points: number; count?: number; year?: number }[];
};

export type Priority = { code: string; nameVi: string; nameEn: string; sectorCodes: string[]; provisional: boolean };
export type ProgrammeContent = {
  titleVi: string;
  titleEn: string;
  decision: { number: string; date: string; signer: string; effectiveFrom: string | null } | null;
  agreedOn: string | null;
  from: number;
  to: number;
  provisional: boolean;
  goalVi: string;
  goalEn: string;
  objectives: { code: string; textVi: string; textEn: string; provisional: boolean }[];
  priorities: Priority[];
  principles: { code: string; textVi: string; textEn: string }[];
  indicators: { code: string; nameVi: string; nameEn: string; target: string | null; unit: string; provisional: boolean }[];
  agencies: { agencyId: string; roleVi: string; roleEn: string }[];
  sources: string[];
};
export type Programme = { code: string; version: number; updatedAt: string; content: ProgrammeContent };

export type { Page } from '@common/contracts/primitives';

/** Picks the Vietnamese or English text (the English one falls back to Vietnamese when missing). */
export const pick = (lang: string, vi: string | null | undefined, en: string | null | undefined): string =>
  (lang === 'en' ? en || vi : vi) ?? '';

/** A server timestamp shown as the Vietnamese calendar day it fell on (dd/mm/yyyy), whatever the browser's zone. */
export const formatMoment = (iso: string | null | undefined): string => (iso ? formatDate(vietnamToday(new Date(iso))) : '—');
