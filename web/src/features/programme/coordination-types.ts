/** Shapes the meetings and awards screens read from the API (src/modules/programme/meetings.schemas.ts, awards.schemas.ts). */
export type MeetingKind = 'GIAO_BAN' | 'INTERNATIONAL_CONFERENCE' | 'APPRAISAL' | 'OTHER';
export const MEETING_KINDS: MeetingKind[] = ['GIAO_BAN', 'INTERNATIONAL_CONFERENCE', 'APPRAISAL', 'OTHER'];

export type Named = { id: string; nameVi: string; nameEn: string };
export type OrganisationRef = { id: string; name: string; nameVi: string | null; nameEn: string | null };

export type MeetingListItem = {
  id: string;
  kind: MeetingKind;
  titleVi: string;
  titleEn: string | null;
  meetingDate: string;
  place: string | null;
  isPublic: boolean;
  openTasks: number;
  lateTasks: number;
  synthetic: boolean;
};

export type MeetingTask = {
  id: string;
  description: string;
  ownerAgency: Named;
  dueDate: string;
  status: 'OPEN' | 'DONE';
  doneOn: string | null;
  late: boolean;
  canChangeStatus: boolean;
  version: number;
};

export type MeetingDocument = { id: string; fileName: string; mediaType: string; sizeBytes: number; uploadedAt: string };

export type MeetingDetail = MeetingListItem & {
  agencies: Named[];
  organisations: OrganisationRef[];
  guests: string[];
  conclusions: string | null;
  documents: MeetingDocument[];
  tasks: MeetingTask[];
  canEdit: boolean;
  version: number;
};

export type PublicMeeting = {
  id: string;
  titleVi: string;
  titleEn: string | null;
  meetingDate: string;
  conclusions: string | null;
  synthetic: boolean;
};

export type AwardKind = 'CERTIFICATE_OF_MERIT' | 'ORDER' | 'PEACE_FRIENDSHIP_MEDAL' | 'OTHER';
export const AWARD_KINDS: AwardKind[] = ['CERTIFICATE_OF_MERIT', 'ORDER', 'PEACE_FRIENDSHIP_MEDAL', 'OTHER'];
export type AwardStatus = 'NOMINATED' | 'DECIDED' | 'DECLINED';
export const AWARD_STATUSES: AwardStatus[] = ['NOMINATED', 'DECIDED', 'DECLINED'];

export type Award = {
  id: string;
  status: AwardStatus;
  nomineeKind: 'ORGANISATION' | 'INDIVIDUAL';
  organisationId: string | null;
  organisationDisplayName: string | null;
  personName: string | null;
  awardKind: AwardKind;
  awardName: string | null;
  reason: string;
  nominatingAgency: Named;
  nominatedOn: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuingAuthority: string | null;
  declineReason: string | null;
  canDecide: boolean;
  synthetic: boolean;
  version: number;
};

/** A decided award as the public profile shows it. */
export type PublicAward = {
  id: string;
  awardKind: AwardKind;
  awardName: string | null;
  recipientKind: 'ORGANISATION' | 'INDIVIDUAL';
  personName: string | null;
  decisionNumber: string;
  decisionDate: string;
  issuingAuthority: string;
  synthetic: boolean;
};

/** The name in the screen's language (Vietnamese when there is no English one). */
export const named = (lang: string, item: { nameVi: string; nameEn: string }) => (lang === 'en' ? item.nameEn : item.nameVi);
export const titled = (lang: string, item: { titleVi: string; titleEn: string | null }) =>
  lang === 'en' && item.titleEn ? item.titleEn : item.titleVi;
