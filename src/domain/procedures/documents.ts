/**
 * Dossier documents (D58 Art. 11.1, 12.1, 13.1, 15.1, 16.1, 17.1, 19.5; D80 Art. 8), as data.
 * Lists are assembled per procedure in definitions.ts from these building blocks.
 */
import type { RequiredDocument } from './types';

const doc = (
  code: string,
  vi: string,
  en: string,
  required = true,
  extra: Partial<Pick<RequiredDocument, 'condition' | 'oneOf'>> = {},
): RequiredDocument => ({ code, name: { vi, en }, required, ...extra });

const FOREIGN_LANGUAGE = {
  vi: 'Khi hồ sơ có văn bản bằng tiếng nước ngoài',
  en: 'When the dossier contains foreign-language documents',
};

/** Consular legalisation is required for new registrations (Art. 11.1, 15.1), not for extensions. */
const legalisedTranslation = doc(
  'LEGALISED_TRANSLATION',
  'Hợp pháp hóa lãnh sự văn bản nước ngoài kèm bản dịch tiếng Việt có chứng thực (trừ trường hợp được miễn)',
  'Consular legalisation of foreign documents with a certified Vietnamese translation (unless exempt)',
  false,
  { condition: FOREIGN_LANGUAGE },
);

const certifiedTranslation = doc(
  'CERTIFIED_TRANSLATION',
  'Bản dịch tiếng Việt có chứng thực của văn bản bằng tiếng nước ngoài',
  'Certified Vietnamese translation of foreign-language documents',
  false,
  { condition: FOREIGN_LANGUAGE },
);

/** Sub-dossier for the Representative (GDKHD) or Head of Office (GDKVPDD), Art. 11.1(đ), 15.1(đ). */
function personDocs(prefix: 'REPRESENTATIVE' | 'HEAD_OF_OFFICE', vi: string, en: string): RequiredDocument[] {
  return [
    doc(
      `${prefix}_APPOINTMENT`,
      `Quyết định bổ nhiệm ${vi} (có chữ ký, đóng dấu của người đứng đầu tổ chức)`,
      `Appointment of the ${en}, signed and sealed by the head of the organisation`,
    ),
    doc(`${prefix}_CV`, `Tiểu sử của ${vi}`, `CV of the ${en}`),
    doc(
      `${prefix}_CRIMINAL_RECORD`,
      `Lý lịch tư pháp của ${vi} (nơi mang quốc tịch hoặc nơi thường trú trong 06 tháng gần nhất)`,
      `Criminal-record certificate of the ${en} (country of nationality or of residence in the last 6 months)`,
    ),
    doc(
      `${prefix}_ID_COPY`,
      `Bản sao hộ chiếu còn hiệu lực (người nước ngoài) hoặc hộ chiếu/CMND/CCCD (người Việt Nam) của ${vi}`,
      `Copy of the ${en}'s valid passport (foreigner) or passport / ID card (Vietnamese)`,
    ),
  ];
}

const application03a = doc('APPLICATION_03A', 'Đơn đề nghị (Mẫu số 03a)', 'Application (Form 03a)');
const application03b = doc(
  'APPLICATION_03B',
  'Đơn đề nghị sửa đổi, bổ sung, cấp lại (Mẫu số 03b), nêu rõ nội dung hoặc lý do',
  'Application for amendment, supplement or re-issue (Form 03b), stating the changes or the reason',
);
const charter = doc('CHARTER_COPY', 'Bản sao Điều lệ của tổ chức', "Copy of the organisation's charter");
const legalEntity = doc('LEGAL_ENTITY_PROOF', 'Bản sao giấy tờ chứng minh tư cách pháp nhân', 'Copy of the legal-entity document');
const originalCertificate = doc('ORIGINAL_CERTIFICATE', 'Bản gốc Giấy đăng ký đã được cấp', 'Original of the certificate');

/** A. New GDKHD, Art. 11.1. */
export const NEW_GDKHD_DOCUMENTS: readonly RequiredDocument[] = [
  application03a,
  charter,
  legalEntity,
  doc(
    'PROGRAMME_LIST_3Y',
    'Bản thống kê chi tiết các chương trình, dự án, phi dự án dự kiến triển khai tại Việt Nam trong 03 năm',
    'Detailed list of programmes, projects and non-projects planned in Vietnam over 3 years',
  ),
  ...personDocs('REPRESENTATIVE', 'Người đại diện', 'Representative'),
  legalisedTranslation,
];

/** B. New GDKVPDD, Art. 15.1. */
export const NEW_GDKVPDD_DOCUMENTS: readonly RequiredDocument[] = [
  application03a,
  charter,
  legalEntity,
  doc(
    'PROGRAMME_LIST_5Y',
    'Bản thống kê chi tiết các chương trình, dự án dự kiến triển khai trong 05 năm',
    'Detailed list of programmes and projects planned over 5 years',
  ),
  doc(
    'PAST_ACTIVITIES_3Y',
    'Bản thống kê các chương trình, dự án, phi dự án đã thực hiện trong 03 năm liên tiếp trước thời điểm đề nghị',
    'List of programmes, projects and non-projects carried out in the 3 consecutive years before the application',
    false,
    {
      condition: { vi: 'Nếu tổ chức đã hoạt động tại Việt Nam', en: 'If the organisation has been active in Vietnam' },
    },
  ),
  ...personDocs('HEAD_OF_OFFICE', 'Trưởng Văn phòng đại diện', 'Head of Representative Office'),
  legalisedTranslation,
];

/** C. Extension of a GDKHD, Art. 12.1. */
export const EXTEND_GDKHD_DOCUMENTS: readonly RequiredDocument[] = [
  application03a,
  originalCertificate,
  doc(
    'REPORT_AND_PLAN_3Y',
    'Báo cáo tổng kết hoạt động 03 năm gần nhất và kế hoạch hoạt động 03 năm tiếp theo',
    'Summary report on the last 3 years and plan for the next 3 years',
  ),
  certifiedTranslation,
];

/** C. Extension of a GDKVPDD, Art. 16.1. */
export const EXTEND_GDKVPDD_DOCUMENTS: readonly RequiredDocument[] = [
  application03a,
  originalCertificate,
  doc(
    'REPORT_AND_PLAN_5Y',
    'Báo cáo tổng kết hoạt động trong thời hạn của Giấy đăng ký và kế hoạch hoạt động 05 năm tiếp theo',
    "Summary report for the certificate's term and plan for the next 5 years",
  ),
  certifiedTranslation,
];

/** D. Amendment or supplement, Art. 13.1, 17.1. */
export const AMEND_DOCUMENTS: readonly RequiredDocument[] = [
  application03b,
  originalCertificate,
  doc('SUPPORTING_DOCUMENTS', 'Tài liệu chứng minh nội dung đề nghị sửa đổi, bổ sung', 'Documents supporting the requested change'),
  certifiedTranslation,
];

/** D. Re-issue, Art. 13.1, 17.1: the original when worn or damaged, a copy when lost. */
export const REISSUE_DOCUMENTS: readonly RequiredDocument[] = [
  application03b,
  {
    ...originalCertificate,
    required: false,
    oneOf: 'CERTIFICATE',
    condition: { vi: 'Khi Giấy đăng ký bị rách, nát, hư hỏng', en: 'When the certificate is worn or damaged' },
  },
  doc('CERTIFICATE_COPY', 'Bản sao Giấy đăng ký', 'Copy of the certificate', false, {
    oneOf: 'CERTIFICATE',
    condition: { vi: 'Khi Giấy đăng ký bị mất', en: 'When the certificate is lost' },
  }),
];

/** Self-termination notice, Art. 19.5, 20.6. */
export const SELF_TERMINATION_DOCUMENTS: readonly RequiredDocument[] = [
  doc(
    'TERMINATION_NOTICE',
    'Văn bản thông báo chấm dứt hoạt động gửi Bộ Ngoại giao và Ủy ban công tác về các tổ chức PCPNN',
    'Written notice of cessation to MOFA and COMINGO',
  ),
  originalCertificate,
  doc('AUDIT_REPORT', 'Báo cáo kiểm toán về tài sản và tài chính', 'Audit report on assets and finances'),
  doc('OBLIGATIONS_EVIDENCE', 'Giấy tờ chứng minh đã hoàn thành các nghĩa vụ liên quan', 'Evidence that all obligations have been met'),
];

/** Aid dossier, D80 Art. 8 (6 sets). */
export const AID_APPROVAL_DOCUMENTS: readonly RequiredDocument[] = [
  doc('AID_REQUEST', 'Văn bản đề nghị phê duyệt khoản viện trợ', 'Request for approval of the aid'),
  doc('DONOR_AGREEMENT', 'Văn bản đồng ý tài trợ của bên cung cấp viện trợ', "Donor's letter agreeing to provide the aid"),
  doc('PROGRAMME_PROJECT_DOCUMENT', 'Văn kiện chương trình, dự án', 'Programme or project document', false, {
    oneOf: 'AID_DOCUMENT',
    condition: { vi: 'Viện trợ theo chương trình, dự án', en: 'Programme or project aid' },
  }),
  doc(
    'NON_PROJECT_DOCUMENT',
    'Văn kiện phi dự án (mục đích, nội dung, danh mục hàng hóa, kết quả, thời gian, giá trị, tổ chức thực hiện, báo cáo)',
    'Non-project document (purpose, content, list of goods, results, duration, value, arrangements, reporting)',
    false,
    {
      oneOf: 'AID_DOCUMENT',
      condition: { vi: 'Viện trợ phi dự án', en: 'Non-project aid' },
    },
  ),
  doc(
    'DONOR_LEGAL_STATUS',
    'Giấy tờ chứng minh tư cách pháp lý của bên cung cấp viện trợ (tổ chức PCPNN: bản sao Giấy đăng ký)',
    "Proof of the donor's legal status (a registered FNGO: copy of its certificate)",
    true,
    {
      condition: {
        vi: 'Miễn cho cơ quan đại diện ngoại giao, cơ quan chính phủ và chính quyền địa phương nước ngoài',
        en: 'Embassies, foreign government bodies and foreign local governments are exempt',
      },
    },
  ),
  doc(
    'EXPERT_DOCUMENTS',
    'Lý lịch chuyên gia kèm cam kết, chương trình hoạt động, giấy phép lao động và chứng chỉ hành nghề',
    "Expert's CV with statement, activity programme, work permit and professional licences",
    false,
    {
      condition: { vi: 'Viện trợ bằng chuyên gia', en: 'Aid in the form of experts' },
    },
  ),
  doc(
    'QUALITY_INSPECTION',
    'Chứng thư giám định chất lượng hàng hóa, thiết bị đã qua sử dụng',
    'Quality inspection certificate for used goods or equipment',
    false,
    {
      condition: { vi: 'Hàng hóa, thiết bị, phương tiện đã qua sử dụng', en: 'Used goods, equipment or vehicles' },
    },
  ),
  doc(
    'VEHICLE_PAPERS',
    'Giấy đăng ký, chứng nhận sở hữu và chứng nhận kiểm định an toàn kỹ thuật của phương tiện',
    'Registration, ownership and roadworthiness certificates of the vehicle',
    false,
    {
      condition: { vi: 'Phương tiện giao thông đã qua sử dụng', en: 'Used vehicles' },
    },
  ),
  doc(
    'NOTARISED_TRANSLATION',
    'Bản dịch tiếng Việt có công chứng của văn bản bằng tiếng nước ngoài',
    'Notarised Vietnamese translation of foreign-language documents',
    false,
    { condition: FOREIGN_LANGUAGE },
  ),
];
