import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import { bulkInsert } from './bulk';
import type { OrgPlan } from './plan-organisations';
import type { Prng } from './prng';

/** Annual reports (Mẫu 05) of the organisations active each year, when the aid module's table exists. */
export async function insertReports(trx: Transaction<Database>, rng: Prng, orgs: readonly OrgPlan[]): Promise<number> {
  const rows: unknown[][] = [];
  for (const org of orgs) {
    for (const year of [...org.activeYears].sort()) {
      if (year > 2026 || (year === 2026 && !rng.chance(0.3))) continue;
      const status = year === 2026 ? 'DRAFT' : year === 2025 && rng.chance(0.7) ? 'SUBMITTED' : 'ACCEPTED';
      const submitted = status === 'DRAFT' ? null : `${year}-12-${String(rng.int(8, 17)).padStart(2, '0')}T03:00:00Z`;
      rows.push([
        org.id,
        year,
        `${year - 1}-12-15`,
        `${year}-12-14`,
        `${year}-12-18`,
        status,
        submitted,
        'Báo cáo hoạt động năm (dữ liệu giả lập)',
      ]);
    }
  }
  await bulkInsert(
    trx,
    'ngo_reports',
    [
      ['organisation_id', 'uuid'],
      ['report_year', 'int4'],
      ['period_from', 'date'],
      ['period_to', 'date'],
      ['due_date', 'date'],
      ['status', 'text'],
      ['submitted_at', 'timestamptz'],
      ['summary', 'text'],
    ],
    rows,
  );
  return rows.length;
}
