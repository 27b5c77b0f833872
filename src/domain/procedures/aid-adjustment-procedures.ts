/**
 * Adjustment of approved non-ODA aid (Decree 80/2020 Art. 16, carried into Decree 313/2025): the aid owner asks
 * the body that approved the aid to change it (value, duration, goods, location, objectives…); the request goes
 * back to the original approver, or to the Prime Minister's level (dossier with the Ministry of Finance) when the
 * change makes it a Prime Minister case under Art. 7. The approver decides within the appraisal time of an approval
 * (20 days, Art. 10.6), approving (the change applies to the registered item) or refusing.
 *
 * D313's text on adjustments is not confirmed (domain §3.10): its version repeats D80's and is `provisional`.
 * Pure: no I/O; the aid module applies it (src/modules/aid/aid-adjustments.service.ts).
 */
import type { IsoDate } from '../registration/iso-date';
import type { Deadline, ProcedureStep, ProcedureVersion, RequiredDocument } from './types';

const days = (n: number, anchor: Deadline['anchor']): Deadline => ({ days: n, unit: 'CALENDAR', anchor, direction: 'AFTER' });

/** What an adjustment may change: item fields, and `other` (value, goods…: stated in words, kept in the history). */
export const AID_ADJUSTABLE_FIELDS = ['titleVi', 'titleEn', 'descriptionVi', 'plannedStart', 'plannedEnd', 'provinceIds', 'other'] as const;
export type AidAdjustableField = (typeof AID_ADJUSTABLE_FIELDS)[number];

/**
 * Subjects that make an aid a Prime Minister case (D80 Art. 7.1): security, defence or religion; support to drafting
 * legal normative documents; imported goods within the Prime Minister's competence (used goods).
 */
export const AID_PM_SUBJECTS = ['SECURITY_DEFENCE_RELIGION', 'LEGAL_DRAFTING', 'USED_GOODS'] as const;
export type AidPmSubject = (typeof AID_PM_SUBJECTS)[number];

/** The body that handles Prime-Minister-level aid (MPI's role, held by MOF since 01/03/2025; aid-routing.ts). */
export const AID_ADJUSTMENT_PM_BODY = 'MOF';

/**
 * Where an adjustment goes: to the Prime Minister's level (the Ministry of Finance) when the aid was approved at
 * that level or the change brings in a subject of Art. 7.1; otherwise back to the item's original approver.
 * @returns the approver agency id and whether it is a PM case, or null when the item names no approver
 */
export function routeAidAdjustment(facts: {
  originalApproverId: string | null;
  approvedAtPmLevel: boolean;
  pmSubjects: readonly AidPmSubject[];
}): { approverAgencyId: string; pmLevel: boolean } | null {
  const pmLevel = facts.approvedAtPmLevel || facts.pmSubjects.length > 0;
  if (pmLevel) return { approverAgencyId: AID_ADJUSTMENT_PM_BODY, pmLevel };
  return facts.originalApproverId ? { approverAgencyId: facts.originalApproverId, pmLevel } : null;
}

/** The day the decision on an adjustment filed on `filedOn` is due (the version's overall limit, calendar days). */
export function aidAdjustmentDueDate(version: ProcedureVersion, filedOn: IsoDate): IsoDate {
  const limit = version.overallLimit?.days ?? 20;
  const [y, m, d] = filedOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + limit)).toISOString().slice(0, 10);
}

const DOCUMENTS: readonly RequiredDocument[] = [
  { code: 'ADJUSTMENT_REQUEST', name: { vi: 'Văn bản đề nghị điều chỉnh', en: 'Request for the adjustment' }, required: true },
  {
    code: 'DONOR_AGREEMENT',
    name: { vi: 'Văn bản đồng ý của bên tài trợ về nội dung điều chỉnh', en: "The donor's agreement to the change" },
    required: true,
  },
  {
    code: 'AMENDED_DOCUMENT',
    name: { vi: 'Văn kiện chương trình, dự án hoặc phi dự án đã điều chỉnh', en: 'The amended programme, project or non-project document' },
    required: true,
  },
];

function steps(legal: string): ProcedureStep[] {
  return [
    {
      code: 'J1_FILE',
      name: { vi: 'Chủ khoản viện trợ đề nghị điều chỉnh', en: 'The aid owner asks for the adjustment' },
      role: 'NGO',
      deadline: null,
      legalRef: legal,
      note: { vi: 'Do chủ khoản viện trợ nộp, không do bên tài trợ', en: 'Filed by the Vietnamese aid owner, not by the donor' },
    },
    {
      code: 'J2_DECIDE',
      name: {
        vi: 'Cấp có thẩm quyền đã phê duyệt quyết định điều chỉnh hoặc từ chối',
        en: 'The approver of the aid approves or refuses the adjustment',
      },
      role: 'GOVERNING_AGENCY',
      deadline: days(20, 'DOSSIER_RECEIVED'),
      legalRef: legal,
      note: {
        vi: 'Trường hợp điều chỉnh làm khoản viện trợ thuộc thẩm quyền Thủ tướng: hồ sơ gửi Bộ Tài chính',
        en: 'Where the change makes it a Prime Minister case: the request goes to the Ministry of Finance',
      },
    },
  ];
}

const NAME = { vi: 'Điều chỉnh khoản viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức', en: 'Adjustment of non-ODA aid' };

/** Aid adjustment versions (registered in the procedure catalogue, definitions.ts). */
export const AID_ADJUSTMENT_PROCEDURES: readonly ProcedureVersion[] = [
  {
    code: 'AID_ADJUSTMENT',
    versionId: 'AID_ADJUSTMENT@D80-2020',
    name: NAME,
    legalDocument: 'Nghị định 80/2020/NĐ-CP',
    legalRefs: ['Điều 7', 'Điều 16'],
    effectiveFrom: '2020-09-17',
    effectiveTo: '2025-12-07',
    provisional: false,
    overallLimit: days(20, 'DOSSIER_RECEIVED'),
    copies: 1,
    steps: steps('Điều 16'),
    documents: DOCUMENTS,
    consultation: null,
    parameters: {},
  },
  {
    code: 'AID_ADJUSTMENT',
    versionId: 'AID_ADJUSTMENT@D313-2025',
    name: NAME,
    legalDocument: 'Nghị định 313/2025/NĐ-CP',
    legalRefs: [],
    effectiveFrom: '2025-12-08',
    effectiveTo: null,
    provisional: true,
    overallLimit: days(20, 'DOSSIER_RECEIVED'),
    copies: 1,
    steps: steps('Nghị định 313/2025/NĐ-CP (chưa xác nhận)'),
    documents: DOCUMENTS,
    consultation: null,
    parameters: {},
  },
];
