/**
 * Domain rule violations.
 *
 * Pure domain code (src/domain/**) never knows about HTTP. It reports a broken rule as a
 * {@link DomainRuleError} carrying a stable snake_case `code` and structured `details`; the HTTP
 * layer maps the code to a status (422 for rules, 403 for `transition_role_not_allowed`) and to a
 * localised message via {@link ruleMessages}. Codes are part of the API contract: never rename one,
 * add a new one instead.
 */

/** Localised text: Vietnamese (default language of the system) and English. */
export interface RuleMessage {
  vi: string;
  en: string;
}

/**
 * Every rule code with its message. Messages are static sentences (no placeholders) so they read
 * correctly even when a client ignores `details`; numbers and ids travel in `details`.
 */
export const ruleMessages = {
  invalid_date: {
    vi: 'Ngày không hợp lệ (định dạng yêu cầu YYYY-MM-DD).',
    en: 'Invalid date (expected format YYYY-MM-DD).',
  },
  certificate_type_unknown: {
    vi: 'Loại Giấy đăng ký không hợp lệ.',
    en: 'Unknown registration certificate type.',
  },
  certificate_second_office: {
    vi: 'Tổ chức đã có một Văn phòng đại diện còn hiệu lực; mỗi tổ chức chỉ được đặt 01 Văn phòng đại diện.',
    en: 'The organisation already has a valid representative office; only one is allowed per organisation.',
  },
  certificate_office_city: {
    vi: 'Văn phòng đại diện chỉ được đặt tại thành phố Hà Nội, thành phố Đà Nẵng hoặc Thành phố Hồ Chí Minh.',
    en: 'A representative office may only be located in Hà Nội, Đà Nẵng or Ho Chi Minh City.',
  },
  certificate_office_required: {
    vi: 'Giấy đăng ký lập Văn phòng đại diện phải ghi rõ tỉnh, thành phố đặt văn phòng.',
    en: 'A representative office certificate must state the province or city of the office.',
  },
  certificate_office_not_applicable: {
    vi: 'Giấy đăng ký hoạt động không ghi địa điểm đặt văn phòng.',
    en: 'An operation registration certificate does not carry an office location.',
  },
  certificate_validity_exceeds_cap: {
    vi: 'Thời hạn của Giấy đăng ký vượt quá thời hạn tối đa theo quy định (03 năm đối với Giấy đăng ký hoạt động, 05 năm đối với Giấy đăng ký lập Văn phòng đại diện).',
    en: 'The certificate validity exceeds the legal maximum (3 years for an operation certificate, 5 years for a representative office certificate).',
  },
  certificate_validity_exceeds_home_term: {
    vi: 'Thời hạn của Giấy đăng ký vượt quá thời hạn đăng ký hoạt động của tổ chức theo pháp luật của nơi thành lập.',
    en: "The certificate validity exceeds the organisation's registration term under the law of its home country.",
  },
  certificate_validity_before_issue: {
    vi: 'Ngày hết hạn không được trước ngày cấp hoặc ngày có hiệu lực.',
    en: 'The expiry date cannot be earlier than the issue or effective date.',
  },
  certificate_validity_extension_only: {
    vi: 'Chỉ được kéo dài thời hạn Giấy đăng ký bằng thủ tục gia hạn.',
    en: 'The validity of a certificate can only be lengthened by an extension.',
  },
  certificate_provinces_required: {
    vi: 'Giấy đăng ký phải ghi ít nhất một địa bàn hoạt động.',
    en: 'The certificate must list at least one area (province) of operation.',
  },
  certificate_sectors_required: {
    vi: 'Giấy đăng ký phải ghi ít nhất một lĩnh vực hoạt động.',
    en: 'The certificate must list at least one field (sector) of operation.',
  },
  certificate_legacy_no_new_issue: {
    vi: 'Không cấp mới Giấy đăng ký lập Văn phòng dự án kể từ ngày Nghị định 58/2022/NĐ-CP có hiệu lực.',
    en: 'No new project office certificates may be issued since Decree 58/2022/ND-CP took effect.',
  },
  certificate_legacy_no_extension: {
    vi: 'Giấy đăng ký lập Văn phòng dự án không được gia hạn; khi hết hạn sẽ được xem xét chuyển đổi.',
    en: 'A project office certificate cannot be extended; on expiry it is considered for conversion.',
  },
  certificate_terminated: {
    vi: 'Giấy đăng ký đã chấm dứt hiệu lực (bị chấm dứt, thu hồi hoặc tổ chức tự chấm dứt hoạt động); không thể thực hiện thao tác này.',
    en: 'The certificate has ended (terminated, revoked or self-terminated); no further action is possible.',
  },
  certificate_expired: {
    vi: 'Giấy đăng ký đã hết hạn; không thể sửa đổi, bổ sung, gia hạn hoặc cấp lại.',
    en: 'The certificate has expired; it can no longer be amended, supplemented, extended or re-issued.',
  },
  certificate_not_issued: {
    vi: 'Giấy đăng ký chưa được cấp.',
    en: 'The certificate has not been issued.',
  },
  certificate_already_issued: {
    vi: 'Giấy đăng ký đã được cấp; không thể cấp lần nữa.',
    en: 'The certificate has already been issued.',
  },
  certificate_event_out_of_order: {
    vi: 'Ngày hiệu lực của quyết định không được trước ngày hiệu lực của quyết định gần nhất.',
    en: 'The effective date cannot be earlier than that of the latest recorded decision.',
  },
  certificate_decision_invalid: {
    vi: 'Quyết định phải có số và ngày ký không muộn hơn ngày có hiệu lực.',
    en: 'The decision needs a number and a signing date no later than its effective date.',
  },
  certificate_extension_not_later: {
    vi: 'Ngày hết hạn mới phải sau ngày hết hạn hiện tại.',
    en: 'The new expiry date must be later than the current one.',
  },
  certificate_suspended: {
    vi: 'Tổ chức đang bị đình chỉ hoạt động; cần khắc phục và được dỡ bỏ đình chỉ trước khi gia hạn.',
    en: 'Operations are suspended; the suspension must be lifted before an extension.',
  },
  certificate_already_suspended: {
    vi: 'Giấy đăng ký đang trong thời gian bị đình chỉ.',
    en: 'The certificate is already suspended.',
  },
  certificate_not_suspended: {
    vi: 'Giấy đăng ký không bị đình chỉ nên không thể dỡ bỏ đình chỉ.',
    en: 'The certificate is not suspended, so there is no suspension to lift.',
  },
  certificate_suspension_ground_invalid: {
    vi: 'Căn cứ đình chỉ phải là một trong các trường hợp tại điểm a, b, c khoản 1 Điều 18 Nghị định 58/2022/NĐ-CP.',
    en: 'A suspension must rest on one of the grounds in Art. 18.1 (a), (b) or (c) of Decree 58/2022/ND-CP.',
  },
  certificate_termination_ground_invalid: {
    vi: 'Căn cứ buộc chấm dứt hoạt động phải là một trong các trường hợp tại điểm a, b, c khoản 1 Điều 19 Nghị định 58/2022/NĐ-CP.',
    en: 'A forced termination must rest on one of the grounds in Art. 19.1 (a), (b) or (c) of Decree 58/2022/ND-CP.',
  },
  certificate_termination_ground_unmet: {
    vi: 'Chưa đủ điều kiện áp dụng căn cứ buộc chấm dứt hoạt động đã nêu.',
    en: 'The facts required by the stated termination ground are not met.',
  },
  certificate_legal_ground_required: {
    vi: 'Quyết định phải nêu căn cứ pháp lý.',
    en: 'The decision must state its legal ground.',
  },
  transition_not_allowed: {
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    en: 'This action is not allowed in the current state.',
  },
  transition_role_not_allowed: {
    vi: 'Vai trò của bạn không được thực hiện thao tác này.',
    en: 'Your role may not perform this action.',
  },
  sanction_opinions_pending: {
    vi: 'Chưa thể quyết định: còn cơ quan chưa có ý kiến và thời hạn 10 ngày làm việc chưa hết.',
    en: 'No decision yet: an agency has not given its opinion and the 10 working days have not run out.',
  },
  sanction_meeting_required: {
    vi: 'Các cơ quan có ý kiến khác nhau: phải tổ chức họp và ghi nhận kết quả trước khi quyết định.',
    en: 'The agencies’ opinions differ: a meeting must be held and recorded before the decision.',
  },
  sanction_already_open: {
    vi: 'Tổ chức đã có một thủ tục xử lý cùng loại đang được thực hiện đối với Giấy đăng ký này.',
    en: 'A procedure of the same kind is already in progress for this certificate.',
  },
  procedure_unknown: {
    vi: 'Thủ tục hành chính không tồn tại.',
    en: 'Unknown administrative procedure.',
  },
  procedure_not_in_force: {
    vi: 'Không có phiên bản thủ tục nào có hiệu lực vào ngày đã chọn.',
    en: 'No version of this procedure is in force on the given date.',
  },
  procedure_not_editable: {
    vi: 'Chỉ được điều chỉnh tham số của phiên bản thủ tục tạm thời (chưa được xác nhận); phiên bản theo văn bản đã ban hành là cố định.',
    en: 'Only provisional procedure versions can be edited; versions taken from enacted law are fixed.',
  },
  procedure_override_invalid: {
    vi: 'Giá trị điều chỉnh tham số thủ tục không hợp lệ.',
    en: 'Invalid procedure parameter override.',
  },
} as const satisfies Record<string, RuleMessage>;

/** A stable rule code (key of {@link ruleMessages}). */
export type RuleCode = keyof typeof ruleMessages;

/** Structured, JSON-serialisable facts about a violation (ids, dates, limits). */
export type RuleDetails = Readonly<Record<string, unknown>>;

/**
 * A broken domain rule. `message` is the English text (for logs); clients get the localised one
 * through {@link ruleMessages}.
 */
export class DomainRuleError extends Error {
  readonly code: RuleCode;
  readonly details: RuleDetails;

  /**
   * @param code stable rule code
   * @param details facts that explain the violation (limits, offending values)
   */
  constructor(code: RuleCode, details: RuleDetails = {}) {
    super(ruleMessages[code].en);
    this.name = 'DomainRuleError';
    this.code = code;
    this.details = details;
  }

  /** Plain object suitable for the `{"error":{code,message,details}}` envelope. */
  toJSON(lang: 'vi' | 'en' = 'vi'): { code: RuleCode; message: string; details: RuleDetails } {
    return { code: this.code, message: ruleMessages[this.code][lang], details: this.details };
  }
}

/** Type guard usable across module boundaries (instanceof can fail with duplicated bundles). */
export function isDomainRuleError(value: unknown): value is DomainRuleError {
  return (
    value instanceof DomainRuleError ||
    (value instanceof Error && value.name === 'DomainRuleError' && 'code' in value && 'details' in value)
  );
}
