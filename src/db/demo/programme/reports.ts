import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@db/types';
import { programmeInForce } from '@domain/programme';
import { computeReportFigures, type Reporter } from '@modules/programme/programme-reports.figures';
import { listProgrammes } from '@modules/programme/programmes.service';

/** The year the demo's Programme reports are about (the last year of Decision 1225). */
export const DEMO_REPORT_YEAR = 2025;

type DemoReport = { agency: string; status: 'SUBMITTED' | 'RETURNED' | 'DRAFT'; on: string; difficulties: string; proposals: string };

const SYNTHETIC = ' (dữ liệu giả lập)';
/**
 * Who has reported on 2025 in the demo: six provinces and three ministries submitted, one province was returned for
 * changes, Cao Bằng (the `caobang` demo account) has a draft to finish; every other ministry and province has not
 * started, so the who-has-not-reported list shows both.
 */
const reports: DemoReport[] = [
  {
    agency: 'UBND:new34:01',
    status: 'SUBMITTED',
    on: '2026-01-08',
    difficulties: 'Thủ tục tiếp nhận viện trợ còn kéo dài',
    proposals: 'Số hóa hồ sơ tiếp nhận',
  },
  {
    agency: 'UBND:new34:44',
    status: 'SUBMITTED',
    on: '2026-01-09',
    difficulties: 'Nguồn vốn đối ứng cho rà phá bom mìn hạn chế',
    proposals: 'Ưu tiên vốn đối ứng cho khắc phục hậu quả chiến tranh',
  },
  {
    agency: 'UBND:new34:46',
    status: 'SUBMITTED',
    on: '2026-01-12',
    difficulties: 'Thiếu cán bộ chuyên trách',
    proposals: 'Tập huấn cho cán bộ cấp xã',
  },
  {
    agency: 'UBND:new34:11',
    status: 'SUBMITTED',
    on: '2026-01-14',
    difficulties: 'Địa bàn rộng, đi lại khó khăn',
    proposals: 'Tăng vận động cho y tế cơ sở',
  },
  {
    agency: 'UBND:new34:15',
    status: 'SUBMITTED',
    on: '2026-01-15',
    difficulties: 'Sáp nhập tỉnh làm thay đổi đầu mối',
    proposals: 'Hướng dẫn đầu mối sau sắp xếp',
  },
  {
    agency: 'UBND:new34:48',
    status: 'SUBMITTED',
    on: '2026-01-20',
    difficulties: 'Ít dự án quy mô lớn',
    proposals: 'Kết nối với các tổ chức về giáo dục',
  },
  {
    agency: 'MOH',
    status: 'SUBMITTED',
    on: '2026-01-13',
    difficulties: 'Báo cáo của chủ khoản viện trợ chậm',
    proposals: 'Dùng biểu mẫu điện tử thống nhất',
  },
  {
    agency: 'MOET',
    status: 'SUBMITTED',
    on: '2026-01-15',
    difficulties: 'Khó tổng hợp số liệu của các trường',
    proposals: 'Cho phép nhập số liệu theo trường',
  },
  {
    agency: 'MAE',
    status: 'SUBMITTED',
    on: '2026-01-16',
    difficulties: 'Nhiều lĩnh vực sau hợp nhất bộ',
    proposals: 'Cập nhật danh mục lĩnh vực ưu tiên',
  },
  { agency: 'UBND:new34:40', status: 'RETURNED', on: '2026-01-15', difficulties: 'Chưa đủ số liệu quý IV', proposals: '' },
  { agency: 'UBND:new34:04', status: 'DRAFT', on: '2026-01-05', difficulties: 'Địa bàn miền núi, nhiều xã khó khăn', proposals: '' },
];

/**
 * The Programme monitoring demo: yearly reports on 2025 of some ministries and provinces, the submitted ones with
 * the figures the statistics give them (frozen as a real submission would), one returned with its reason, one draft.
 * Runs after the calibrated statistics so the figures are those of the demo registry. Marked synthetic.
 */
export async function seedProgrammeReportsDemo(trx: Transaction<Database>): Promise<void> {
  const programme = programmeInForce(await listProgrammes(trx as Kysely<Database>), DEMO_REPORT_YEAR);
  if (!programme) return;
  const agencies = await trx
    .selectFrom('agencies')
    .select(['id', 'name_vi', 'name_en', 'kind', 'province_id'])
    .where(
      'id',
      'in',
      reports.map((r) => r.agency),
    )
    .execute();
  for (const r of reports) {
    const agency = agencies.find((a) => a.id === r.agency);
    if (!agency) continue;
    const figures = r.status === 'SUBMITTED' ? await computeReportFigures(trx, agency as Reporter, DEMO_REPORT_YEAR, programme) : null;
    const at = `${r.on}T02:00:00Z`;
    await trx
      .insertInto('programme_reports')
      .values({
        agency_id: r.agency,
        year: DEMO_REPORT_YEAR,
        programme_code: programme.code,
        status: r.status,
        difficulties: r.difficulties + SYNTHETIC,
        proposals: r.proposals ? r.proposals + SYNTHETIC : '',
        figures: figures ? JSON.stringify({ ...figures, computedOn: r.on }) : null,
        submitted_at: r.status === 'DRAFT' ? null : at,
        returned_at: r.status === 'RETURNED' ? '2026-01-19T02:00:00Z' : null,
        return_reason: r.status === 'RETURNED' ? 'Đề nghị bổ sung số liệu giải ngân quý IV theo lĩnh vực ưu tiên' + SYNTHETIC : null,
        synthetic: true,
        version: r.status === 'RETURNED' ? 3 : r.status === 'SUBMITTED' ? 2 : 1,
        created_at: new Date(at),
        updated_at: new Date(at),
      })
      .execute();
  }
}
