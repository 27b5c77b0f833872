/**
 * Stable codes and bilingual messages for everything the IATI reader can report.
 * Codes are part of the contract (API error bodies, import reports); messages are for people.
 * @module
 */

/** Errors that stop reading a file. */
export type IatiFatalCode =
  | 'iati_not_xml'
  | 'iati_truncated'
  | 'iati_entity_forbidden'
  | 'iati_bad_encoding'
  | 'iati_too_large'
  | 'iati_wrong_root'
  | 'iati_unsupported_version'
  | 'iati_version_missing';

/** Problems reported as separate items of the stream: fatal ones, skipped activities, file-level warnings. */
export type IatiProblemCode =
  IatiFatalCode | 'iati_activity_invalid' | 'iati_activity_too_large' | 'iati_duplicate_identifier' | 'iati_unknown_version';

/** Warnings attached to an activity that was read (something was assumed, kept as is, or left out). */
export type ActivityWarningCode =
  | 'status_unknown'
  | 'status_suspended'
  | 'extension_conflict'
  | 'sector_vocabulary_not_dac'
  | 'sector_percentage_missing'
  | 'sector_percentages_not_100'
  | 'transaction_type_unknown'
  | 'transaction_amount_invalid'
  | 'transaction_currency_unknown'
  | 'transaction_date_invalid'
  | 'date_invalid'
  | 'role_unknown'
  | 'location_unresolved'
  | 'location_by_name'
  | 'reporting_org_missing'
  | 'title_missing'
  | 'budget_invalid'
  | 'planned_disbursement_invalid';

/** A message in both languages vnaid serves. */
export interface Message {
  en: string;
  vi: string;
}

const MESSAGES: Record<IatiProblemCode | ActivityWarningCode, readonly [en: string, vi: string]> = {
  iati_not_xml: ['The file is not well-formed XML: {detail}.', 'Tệp không phải là XML hợp lệ: {detail}.'],
  iati_truncated: [
    'The XML ends unexpectedly at line {line}, column {column}: the file looks truncated.',
    'Tệp XML kết thúc đột ngột tại dòng {line}, cột {column}: tệp có vẻ bị cắt cụt.',
  ],
  iati_entity_forbidden: [
    'The file contains a DOCTYPE or entity declaration, refused for security (entity-expansion attack).',
    'Tệp có khai báo DOCTYPE hoặc thực thể (entity); hệ thống từ chối vì lý do an ninh (tấn công mở rộng thực thể).',
  ],
  iati_bad_encoding: [
    'The file is not UTF-8 ({detail}). IATI files must be encoded in UTF-8.',
    'Tệp không được mã hóa UTF-8 ({detail}). Tệp IATI phải dùng mã hóa UTF-8.',
  ],
  iati_too_large: ['The file is larger than the limit of {limit} bytes.', 'Tệp vượt quá giới hạn dung lượng {limit} byte.'],
  iati_wrong_root: [
    'The root element is <{root}>, not <iati-activities>: this is not an IATI activity file.',
    'Phần tử gốc là <{root}>, không phải <iati-activities>: đây không phải tệp hoạt động IATI.',
  ],
  iati_unsupported_version: [
    'IATI version "{version}" is not supported; vnaid reads versions 2.01 to 2.03.',
    'Phiên bản IATI "{version}" không được hỗ trợ; vnaid đọc các phiên bản từ 2.01 đến 2.03.',
  ],
  iati_version_missing: [
    'The <iati-activities> element has no version attribute; vnaid reads IATI versions 2.01 to 2.03 (version="2.03").',
    'Phần tử <iati-activities> thiếu thuộc tính version; vnaid đọc các phiên bản IATI từ 2.01 đến 2.03 (version="2.03").',
  ],
  iati_unknown_version: [
    'IATI version "{version}" is unknown; the file is read as version 2.03.',
    'Phiên bản IATI "{version}" không xác định; tệp được đọc theo phiên bản 2.03.',
  ],
  iati_activity_invalid: [
    'Activity #{index} (line {line}) has no identifier and was skipped.',
    'Hoạt động thứ {index} (dòng {line}) không có mã định danh và đã bị bỏ qua.',
  ],
  iati_activity_too_large: [
    'Activity #{index} (line {line}) is larger than {limit} characters and was skipped.',
    'Hoạt động thứ {index} (dòng {line}) lớn hơn {limit} ký tự và đã bị bỏ qua.',
  ],
  iati_duplicate_identifier: [
    'Identifier {identifier} appears more than once (first at activity #{first}).',
    'Mã định danh {identifier} xuất hiện nhiều lần (lần đầu tại hoạt động thứ {first}).',
  ],
  status_unknown: [
    'Activity status "{code}" is unknown; PIPELINE was assumed.',
    'Mã trạng thái "{code}" không xác định; tạm coi là đang chuẩn bị (PIPELINE).',
  ],
  status_suspended: [
    'The activity is suspended (IATI status 6); it is recorded as IMPLEMENTING.',
    'Hoạt động đang tạm dừng (trạng thái IATI 6); được ghi nhận là đang thực hiện.',
  ],
  extension_conflict: [
    'vnaid:{field} "{value}" contradicts the IATI fields; the IATI fields were used.',
    'Giá trị vnaid:{field} "{value}" mâu thuẫn với các trường IATI; đã dùng các trường IATI.',
  ],
  sector_vocabulary_not_dac: [
    'Sector vocabulary {vocabulary} is not OECD DAC; its codes are kept but not mapped to vnaid sectors.',
    'Bộ mã lĩnh vực {vocabulary} không phải OECD DAC; các mã được giữ nguyên nhưng không quy đổi sang lĩnh vực của vnaid.',
  ],
  sector_percentage_missing: [
    'Sector {code} (vocabulary {vocabulary}) has no percentage.',
    'Lĩnh vực {code} (bộ mã {vocabulary}) không có tỷ lệ phần trăm.',
  ],
  sector_percentages_not_100: [
    'Sector percentages of vocabulary {vocabulary} add up to {total}, not 100.',
    'Tổng tỷ lệ các lĩnh vực của bộ mã {vocabulary} là {total}, không phải 100.',
  ],
  transaction_type_unknown: [
    'Transaction #{index} has an unknown type "{code}" and was left out.',
    'Giao dịch thứ {index} có loại "{code}" không xác định và đã bị bỏ qua.',
  ],
  transaction_amount_invalid: [
    'Transaction #{index} has an invalid amount "{value}" and was left out.',
    'Giao dịch thứ {index} có số tiền "{value}" không hợp lệ và đã bị bỏ qua.',
  ],
  transaction_currency_unknown: [
    'Transaction #{index} has no currency and no default currency applies; it was left out.',
    'Giao dịch thứ {index} không ghi loại tiền và không có loại tiền mặc định; giao dịch đã bị bỏ qua.',
  ],
  transaction_date_invalid: [
    'Transaction #{index} has a missing or invalid date "{value}" and was left out.',
    'Giao dịch thứ {index} thiếu ngày hoặc có ngày "{value}" không hợp lệ và đã bị bỏ qua.',
  ],
  date_invalid: [
    'Activity date "{value}" (type {type}) is invalid and was ignored.',
    'Ngày "{value}" (loại {type}) của hoạt động không hợp lệ và đã bị bỏ qua.',
  ],
  role_unknown: [
    'A participating organisation with unknown role "{code}" was left out.',
    'Một tổ chức tham gia có vai trò "{code}" không xác định đã bị bỏ qua.',
  ],
  location_unresolved: [
    '{reason}: {detail} (no Vietnamese province matches this location)',
    '{reason}: {detail} (địa điểm không khớp tỉnh/thành phố nào của Việt Nam)',
  ],
  location_by_name: [
    'Province {province} was recognised from the location name "{name}".',
    'Tỉnh/thành phố {province} được nhận diện từ tên địa điểm "{name}".',
  ],
  reporting_org_missing: ['The activity has no reporting organisation.', 'Hoạt động không có tổ chức báo cáo.'],
  title_missing: ['The activity has no title.', 'Hoạt động không có tên.'],
  budget_invalid: [
    'Budget #{index} cannot be read ({detail}) and was left out.',
    'Ngân sách thứ {index} không đọc được ({detail}) và đã bị bỏ qua.',
  ],
  planned_disbursement_invalid: [
    'Planned disbursement #{index} cannot be read ({detail}) and was left out.',
    'Khoản giải ngân dự kiến thứ {index} không đọc được ({detail}) và đã bị bỏ qua.',
  ],
};

/**
 * The message for a code, with `{name}` placeholders filled from `params`.
 * @example message('iati_too_large', { limit: 1024 }).vi
 */
export function message(code: IatiProblemCode | ActivityWarningCode, params: Record<string, string | number> = {}): Message {
  const [en, vi] = MESSAGES[code];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  return { en: fill(en), vi: fill(vi) };
}

/** A warning attached to a parsed activity. */
export interface ActivityWarning {
  code: ActivityWarningCode;
  message: Message;
}

/** Builds an {@link ActivityWarning}. */
export function warning(code: ActivityWarningCode, params: Record<string, string | number> = {}): ActivityWarning {
  return { code, message: message(code, params) };
}
