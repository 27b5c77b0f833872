/**
 * The inspections demo (issue 14 §3), all synthetic and dated from the day the demo is loaded: Cao Bằng's yearly
 * plan (three visits to NGOs working there, one with the provincial police and the Ministry of Health taking
 * part), one field visit closed with its conclusion, and one check still open with a follow-up action overdue and
 * one still in time — so the demo province account (`caobang`) sees both states on screen.
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { addDays } from '@domain/calendar/iso-date';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent } from '@files/demo-documents';
import { inspectionDb } from '@modules/supervision/inspections.tables';
import { createHash } from 'node:crypto';

const CAO_BANG = 'UBND:new34:04';

/** Seeds the plan and the two inspections; nothing when no synthetic NGO works in Cao Bằng. */
export async function seedInspectionsDemo(trx: Transaction<Database>): Promise<void> {
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const orgs = (
    await sql<{ id: string }>`select o.id from organisations o
      where o.synthetic and o.id in (select c.organisation_id from certificate_versions v join certificates c on c.id = v.certificate_id
        where v.province_ids && array(select p.id from provinces p where p.rolls_up_to = 'new34:04')
          and not exists (select 1 from certificate_versions n where n.certificate_id = v.certificate_id and n.version > v.version))
      order by o.code limit 3`.execute(trx)
  ).rows.map((r) => r.id);
  if (!orgs.length) return;
  const org = (i: number) => orgs[i % orgs.length]!;
  const idb = inspectionDb(trx);
  const agencies = new Set(
    (await trx.selectFrom('agencies').select('id').where('id', 'in', ['MOH', 'MPS', CAO_BANG]).execute()).map((a) => a.id),
  );
  const participants = ['MOH', 'MPS'].filter((a) => agencies.has(a));

  const closedStart = addDays(today, -120);
  const openStart = addDays(today, -60);
  const plan = await idb
    .insertInto('inspection_plans')
    .values({
      year,
      title: `Kế hoạch kiểm tra, giám sát tổ chức PCPNN năm ${year} – Cao Bằng (dữ liệu giả lập)`,
      owner_agency_id: CAO_BANG,
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entries = await idb
    .insertInto('inspection_plan_entries')
    .values(
      [
        { kind: 'FIELD_VISIT' as const, from: closedStart, to: addDays(closedStart, 2), agencies: [] },
        { kind: 'KIEM_TRA' as const, from: openStart, to: addDays(openStart, 3), agencies: participants },
        { kind: 'GIAM_SAT' as const, from: addDays(today, 20), to: addDays(today, 24), agencies: [] },
      ]
        .filter((e) => e.from.startsWith(String(year)))
        .map((e, position) => ({
          plan_id: plan.id,
          organisation_id: org(position),
          kind: e.kind,
          province_ids: ['new34:04'],
          lead_agency_id: CAO_BANG,
          agency_ids: e.agencies,
          planned_from: e.from,
          planned_to: e.to,
          note: null,
          position,
        })),
    )
    .returning(['id', 'kind', 'organisation_id'])
    .execute();
  const entryOf = (kind: string) => entries.find((e) => e.kind === kind) ?? null;

  // A field visit closed with its conclusion and its one follow-up action done.
  const closed = await idb
    .insertInto('inspections')
    .values({
      plan_entry_id: entryOf('FIELD_VISIT')?.id ?? null,
      organisation_id: entryOf('FIELD_VISIT')?.organisation_id ?? org(0),
      kind: 'FIELD_VISIT',
      lead_agency_id: CAO_BANG,
      agency_ids: [],
      province_ids: ['new34:04'],
      team: ['Nông Văn Hải – Sở Ngoại vụ Cao Bằng (giả lập)', 'Hoàng Thị Lan – UBND huyện Hà Quảng (giả lập)'],
      starts_on: closedStart,
      ends_on: addDays(closedStart, 2),
      scope: 'Đi thực tế dự án nước sạch và vệ sinh trường học tại 3 xã (dữ liệu giả lập)',
      closed_on: addDays(closedStart, 40),
      closure_summary: 'Dự án thực hiện đúng nội dung Giấy đăng ký; tổ chức đã bổ sung báo cáo tiến độ theo yêu cầu (dữ liệu giả lập).',
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const closedFinding = await idb
    .insertInto('inspection_findings')
    .values({
      inspection_id: closed.id,
      description: 'Báo cáo tiến độ quý chưa gửi Sở Ngoại vụ (dữ liệu giả lập)',
      recommendation: 'Gửi báo cáo tiến độ trong 15 ngày',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await idb
    .insertInto('inspection_actions')
    .values({
      inspection_id: closed.id,
      finding_id: closedFinding.id,
      description: 'Tổ chức gửi báo cáo tiến độ quý (giả lập)',
      owner_agency_id: CAO_BANG,
      due_date: addDays(closedStart, 20),
      status: 'DONE',
      done_on: addDays(closedStart, 15),
    })
    .execute();
  const storage = `${DEMO_DOCUMENT_PREFIX}supervision/inspection-${closed.id}.pdf`;
  const content = demoDocumentContent(storage);
  await idb
    .insertInto('inspection_documents')
    .values({
      inspection_id: closed.id,
      file_name: 'bien-ban-lam-viec.pdf',
      media_type: 'application/pdf',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      storage_path: storage,
    })
    .execute();

  // A check still open: one follow-up action overdue, one still in time.
  const open = await idb
    .insertInto('inspections')
    .values({
      plan_entry_id: entryOf('KIEM_TRA')?.id ?? null,
      organisation_id: entryOf('KIEM_TRA')?.organisation_id ?? org(1),
      kind: 'KIEM_TRA',
      lead_agency_id: CAO_BANG,
      agency_ids: participants,
      province_ids: ['new34:04'],
      team: ['Nông Văn Hải – Sở Ngoại vụ Cao Bằng (giả lập)', 'Lê Minh Đức – Công an tỉnh Cao Bằng (giả lập)'],
      starts_on: openStart,
      ends_on: addDays(openStart, 3),
      scope: 'Kiểm tra việc thực hiện Giấy đăng ký hoạt động và sử dụng tài khoản ngân hàng (dữ liệu giả lập)',
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const findings = await idb
    .insertInto('inspection_findings')
    .values([
      {
        inspection_id: open.id,
        description: 'Tổ chức hoạt động tại một xã ngoài địa bàn ghi trong Giấy đăng ký (dữ liệu giả lập)',
        recommendation: 'Đề nghị sửa đổi Giấy đăng ký hoặc dừng hoạt động tại xã này',
      },
      {
        inspection_id: open.id,
        description: 'Tài khoản nhận viện trợ khác tài khoản đã thông báo (dữ liệu giả lập)',
        recommendation: 'Thông báo tài khoản ngân hàng theo Điều 21 Nghị định 58/2022/NĐ-CP',
      },
    ])
    .returning('id')
    .execute();
  await idb
    .insertInto('inspection_actions')
    .values([
      {
        inspection_id: open.id,
        finding_id: findings[1]!.id,
        description: 'Tổ chức thông báo tài khoản ngân hàng đang sử dụng (giả lập)',
        owner_agency_id: CAO_BANG,
        due_date: addDays(today, -20),
      },
      {
        inspection_id: open.id,
        finding_id: findings[0]!.id,
        description: 'Báo cáo Bộ Ngoại giao đề xuất xử lý theo Điều 18 (giả lập)',
        owner_agency_id: CAO_BANG,
        due_date: addDays(today, 30),
      },
    ])
    .execute();
}
