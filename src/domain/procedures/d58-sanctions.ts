/**
 * Decree 58/2022 sanctions as procedures (domain §2.6): suspension (đình chỉ, Art. 18) and forced termination with
 * revocation of the certificate (chấm dứt hoạt động, thu hồi Giấy đăng ký, Art. 19), as versioned data like the
 * registration procedures.
 *
 * Both run: proposal (COMINGO or the agency that found the breach, with grounds and evidence) → written opinions of
 * the agencies concerned (10 WD; a meeting when opinions differ) → MOFA's decision → notice to the NGO within 5 WD
 * of the decision. Then a suspension gives the NGO 30 WD from receiving the decision to remedy, after which MOFA
 * lifts the suspension or escalates to forced termination (Art. 19.1c); a termination recovers the certificate
 * within 5 WD and gives the NGO 60 WD to settle premises, staff, assets and finances.
 */
import type { ConsultationEntry, Deadline, DeadlineAnchor, ProcedureStep, ProcedureVersion, RequiredDocument } from './types';

const D58 = 'Nghị định 58/2022/NĐ-CP';
const wd = (days: number, anchor: DeadlineAnchor): Deadline => ({ days, unit: 'WORKING', anchor, direction: 'AFTER' });

/** Who is asked for an opinion: the ministries of the certificate's fields, the provinces of its areas, and MPS. */
const SANCTION_CONSULTED: readonly ConsultationEntry[] = [
  { kind: 'DYNAMIC', source: 'LINE_MINISTRIES_OF_SECTORS', when: 'ALWAYS' },
  { kind: 'DYNAMIC', source: 'PROVINCES_OF_AREAS', when: 'ALWAYS' },
  { kind: 'FIXED', agency: 'MPS', when: 'ALWAYS' },
];

const doc = (code: string, vi: string, en: string, required: boolean, condition?: { vi: string; en: string }): RequiredDocument =>
  condition ? { code, name: { vi, en }, required, condition } : { code, name: { vi, en }, required };

const COMMON_DOCUMENTS: RequiredDocument[] = [
  doc('PROPOSAL', 'Văn bản đề xuất nêu căn cứ', 'Written proposal stating the grounds', true),
  doc('EVIDENCE', 'Tài liệu, chứng cứ về vi phạm', 'Evidence of the breach', true),
  doc('MEETING_MINUTES', 'Biên bản họp liên ngành', 'Minutes of the inter-agency meeting', false, {
    vi: 'Khi các cơ quan có ý kiến khác nhau',
    en: 'When the agencies’ opinions differ',
  }),
  doc('DECISION', 'Quyết định của Bộ Ngoại giao', 'MOFA decision', true),
];

/** The steps both sanctions share, from the proposal to the notice (Art. 18.2–18.3, 19.2–19.3). */
function commonSteps(article: string): ProcedureStep[] {
  return [
    {
      code: 'P1_PROPOSE',
      name: { vi: 'Đề xuất, nêu căn cứ và chứng cứ', en: 'Propose, with grounds and evidence' },
      role: 'COMINGO',
      deadline: null,
      legalRef: article,
      note: {
        vi: 'Ủy ban công tác về các tổ chức PCPNN hoặc cơ quan phát hiện vi phạm đề xuất',
        en: 'Proposed by COMINGO or by the agency that found the breach',
      },
    },
    {
      code: 'P2_OPINION',
      name: { vi: 'Các cơ quan liên quan có ý kiến bằng văn bản', en: 'Written opinions of the agencies concerned' },
      role: 'CONSULTED_AGENCY',
      deadline: wd(10, 'OPINION_REQUESTED'),
      legalRef: article,
    },
    {
      code: 'P3_MEETING',
      name: { vi: 'Họp liên ngành khi các ý kiến khác nhau', en: 'Inter-agency meeting when opinions differ' },
      role: 'MOFA',
      deadline: null,
      legalRef: article,
    },
    {
      code: 'P4_DECIDE',
      name: { vi: 'Bộ Ngoại giao quyết định', en: 'MOFA decides' },
      role: 'MOFA',
      deadline: null,
      legalRef: article,
    },
    {
      code: 'P5_NOTIFY',
      name: { vi: 'Thông báo quyết định cho tổ chức', en: 'Notify the organisation of the decision' },
      role: 'COMINGO',
      deadline: wd(5, 'DECISION'),
      legalRef: article,
    },
  ];
}

/** Suspension and forced termination, in force with Decree 58 from 01/11/2022. */
export const SANCTION_PROCEDURES: readonly ProcedureVersion[] = [
  {
    code: 'SUSPENSION',
    versionId: 'SUSPENSION@D58-2022',
    name: { vi: 'Đình chỉ hoạt động', en: 'Suspension' },
    legalDocument: D58,
    legalRefs: ['Điều 18'],
    effectiveFrom: '2022-11-01',
    effectiveTo: null,
    provisional: false,
    overallLimit: null,
    copies: 1,
    steps: [
      ...commonSteps('Điều 18.2'),
      {
        code: 'P6_REMEDY',
        name: { vi: 'Tổ chức khắc phục vi phạm và báo cáo kết quả', en: 'The organisation remedies the breach and reports' },
        role: 'NGO',
        deadline: wd(30, 'NOTICE_RECEIVED'),
        legalRef: 'Điều 18.3',
      },
      {
        code: 'P7_CONCLUDE',
        name: {
          vi: 'Cho phép hoạt động trở lại, hoặc chấm dứt hoạt động nếu không khắc phục',
          en: 'Reinstate, or terminate when the breach was not remedied',
        },
        role: 'MOFA',
        deadline: null,
        legalRef: 'Điều 18.3, 19.1c',
      },
    ],
    documents: [
      ...COMMON_DOCUMENTS,
      doc('REMEDY_REPORT', 'Báo cáo kết quả khắc phục', 'Report on the remedy', false, {
        vi: 'Tổ chức nộp trong 30 ngày làm việc',
        en: 'Filed by the organisation within 30 working days',
      }),
    ],
    consultation: { DEFAULT: SANCTION_CONSULTED },
    parameters: { remedyWorkingDays: 30, noticeWorkingDays: 5, opinionWorkingDays: 10 },
  },
  {
    code: 'FORCED_TERMINATION',
    versionId: 'FORCED_TERMINATION@D58-2022',
    name: { vi: 'Chấm dứt hoạt động và thu hồi Giấy đăng ký', en: 'Forced termination and revocation of the certificate' },
    legalDocument: D58,
    legalRefs: ['Điều 19'],
    effectiveFrom: '2022-11-01',
    effectiveTo: null,
    provisional: false,
    overallLimit: null,
    copies: 1,
    steps: [
      ...commonSteps('Điều 19.2'),
      {
        code: 'P6_RECOVER',
        name: { vi: 'Thu hồi Giấy đăng ký', en: 'Recover the certificate' },
        role: 'COMINGO',
        deadline: wd(5, 'DECISION'),
        legalRef: 'Điều 19.3',
      },
      {
        code: 'P7_SETTLE',
        name: {
          vi: 'Giải quyết trụ sở, nhà ở, nhân sự, tài sản và nghĩa vụ tài chính',
          en: 'Settle premises, housing, staff, assets and financial obligations',
        },
        role: 'NGO',
        deadline: wd(60, 'NOTICE_RECEIVED'),
        legalRef: 'Điều 19.4',
      },
    ],
    documents: [
      ...COMMON_DOCUMENTS,
      doc('CERTIFICATE_RECOVERY', 'Biên bản thu hồi Giấy đăng ký', 'Record of the certificate’s recovery', true),
      doc('SETTLEMENT_REPORT', 'Báo cáo giải quyết các nghĩa vụ', 'Report on the settlement', true),
    ],
    consultation: { DEFAULT: SANCTION_CONSULTED },
    parameters: { settlementWorkingDays: 60, noticeWorkingDays: 5, recoveryWorkingDays: 5, opinionWorkingDays: 10 },
  },
];
