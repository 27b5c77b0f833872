/**
 * Approval of non-ODA aid: Decree 80/2020 (17/09/2020 – 07/12/2025), replaced by Decree 313/2025
 * (from 08/12/2025).
 *
 * D80: the appraisal takes ≤ 20 days from the full valid dossier (Art. 10.6: "ngày", calendar days)
 * and the governing agency notifies the donor and sends the decision on within 5 days (Art. 11).
 * D313's parameters are not confirmed (domain §3.10, §10.2): its version repeats D80's numbers, is
 * marked `provisional` and may be edited through `overrideProcedure` once the text is read.
 */
import { AID_APPROVAL_DOCUMENTS } from './documents';
import type { ConsultationEntry, ConsultationRules, Deadline, ProcedureStep, ProcedureVersion } from './types';

const days = (n: number, anchor: Deadline['anchor']): Deadline => ({ days: n, unit: 'CALENDAR', anchor, direction: 'AFTER' });

/** Steps; the applicant (recipient / aid owner) files with the governing agency, or with MPI (now MOF) for PM-level aid. */
function aidSteps(legal: { appraise: string; notify: string }): ProcedureStep[] {
  return [
    {
      code: 'A1_RECEIVE',
      name: { vi: 'Tiếp nhận và kiểm tra hồ sơ khoản viện trợ', en: 'Receive and check the aid dossier' },
      role: 'GOVERNING_AGENCY',
      deadline: null,
      legalRef: legal.appraise,
      note: {
        vi: 'Viện trợ thuộc thẩm quyền Thủ tướng: cơ quan chủ trì thẩm định là Bộ Kế hoạch và Đầu tư (nay là Bộ Tài chính)',
        en: 'PM-level aid: the lead appraiser is MPI (now MOF)',
      },
    },
    {
      code: 'A2_REQUEST_OPINIONS',
      name: { vi: 'Gửi hồ sơ lấy ý kiến', en: 'Send the dossier for opinions' },
      role: 'GOVERNING_AGENCY',
      deadline: null,
      legalRef: legal.appraise,
    },
    {
      code: 'A3_OPINION',
      name: { vi: 'Có ý kiến bằng văn bản', en: 'Give a written opinion' },
      role: 'CONSULTED_AGENCY',
      deadline: null,
      legalRef: legal.appraise,
    },
    {
      code: 'A4_APPRAISE',
      name: { vi: 'Thẩm định khoản viện trợ', en: 'Appraise the aid' },
      role: 'GOVERNING_AGENCY',
      deadline: days(20, 'DOSSIER_COMPLETE'),
      legalRef: legal.appraise,
    },
    {
      code: 'A5_DECIDE',
      name: { vi: 'Quyết định phê duyệt hoặc từ chối', en: 'Approve or refuse' },
      role: 'GOVERNING_AGENCY',
      deadline: null,
      legalRef: legal.notify,
    },
    {
      code: 'A6_NOTIFY',
      name: {
        vi: 'Thông báo cho bên tài trợ và gửi quyết định đến Bộ Kế hoạch và Đầu tư (nay là Bộ Tài chính), Bộ Tài chính và cơ quan liên quan',
        en: 'Notify the donor and send the decision to MPI (now MOF), MOF and the agencies concerned',
      },
      role: 'GOVERNING_AGENCY',
      deadline: days(5, 'DECISION'),
      legalRef: legal.notify,
    },
  ];
}

const fixed = (
  agency: Extract<ConsultationEntry, { kind: 'FIXED' }>['agency'],
  when: ConsultationEntry['when'] = 'ALWAYS',
): ConsultationEntry => ({ kind: 'FIXED', agency, when });
const specialised: ConsultationEntry = { kind: 'DYNAMIC', source: 'RELEVANT_SPECIALISED_AGENCIES', when: 'ALWAYS' };

/** D80 Art. 10.2 by approval level; relief and recovery aid needs no consultation (Art. 10.4). */
const D80_CONSULTATION: ConsultationRules = {
  PM: [fixed('MOF'), fixed('MPS'), fixed('MOFA'), fixed('VUFO', 'IF_DONOR_FNGO'), specialised],
  CENTRAL: [fixed('MPI'), fixed('MOF'), fixed('MPS'), fixed('MOFA'), fixed('VUFO', 'IF_DONOR_FNGO'), specialised],
  LOCAL: [fixed('PROVINCIAL_FINANCE_DEPT'), fixed('PROVINCIAL_POLICE'), specialised],
  RELIEF_RECOVERY: [],
};

/** D313 (provisional): MPI's roles sit with MOF since 01/03/2025, so MPI drops out of the lists. */
const D313_CONSULTATION: ConsultationRules = {
  ...D80_CONSULTATION,
  CENTRAL: [fixed('MOF'), fixed('MPS'), fixed('MOFA'), fixed('VUFO', 'IF_DONOR_FNGO'), specialised],
};

const AID_PARAMETERS = {
  /** Months without a start after which the approval may be revoked (D80 Art. 4.7). */
  unstartedRevocationMonths: 6,
  /** Below this value the governing agency's own unit may manage the project (D80 Art. 12). */
  ownUnitPmuThresholdUsd: 200_000,
  /** Months after the aid ends to send the completion report (D80 Art. 13.9, 14.4). */
  completionReportMonths: 6,
};

const NAME = {
  vi: 'Phê duyệt khoản viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức',
  en: 'Approval of non-refundable non-ODA aid',
};

/** Aid approval versions. */
export const AID_PROCEDURES: readonly ProcedureVersion[] = [
  {
    code: 'AID_APPROVAL',
    versionId: 'AID_APPROVAL@D80-2020',
    name: NAME,
    legalDocument: 'Nghị định 80/2020/NĐ-CP',
    legalRefs: ['Điều 7', 'Điều 8', 'Điều 9', 'Điều 10', 'Điều 11'],
    effectiveFrom: '2020-09-17',
    effectiveTo: '2025-12-07',
    provisional: false,
    overallLimit: days(20, 'DOSSIER_COMPLETE'),
    copies: 6,
    steps: aidSteps({ appraise: 'Điều 9, 10', notify: 'Điều 11' }),
    documents: AID_APPROVAL_DOCUMENTS,
    consultation: D80_CONSULTATION,
    parameters: AID_PARAMETERS,
  },
  {
    code: 'AID_APPROVAL',
    versionId: 'AID_APPROVAL@D313-2025',
    name: NAME,
    legalDocument: 'Nghị định 313/2025/NĐ-CP',
    legalRefs: [],
    effectiveFrom: '2025-12-08',
    effectiveTo: null,
    provisional: true,
    overallLimit: days(20, 'DOSSIER_COMPLETE'),
    copies: 6,
    steps: aidSteps({ appraise: 'Nghị định 313/2025/NĐ-CP (chưa xác nhận)', notify: 'Nghị định 313/2025/NĐ-CP (chưa xác nhận)' }),
    documents: AID_APPROVAL_DOCUMENTS,
    consultation: D313_CONSULTATION,
    parameters: AID_PARAMETERS,
  },
];
