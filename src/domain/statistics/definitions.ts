/**
 * What each statistic means, written once: the SQL in src/modules/stats follows these rules, the API serves the
 * texts (`GET /api/public/stats/definitions`) and the dashboards and reports print them.
 * @module
 */

/** Certificate status that makes an organisation "registered" on a date. */
export const VALID_CERTIFICATE_STATUS = 'ACTIVE' as const;
/**
 * Aid statuses that count in every statistic, public or not: approved by the State, ongoing or completed. An NGO's
 * draft (PIPELINE), a CANCELLED item and a REVOKED approval never count. The SQL counterpart is the
 * function stats_counted_status() of migration 20261207100000, which the aggregates' triggers apply; a test keeps
 * the two in step.
 */
export const COUNTED_AID_STATUSES = ['APPROVED', 'IMPLEMENTING', 'COMPLETED'] as const;
/** Statuses of an NGO annual report that count as reported activity for its year. */
export const COUNTED_REPORT_STATUSES = ['SUBMITTED', 'ACCEPTED'] as const;
/** First and last calendar year the statistics accept. */
export const FIRST_STATS_YEAR = 2000;
export const LAST_STATS_YEAR = 2100;

export type DefinitionId =
  | 'counted'
  | 'registered'
  | 'regularlyActive'
  | 'disbursed'
  | 'committed'
  | 'aidRecords'
  | 'period'
  | 'partYear'
  | 'provinces'
  | 'historicRegions'
  | 'shares'
  | 'change'
  | 'synthetic';
export type Definition = { id: DefinitionId; vi: { term: string; text: string }; en: { term: string; text: string } };

export const definitions: readonly Definition[] = [
  {
    id: 'counted',
    vi: {
      term: 'Khoản viện trợ được tính',
      text: 'Chỉ tính các khoản viện trợ đã được cơ quan có thẩm quyền phê duyệt, đang thực hiện hoặc đã hoàn thành. Khoản đang dự thảo hay chờ phê duyệt, đã hủy hoặc đã hết hiệu lực phê duyệt không được tính vào bất kỳ số liệu nào; một khoản được tính từ khi được phê duyệt và thôi được tính khi bị hủy.',
    },
    en: {
      term: 'Counted aid',
      text: 'Only aid approved by the competent authority, ongoing or completed counts. Drafts and items awaiting approval, cancelled items and lapsed approvals count in no figure; an item counts from its approval and stops counting when cancelled.',
    },
  },
  {
    id: 'registered',
    vi: {
      term: 'Tổ chức đã đăng ký',
      text: 'Tổ chức PCPNN có ít nhất một Giấy đăng ký còn hiệu lực (không bị đình chỉ, chấm dứt hay hết hạn) vào ngày 31/12 của năm; với năm hiện tại là ngày hôm nay.',
    },
    en: {
      term: 'Registered organisations',
      text: 'Foreign NGOs holding at least one valid registration certificate (not suspended, terminated or expired) on 31 December of the year; for the current year, today.',
    },
  },
  {
    id: 'regularlyActive',
    vi: {
      term: 'Tổ chức hoạt động thường xuyên',
      text: 'Tổ chức PCPNN có giải ngân viện trợ tại Việt Nam trong năm, hoặc có báo cáo hoạt động năm đó đã nộp hay đã được chấp nhận. Đây là con số các báo cáo chính thức trích dẫn.',
    },
    en: {
      term: 'Regularly active organisations',
      text: 'Foreign NGOs that disbursed aid in Vietnam during the year, or whose activity report for that year was submitted or accepted. This is the figure official statistics quote.',
    },
  },
  {
    id: 'disbursed',
    vi: {
      term: 'Giá trị giải ngân trong năm',
      text: 'Tổng các khoản giải ngân có ngày giải ngân trong năm dương lịch (kể cả các khoản điều chỉnh âm do bên công bố IATI ghi), quy đổi sang USD theo tỷ giá ngày giao dịch (hoặc ngày tỷ giá bên công bố IATI ghi). Khoản chi tiêu (expenditure) và vốn nhận về (incoming funds) theo IATI không được tính là giải ngân, kể cả khi khoản viện trợ không có khoản giải ngân nào.',
    },
    en: {
      term: 'Disbursed in the year',
      text: "Sum of the disbursements dated in the calendar year (net of an IATI publisher's negative corrections), converted to USD at the rate of the transaction date (or of the value date an IATI publisher gave). IATI expenditure and incoming funds never count as disbursed, even when an item reports no disbursement.",
    },
  },
  {
    // Budgets and planned disbursements (aid_budgets, aid_planned_disbursements) count in no figure: a plan is not money.
    id: 'committed',
    vi: {
      term: 'Giá trị cam kết trong năm',
      text: 'Tổng các khoản cam kết (phê duyệt, bổ sung) có ngày trong năm dương lịch, quy đổi sang USD theo tỷ giá ngày giao dịch. Ngân sách và giải ngân dự kiến theo IATI không được tính là cam kết hay giải ngân: đó là kế hoạch, chưa phải khoản tiền đã cam kết hay đã chi.',
    },
    en: {
      term: 'Committed in the year',
      text: 'Sum of the commitments (approvals, top-ups) dated in the calendar year, converted to USD at the rate of the transaction date. IATI budgets and planned disbursements count neither as committed nor as disbursed: they are plans, not money promised or paid.',
    },
  },
  {
    id: 'aidRecords',
    vi: {
      term: 'Số khoản viện trợ',
      text: 'Số chương trình, dự án, phi dự án và khoản cứu trợ có ít nhất một giao dịch (cam kết hoặc giải ngân) trong năm.',
    },
    en: {
      term: 'Aid records',
      text: 'Programmes, projects, non-project aid and relief items with at least one transaction (commitment or disbursement) in the year.',
    },
  },
  {
    id: 'period',
    vi: {
      term: 'Số liệu một giai đoạn',
      text: 'Giá trị cam kết, giải ngân và số khoản viện trợ của giai đoạn là tổng các năm trong giai đoạn; mỗi tổ chức chỉ được đếm một lần (tổ chức hoạt động thường xuyên trong ít nhất một năm của giai đoạn). Số tổ chức đã đăng ký tính vào ngày cuối giai đoạn.',
    },
    en: {
      term: 'Figures for a period',
      text: "A period's committed and disbursed amounts and aid records are the sums of its years; each organisation is counted once (regularly active in at least one year of the period). Registered organisations are counted on the period's last day.",
    },
  },
  {
    id: 'partYear',
    vi: {
      term: 'Số liệu đến một ngày',
      text: 'Từ 01/01 đến hết ngày đã chọn: giao dịch có ngày trong khoảng đó; tổ chức hoạt động thường xuyên nếu có giải ngân trong khoảng đó hoặc đã nộp báo cáo năm đó trước ngày đó; tổ chức đã đăng ký tính vào ngày đó. So sánh với cùng kỳ năm trước.',
    },
    en: {
      term: 'Figures up to a date',
      text: 'From 1 January to the chosen day included: transactions dated in that span; an organisation is regularly active if it disbursed in that span or submitted its report for the year by that day; registered organisations are counted on that day. Compared with the same span of the previous year.',
    },
  },
  {
    id: 'provinces',
    vi: {
      term: 'Địa bàn',
      text: 'Số liệu theo 34 tỉnh, thành phố hiện nay; khoản viện trợ trước ngày 01/7/2025 ghi theo 63 tỉnh cũ được cộng vào tỉnh mới đã sáp nhập. Vùng là vùng kinh tế – xã hội của tỉnh mới.',
    },
    en: {
      term: 'Provinces',
      text: 'Figures by the 34 current provinces; aid recorded before 1 July 2025 under the 63 former provinces is rolled up into the merged province. Regions are the socio-economic regions of the current provinces.',
    },
  },
  {
    id: 'historicRegions',
    vi: {
      term: 'Vùng theo cách chia trước đây',
      text: 'Cách chia 8 vùng truyền thống (Tây Bắc, Đông Bắc, Đồng bằng sông Hồng, Bắc Trung Bộ, Duyên hải Nam Trung Bộ, Tây Nguyên, Đông Nam Bộ, Đồng bằng sông Cửu Long) của 63 tỉnh cũ. Khoản ghi theo tỉnh mới được xếp vào vùng cũ khi mọi tỉnh cũ hợp thành tỉnh mới đó thuộc cùng một vùng; nếu không, phần đó được ghi riêng là không xếp được vùng.',
    },
    en: {
      term: 'Regions as they were',
      text: 'The 8 traditional regions (North West, North East, Red River Delta, North Central, South Central Coast, Central Highlands, South East, Mekong River Delta) of the 63 former provinces. Aid recorded under a current province goes to a former region when every former province merged into it lay in the same region; otherwise that part is shown separately as not mappable.',
    },
  },
  {
    id: 'shares',
    vi: {
      term: 'Phân bổ theo tỷ lệ',
      text: 'Một khoản viện trợ ở nhiều tỉnh hoặc nhiều lĩnh vực được chia theo tỷ lệ khai báo; các phần được làm tròn sao cho tổng khớp đúng đến từng cent với tổng toàn quốc. Phần không xác định địa bàn được ghi riêng.',
    },
    en: {
      term: 'Split by shares',
      text: 'An aid item in several provinces or sectors is split by its declared shares; parts are rounded so that they add up to the national total to the cent. Amounts without a location are shown separately.',
    },
  },
  {
    id: 'change',
    vi: {
      term: 'Thay đổi so với năm trước',
      text: '(Giá trị năm nay − giá trị năm trước) / giá trị năm trước, tính bằng phần trăm, làm tròn một chữ số thập phân.',
    },
    en: {
      term: 'Change on the previous year',
      text: "(This year's value − last year's value) / last year's value, in percent, rounded to one decimal.",
    },
  },
  {
    id: 'synthetic',
    vi: {
      term: 'Dữ liệu minh họa',
      text: 'Dữ liệu trong bản trình diễn là dữ liệu giả lập, được hiệu chỉnh theo các số liệu đã công bố; không phải số liệu chính thức.',
    },
    en: { term: 'Demo data', text: 'The data in this demo is synthetic, calibrated to published figures; it is not official data.' },
  },
];

/** First and last day of a calendar year, as ISO dates. */
export function yearWindow(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The day on which "registered" is measured for a year: 31/12, or today while the year is running.
 * @param today ISO date of today
 */
export function registrationReferenceDate(year: number, today: string): string {
  const { from, to } = yearWindow(year);
  return today >= from && today <= to ? today : to;
}

/** True when an aid item with this status counts in the statistics ({@link COUNTED_AID_STATUSES}). */
export function isCountedAidStatus(status: string): boolean {
  return (COUNTED_AID_STATUSES as readonly string[]).includes(status);
}

/**
 * The rule of "regularly active", for recomputing outside SQL: disbursed aid in the year or reported activity.
 */
export function isRegularlyActive(facts: { disbursementsInYear: number; countedReportForYear: boolean }): boolean {
  return facts.disbursementsInYear > 0 || facts.countedReportForYear;
}
