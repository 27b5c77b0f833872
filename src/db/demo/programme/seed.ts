import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { seedNeedDocuments } from './need-documents';
import { demoProposals } from './proposals';

const LABEL = 'demo-seed (synthetic)';

/**
 * The needs catalogue demo: the proposals of ./proposals.ts (published ones dated through 2026, a few awaiting
 * review, a draft), interests from demo NGOs (the demo NGO account's own organisation among them), and one
 * proposal funded by an aid item of Cao Bằng. Everything is marked synthetic.
 */
export async function seedProgrammeDemo(trx: Transaction<Database>): Promise<void> {
  const ids: string[] = [];
  for (const [i, p] of demoProposals.entries()) {
    const published =
      p.status === 'PUBLISHED' ? `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}T03:00:00Z` : null;
    const row = await trx
      .insertInto('need_proposals')
      .values({
        code: `NC-2026-${String(i + 1).padStart(4, '0')}`,
        status: p.status,
        proposing_agency_id: p.agency,
        programme_code: 'NP-2026-2030',
        priority_code: p.priority,
        sector_code: p.sector,
        title_vi: p.titleVi,
        title_en: p.titleEn,
        summary_vi: p.summaryVi,
        summary_en: p.summaryEn,
        province_ids: p.provinces,
        beneficiaries: p.beneficiaries,
        budget: p.budget,
        currency: p.currency,
        duration_months: p.months,
        counterpart_amount: String(Math.round(Number(p.budget) * 0.1)),
        contact_office: 'Phòng Hợp tác quốc tế (giả lập)',
        contact_email: 'hoptac@example.gov.vn',
        submitted_at: p.status === 'DRAFT' ? null : (published ?? new Date()),
        published_at: published,
        synthetic: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    const steps: [string, string | null, string][] = [['create', null, 'DRAFT']];
    if (p.status !== 'DRAFT') steps.push(['submit', 'DRAFT', 'SUBMITTED']);
    if (p.status === 'PUBLISHED') steps.push(['publish', 'SUBMITTED', 'PUBLISHED']);
    await trx
      .insertInto('need_proposal_events')
      .values(steps.map(([action, from, to]) => ({ proposal_id: row.id, action, from_status: from, to_status: to, actor_label: LABEL })))
      .execute();
  }
  await sql`select setval('need_proposal_seq', ${demoProposals.length})`.execute(trx);

  const orgs = await trx
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('code', 'in', ['DEMO-0001', 'DEMO-0002', 'DEMO-0003', 'DEMO-0004'])
    .orderBy('code')
    .execute();
  const interests: [number, number, 'NEW' | 'IN_TALKS' | 'AGREED'][] = [
    [0, 0, 'IN_TALKS'],
    [0, 1, 'NEW'],
    [3, 2, 'NEW'],
    [8, 3, 'AGREED'],
    [14, 0, 'NEW'],
    [16, 2, 'IN_TALKS'],
  ];
  for (const [proposal, org, status] of interests) {
    const organisation = orgs[org];
    if (!organisation) continue;
    await trx
      .insertInto('need_interests')
      .values({
        proposal_id: ids[proposal]!,
        organisation_id: organisation.id,
        message: 'Tổ chức có thể tài trợ một phần và cử chuyên gia hỗ trợ (dữ liệu giả lập).',
        contact_name: 'Trưởng đại diện (giả lập)',
        contact_email: 'contact@example.org',
        status,
      })
      .execute();
  }

  // One funded proposal: Quảng Trị's mine clearance, linked to an ongoing war-legacies or any aid item there.
  const funded = ids[8]!;
  const item = await trx
    .selectFrom('aid_items as i')
    .innerJoin('aid_locations as l', 'l.aid_item_id', 'i.id')
    .innerJoin('provinces as p', 'p.id', 'l.province_id')
    .select('i.id')
    .where('p.rolls_up_to', '=', 'new34:44')
    .where('i.status', 'in', ['APPROVED', 'IMPLEMENTING'])
    .orderBy('i.code')
    .executeTakeFirst();
  if (item) {
    await trx.insertInto('need_fundings').values({ proposal_id: funded, aid_item_id: item.id, amount: '350000' }).execute();
    await trx.updateTable('need_proposals').set({ status: 'FUNDED' }).where('id', '=', funded).execute();
    await trx
      .insertInto('need_proposal_events')
      .values({ proposal_id: funded, action: 'fund', from_status: 'PUBLISHED', to_status: 'FUNDED', actor_label: LABEL })
      .execute();
  }
  await seedNeedDocuments(trx);
}
