/**
 * The open-data bundle, file by file and field by field: the single description the files, the documentation
 * route (GET /api/public/opendata/fields) and docs/open-data.md follow (a test keeps the markdown in step).
 * Coded values always come with their labels: `<field>` is the code, `<field>Vi` / `<field>En` the labels.
 * Money is USD as a decimal string with two decimals (exact sums, rounded once); lists in CSV are joined by "; ".
 * @module
 */

/** One field of a dataset. */
export type FieldDoc = { name: string; type: 'string' | 'integer' | 'decimal' | 'date' | 'boolean' | 'list'; vi: string; en: string };
/** One dataset, written as `<name>.csv` and `<name>.json`. */
export type DatasetDoc = { name: DatasetName; vi: string; en: string; fields: FieldDoc[] };
export type DatasetName = 'directory' | 'stats-by-year' | 'stats-by-province' | 'stats-by-sector' | 'needs';

const f = (name: string, type: FieldDoc['type'], vi: string, en: string): FieldDoc => ({ name, type, vi, en });
const labelled = (name: string, vi: string, en: string): FieldDoc[] => [
  f(name, 'string', `${vi} (mã)`, `${en} (code)`),
  f(`${name}Vi`, 'string', `${vi} (tên tiếng Việt)`, `${en} (Vietnamese label)`),
  f(`${name}En`, 'string', `${vi} (tên tiếng Anh)`, `${en} (English label)`),
];
const money = [
  f('committedUsd', 'decimal', 'Số USD cam kết trong năm (2 chữ số thập phân)', 'USD committed in the year (2 decimals)'),
  f('disbursedUsd', 'decimal', 'Số USD giải ngân trong năm (2 chữ số thập phân)', 'USD disbursed in the year (2 decimals)'),
  f('aidRecords', 'integer', 'Số khoản viện trợ có giao dịch trong năm', 'Aid items with a transaction in the year'),
];
const synthetic = f(
  'synthetic',
  'boolean',
  'true khi là dữ liệu minh họa (giả lập), không phải số liệu chính thức',
  'true for synthetic demo data, not official figures',
);

/** Every dataset of the bundle. */
export const DATASETS: readonly DatasetDoc[] = [
  {
    name: 'directory',
    vi: 'Danh bạ công khai các tổ chức phi chính phủ nước ngoài (không có dữ liệu cá nhân)',
    en: 'Public directory of foreign NGOs (no personal data)',
    fields: [
      f('id', 'string', 'Mã định danh của tổ chức trong hệ thống', 'Identifier of the organisation in vnaid'),
      f('code', 'string', 'Mã tổ chức', 'Organisation code'),
      f('name', 'string', 'Tên theo ngôn ngữ gốc', 'Name in the original language'),
      f('nameVi', 'string', 'Tên tiếng Việt', 'Vietnamese name'),
      f('nameEn', 'string', 'Tên tiếng Anh', 'English name'),
      f('acronym', 'string', 'Tên viết tắt', 'Acronym'),
      ...labelled('country', 'Quốc gia nơi tổ chức được thành lập (ISO 3166)', 'Country of origin (ISO 3166)'),
      ...labelled('status', 'Tình trạng hôm nay, theo các Giấy đăng ký', 'Status today, from the certificates'),
      f('certificateTypes', 'list', 'Loại Giấy đăng ký (GDKHD, GDKVPDD, GDKVPDA)', 'Certificate types (GDKHD, GDKVPDD, GDKVPDA)'),
      f('certificateTypesVi', 'list', 'Loại Giấy đăng ký (tên tiếng Việt)', 'Certificate types (Vietnamese labels)'),
      f('certificateTypesEn', 'list', 'Loại Giấy đăng ký (tên tiếng Anh)', 'Certificate types (English labels)'),
      f('sectors', 'list', 'Lĩnh vực hoạt động theo Giấy đăng ký (mã)', 'Fields of activity on the certificates (codes)'),
      f('sectorsVi', 'list', 'Lĩnh vực hoạt động (tên tiếng Việt)', 'Fields of activity (Vietnamese labels)'),
      f('sectorsEn', 'list', 'Lĩnh vực hoạt động (tên tiếng Anh)', 'Fields of activity (English labels)'),
      f(
        'provinces',
        'list',
        'Tỉnh, thành phố hoạt động (mã new34:NN của 34 đơn vị hiện hành)',
        'Provinces of activity (new34:NN codes of the 34 current units)',
      ),
      f('provincesVi', 'list', 'Tỉnh, thành phố hoạt động (tên tiếng Việt)', 'Provinces of activity (Vietnamese names)'),
      f('provincesEn', 'list', 'Tỉnh, thành phố hoạt động (tên tiếng Anh)', 'Provinces of activity (English names)'),
      f(
        'validUntil',
        'date',
        'Ngày hết hạn muộn nhất của các Giấy đăng ký đang có hiệu lực (YYYY-MM-DD)',
        'Latest expiry among the certificates in force (YYYY-MM-DD)',
      ),
      f('website', 'string', 'Trang thông tin điện tử', 'Website'),
      f('iatiOrgId', 'string', 'Mã tổ chức IATI (nếu có)', 'IATI organisation identifier (if any)'),
      synthetic,
    ],
  },
  {
    name: 'stats-by-year',
    vi: 'Số liệu toàn quốc theo năm',
    en: 'National figures by year',
    fields: [
      f('year', 'integer', 'Năm dương lịch', 'Calendar year'),
      ...money,
      f(
        'activeOrganisations',
        'integer',
        'Số tổ chức hoạt động thường xuyên trong năm (có giải ngân hoặc báo cáo hoạt động)',
        'Foreign NGOs regularly active in the year (disbursed or reported activity)',
      ),
      f(
        'registeredOrganisations',
        'integer',
        'Số tổ chức có Giấy đăng ký còn hiệu lực ngày 31/12 (hoặc hôm nay với năm hiện tại)',
        'Organisations holding a valid certificate on 31/12 (today for the current year)',
      ),
      synthetic,
    ],
  },
  {
    name: 'stats-by-province',
    vi: 'Số liệu theo năm và 34 tỉnh, thành phố hiện hành (địa bàn cũ được quy về đơn vị mới); dòng không có mã tỉnh là phần chưa xác định địa bàn',
    en: 'Figures by year and the 34 current provinces (older units rolled up); the row without a province code is aid without a location',
    fields: [
      f('year', 'integer', 'Năm dương lịch', 'Calendar year'),
      ...labelled('province', 'Tỉnh, thành phố (mã new34:NN)', 'Province (new34:NN code)'),
      ...labelled('region', 'Vùng kinh tế – xã hội', 'Socio-economic region'),
      ...money,
      f('organisations', 'integer', 'Số tổ chức có viện trợ tại địa bàn trong năm', 'Organisations with aid in the province in the year'),
      synthetic,
    ],
  },
  {
    name: 'stats-by-sector',
    vi: 'Số liệu theo năm và lĩnh vực (phân bổ theo tỷ lệ lĩnh vực của từng khoản viện trợ); dòng không có mã là phần chưa xác định lĩnh vực',
    en: "Figures by year and sector (split by each aid item's sector shares); the row without a code is aid without a sector",
    fields: [
      f('year', 'integer', 'Năm dương lịch', 'Calendar year'),
      ...labelled('sector', 'Lĩnh vực', 'Sector'),
      f('dacCode', 'string', 'Mã mục đích OECD DAC tương ứng', 'Corresponding OECD DAC purpose code'),
      ...money,
      f('organisations', 'integer', 'Số tổ chức có viện trợ trong lĩnh vực trong năm', 'Organisations with aid in the sector in the year'),
      synthetic,
    ],
  },
  {
    name: 'needs',
    vi: 'Danh mục vận động viện trợ: các đề xuất dự án đã công bố (và đã có nhà tài trợ), đúng như trang công khai của từng đề xuất',
    en: 'Aid needs catalogue: the published (and funded) project proposals, exactly as each public proposal page shows them',
    fields: [
      f('id', 'string', 'Mã định danh của đề xuất trong hệ thống', 'Identifier of the proposal in vnaid'),
      f('code', 'string', 'Mã đề xuất (NC-năm-số)', 'Proposal code (NC-year-number)'),
      ...labelled('status', 'Trạng thái: PUBLISHED đã công bố, FUNDED đã có nhà tài trợ', 'Status: PUBLISHED or FUNDED'),
      f('titleVi', 'string', 'Tên dự án tiếng Việt', 'Title in Vietnamese'),
      f('titleEn', 'string', 'Tên dự án tiếng Anh', 'Title in English'),
      f('summaryVi', 'string', 'Tóm tắt tiếng Việt', 'Summary in Vietnamese'),
      f('summaryEn', 'string', 'Tóm tắt tiếng Anh', 'Summary in English'),
      ...labelled(
        'proposedBy',
        'Cơ quan đề xuất (bộ, ngành, UBND tỉnh)',
        'Proposing body (ministry, agency, provincial People’s Committee)',
      ),
      ...labelled('sector', 'Lĩnh vực', 'Sector'),
      f(
        'provinces',
        'list',
        'Địa bàn thực hiện (mã new34:NN của 34 đơn vị hiện hành)',
        'Provinces where the project would take place (new34:NN codes)',
      ),
      f('provincesVi', 'list', 'Địa bàn thực hiện (tên tiếng Việt)', 'Provinces (Vietnamese names)'),
      f('provincesEn', 'list', 'Địa bàn thực hiện (tên tiếng Anh)', 'Provinces (English names)'),
      f('programme', 'string', 'Mã Chương trình quốc gia', 'National Programme code'),
      ...labelled('priority', 'Lĩnh vực ưu tiên của Chương trình', 'Priority field of the Programme'),
      f('beneficiaries', 'string', 'Đối tượng thụ hưởng', 'Beneficiaries'),
      f('beneficiariesCount', 'integer', 'Số người thụ hưởng', 'Number of beneficiaries'),
      f('budget', 'decimal', 'Kinh phí cần vận động, theo loại tiền `currency`', 'Budget sought, in `currency`'),
      f('currency', 'string', 'Loại tiền (ISO 4217)', 'Currency (ISO 4217)'),
      f('durationMonths', 'integer', 'Thời gian thực hiện (tháng)', 'Duration (months)'),
      f('counterpartAmount', 'decimal', 'Vốn đối ứng, theo loại tiền `currency`', 'Counterpart contribution, in `currency`'),
      f('counterpartNote', 'string', 'Ghi chú vốn đối ứng', 'Note on the counterpart contribution'),
      f('contactOffice', 'string', 'Cơ quan đầu mối liên hệ', 'Contact office'),
      f('contactEmail', 'string', 'Thư điện tử của cơ quan đầu mối', "Contact office's e-mail"),
      f('contactPhone', 'string', 'Điện thoại của cơ quan đầu mối', "Contact office's telephone"),
      f('publishedOn', 'date', 'Ngày công bố (giờ Việt Nam, YYYY-MM-DD)', 'Day of publication (Viet Nam time, YYYY-MM-DD)'),
      f(
        'mobilised',
        'decimal',
        'Số tiền đã vận động được (tổng các khoản viện trợ liên kết), theo loại tiền `currency`',
        'Amount mobilised (sum of the linked aid items), in `currency`',
      ),
      f('fundedBy', 'list', 'Mã các khoản viện trợ tài trợ cho đề xuất', 'Codes of the aid items funding the proposal'),
      f(
        'documents',
        'list',
        'Địa chỉ tải các tài liệu đính kèm (tương đối với trang)',
        'Download addresses of the attached documents (relative to the site)',
      ),
      synthetic,
    ],
  },
];

/** The field names of a dataset, in file order (CSV header, JSON keys). */
export const fieldNames = (name: DatasetName): string[] => DATASETS.find((d) => d.name === name)!.fields.map((x) => x.name);
