/**
 * Decree 58/2022 registration procedures (in force from 01/11/2022), as data.
 *
 * Workflow (domain §2.5): S1 COMINGO checks the dossier (≤ 2 WD, before the clock starts); S2 asks
 * for opinions (≤ 2 WD after the dossier is complete); S3 consulted agencies reply (≤ 10 WD); S4
 * COMINGO forwards to MOFA (≤ 2 WD after all opinions); S5 MOFA decides (≤ 10 WD, or 7 WD for
 * amendment / re-issue); S6 COMINGO delivers, all within 30 WD (new, extension) or 25 WD (amendment,
 * re-issue) of receiving the complete dossier.
 */
import {
  AMEND_DOCUMENTS,
  EXTEND_GDKHD_DOCUMENTS,
  EXTEND_GDKVPDD_DOCUMENTS,
  NEW_GDKHD_DOCUMENTS,
  NEW_GDKVPDD_DOCUMENTS,
  REISSUE_DOCUMENTS,
  SELF_TERMINATION_DOCUMENTS,
} from './documents';
import { AMEND_CONSULTED, GDKHD_CONSULTED, GDKVPDD_CONSULTED } from './d58-consultation';
import type {
  ConsultationEntry,
  Deadline,
  DeadlineAnchor,
  ProcedureCode,
  ProcedureStep,
  ProcedureVersion,
  RequiredDocument,
  Text,
} from './types';

const D58 = 'Nghị định 58/2022/NĐ-CP';
const FROM = '2022-11-01';

const wd = (days: number, anchor: DeadlineAnchor): Deadline => ({ days, unit: 'WORKING', anchor, direction: 'AFTER' });

/** Steps S0–S6; `decisionDays` is 10 (new, extension) or 7 (amendment, re-issue). */
function registrationSteps(decisionDays: number, overall: number, arts: { check: string; forward: string }): ProcedureStep[] {
  return [
    { code: 'SUBMIT', name: { vi: 'Nộp hồ sơ', en: 'Submit the dossier' }, role: 'NGO', deadline: null, legalRef: arts.check },
    {
      code: 'S1_CHECK',
      name: { vi: 'Kiểm tra thành phần hồ sơ, yêu cầu bổ sung nếu cần', en: 'Check the dossier; ask for missing documents' },
      role: 'COMINGO',
      deadline: wd(2, 'DOSSIER_RECEIVED'),
      legalRef: arts.check,
      note: { vi: 'Trước khi thời hạn giải quyết bắt đầu', en: 'Before the overall clock starts' },
    },
    {
      code: 'S2_REQUEST_OPINIONS',
      name: { vi: 'Gửi văn bản lấy ý kiến', en: 'Send requests for opinions' },
      role: 'COMINGO',
      deadline: wd(2, 'DOSSIER_COMPLETE'),
      legalRef: arts.check,
    },
    {
      code: 'S3_OPINION',
      name: { vi: 'Trả lời bằng văn bản', en: 'Reply in writing' },
      role: 'CONSULTED_AGENCY',
      deadline: wd(10, 'OPINION_REQUESTED'),
      legalRef: arts.check,
    },
    {
      code: 'S4_FORWARD',
      name: { vi: 'Chuyển hồ sơ và ý kiến đến Bộ Ngoại giao', en: 'Forward the dossier and opinions to MOFA' },
      role: 'COMINGO',
      deadline: wd(2, 'ALL_OPINIONS_RECEIVED'),
      legalRef: arts.forward,
    },
    {
      code: 'S5_DECIDE',
      name: {
        vi: 'Thẩm định và quyết định; thông báo cho Ủy ban công tác về các tổ chức PCPNN',
        en: 'Appraise and decide; notify COMINGO',
      },
      role: 'MOFA',
      deadline: wd(decisionDays, 'DOSSIER_FORWARDED'),
      legalRef: arts.forward,
    },
    {
      code: 'S6_DELIVER',
      name: { vi: 'Trả kết quả (Giấy đăng ký hoặc văn bản từ chối nêu rõ lý do)', en: 'Deliver the certificate, or a reasoned refusal' },
      role: 'COMINGO',
      deadline: wd(overall, 'DOSSIER_COMPLETE'),
      legalRef: arts.forward,
    },
  ];
}

function d58(
  code: ProcedureCode,
  name: Text,
  legalRefs: string[],
  steps: ProcedureStep[],
  overall: number | null,
  documents: readonly RequiredDocument[],
  consulted: readonly ConsultationEntry[] | null,
): ProcedureVersion {
  return {
    code,
    versionId: `${code}@D58-2022`,
    name,
    legalDocument: D58,
    legalRefs,
    effectiveFrom: FROM,
    effectiveTo: null,
    provisional: false,
    overallLimit: overall === null ? null : wd(overall, 'DOSSIER_COMPLETE'),
    copies: 1,
    steps,
    documents,
    consultation: consulted ? { DEFAULT: consulted } : null,
    parameters: {},
  };
}

/** Extension filing: at least 60 calendar days before expiry (Art. 12.1, 16.1). */
function withFilingLead(steps: ProcedureStep[]): ProcedureStep[] {
  return steps.map((s) =>
    s.code === 'SUBMIT' ? { ...s, deadline: { days: 60, unit: 'CALENDAR', anchor: 'CERTIFICATE_EXPIRY', direction: 'BEFORE' } } : s,
  );
}

const AMEND_STEP_NOTE: Text = {
  vi: 'Điều 17.5 (Văn phòng đại diện) không quy định thời hạn cho bước này; áp dụng 02 ngày làm việc của Điều 13.5 làm chỉ tiêu nội bộ.',
  en: 'Art. 17.5 (representative office) sets no limit for this step; the 2 WD of Art. 13.5 is applied as an internal target.',
};

/** All D58 procedure versions. */
export const D58_PROCEDURES: readonly ProcedureVersion[] = [
  d58(
    'NEW_GDKHD',
    { vi: 'Cấp Giấy đăng ký hoạt động', en: 'Issue an operation registration certificate' },
    ['Điều 10', 'Điều 11'],
    registrationSteps(10, 30, { check: 'Điều 11', forward: 'Điều 11' }),
    30,
    NEW_GDKHD_DOCUMENTS,
    GDKHD_CONSULTED,
  ),
  d58(
    'NEW_GDKVPDD',
    { vi: 'Cấp Giấy đăng ký lập Văn phòng đại diện', en: 'Issue a representative office certificate' },
    ['Điều 8.2', 'Điều 14', 'Điều 15'],
    registrationSteps(10, 30, { check: 'Điều 15', forward: 'Điều 15' }),
    30,
    NEW_GDKVPDD_DOCUMENTS,
    GDKVPDD_CONSULTED,
  ),
  d58(
    'EXTEND_GDKHD',
    { vi: 'Gia hạn Giấy đăng ký hoạt động', en: 'Extend an operation registration certificate' },
    ['Điều 9.2', 'Điều 12'],
    withFilingLead(registrationSteps(10, 30, { check: 'Điều 12.2', forward: 'Điều 12.2' })),
    30,
    EXTEND_GDKHD_DOCUMENTS,
    GDKHD_CONSULTED,
  ),
  d58(
    'EXTEND_GDKVPDD',
    { vi: 'Gia hạn Giấy đăng ký lập Văn phòng đại diện', en: 'Extend a representative office certificate' },
    ['Điều 9.2', 'Điều 16'],
    withFilingLead(registrationSteps(10, 30, { check: 'Điều 16.2', forward: 'Điều 16.2' })),
    30,
    EXTEND_GDKVPDD_DOCUMENTS,
    GDKVPDD_CONSULTED,
  ),
  d58(
    'AMEND',
    { vi: 'Sửa đổi, bổ sung Giấy đăng ký', en: 'Amend or supplement a certificate' },
    ['Điều 13', 'Điều 17'],
    registrationSteps(7, 25, { check: 'Điều 13, 17', forward: 'Điều 13.5, 17.5' }).map((s) =>
      s.code === 'S4_FORWARD' ? { ...s, note: AMEND_STEP_NOTE } : s,
    ),
    25,
    AMEND_DOCUMENTS,
    AMEND_CONSULTED,
  ),
  d58(
    'REISSUE',
    { vi: 'Cấp lại Giấy đăng ký', en: 'Re-issue a certificate' },
    ['Điều 13', 'Điều 17'],
    registrationSteps(7, 25, { check: 'Điều 13, 17', forward: 'Điều 13.5, 17.5' }).map((s) =>
      s.code === 'S1_CHECK'
        ? { ...s, note: { vi: 'Cấp lại: kiểm tra cả nội dung hồ sơ', en: 'Re-issue: the content is checked too' } }
        : s.code === 'S4_FORWARD'
          ? { ...s, note: AMEND_STEP_NOTE }
          : s,
    ),
    // A re-issue changes nothing, so "those concerned by the change" is usually nobody.
    25,
    REISSUE_DOCUMENTS,
    AMEND_CONSULTED,
  ),
  d58(
    'SELF_TERMINATION',
    { vi: 'Tự chấm dứt hoạt động', en: 'Self-termination' },
    ['Điều 19.5', 'Điều 20.6'],
    [
      {
        code: 'NOTIFY',
        name: {
          vi: 'Thông báo bằng văn bản cho Bộ Ngoại giao và Ủy ban công tác về các tổ chức PCPNN',
          en: 'Notify MOFA and COMINGO in writing',
        },
        role: 'NGO',
        // "Không quá 60 ngày trước" read as a 60-day notice (domain §2.6, unconfirmed).
        deadline: { days: 60, unit: 'CALENDAR', anchor: 'CESSATION_DATE', direction: 'BEFORE' },
        legalRef: 'Điều 19.5',
      },
      {
        code: 'RECEIVE',
        name: { vi: 'Tiếp nhận thông báo và thu hồi Giấy đăng ký', en: 'Receive the notice and recover the certificate' },
        role: 'COMINGO',
        deadline: null,
        legalRef: 'Điều 19.5, 25',
      },
      {
        code: 'RECORD',
        name: { vi: 'Ghi nhận việc chấm dứt hoạt động', en: 'Record the cessation' },
        role: 'MOFA',
        deadline: null,
        legalRef: 'Điều 7',
      },
    ],
    null,
    SELF_TERMINATION_DOCUMENTS,
    null,
  ),
];
