import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import { coordinationDb } from '@modules/programme/meetings.tables';

/**
 * The coordination demo (issue 15 §5-6), all synthetic: the 5th International Conference on cooperation with
 * foreign NGOs (04/12/2025, public: title, date, conclusions) with its participants and four follow-up tasks (one
 * done, one overdue, two open), and awards: three decided (two to demo NGOs, one to a person of a demo NGO) and
 * one nomination waiting for central's decision.
 */
export async function seedCoordinationDemo(trx: Transaction<Database>): Promise<void> {
  const db = coordinationDb(trx);
  const orgs = await trx
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('code', 'in', ['DEMO-0001', 'DEMO-0002', 'DEMO-0003', 'DEMO-0004'])
    .orderBy('code')
    .execute();
  const org = (i: number) => orgs[i]?.id ?? null;

  const meeting = await db
    .insertInto('programme_meetings')
    .values({
      kind: 'INTERNATIONAL_CONFERENCE',
      title_vi: 'Hội nghị quốc tế lần thứ 5 về hợp tác với các tổ chức phi chính phủ nước ngoài (dữ liệu giả lập)',
      title_en: '5th International Conference on cooperation with foreign NGOs (synthetic data)',
      meeting_date: '2025-12-04',
      place: 'Hà Nội',
      guests: ['Đại diện các cơ quan Liên Hợp Quốc tại Việt Nam (giả lập)', 'Đại sứ quán các nước tài trợ (giả lập)'],
      conclusions:
        'Tổng kết Chương trình quốc gia 2019–2025; thống nhất định hướng 2026–2030: y tế; giáo dục và phát triển nguồn nhân lực; ' +
        'khoa học, công nghệ và đổi mới sáng tạo; phát triển nông thôn bền vững; môi trường và biến đổi khí hậu; khắc phục hậu quả ' +
        'chiến tranh; hỗ trợ nhóm yếu thế. Các bộ, ngành, địa phương cập nhật danh mục vận động viện trợ trước quý II/2026 (giả lập).',
      is_public: true,
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('programme_meeting_agencies')
    .values(
      ['MOFA', 'COMINGO', 'VUFO', 'MOH', 'MOET', 'MAE', 'UBND:new34:04', 'UBND:new34:44'].map((agency_id) => ({
        meeting_id: meeting.id,
        agency_id,
      })),
    )
    .execute();
  const participants = orgs.map((o) => ({ meeting_id: meeting.id, organisation_id: o.id }));
  if (participants.length) await db.insertInto('programme_meeting_organisations').values(participants).execute();
  await db
    .insertInto('programme_meeting_tasks')
    .values([
      {
        meeting_id: meeting.id,
        description: 'Cập nhật danh mục dự án y tế cơ sở kêu gọi viện trợ giai đoạn 2026–2030 (giả lập)',
        owner_agency_id: 'MOH',
        due_date: '2026-03-31',
        status: 'DONE',
        done_on: '2026-03-20',
      },
      {
        meeting_id: meeting.id,
        description: 'Gửi báo cáo nhu cầu viện trợ của tỉnh theo các lĩnh vực ưu tiên mới (giả lập)',
        owner_agency_id: 'UBND:new34:04',
        due_date: '2026-06-30',
      },
      {
        meeting_id: meeting.id,
        description: 'Xây dựng chương trình học bổng với các tổ chức giáo dục nước ngoài (giả lập)',
        owner_agency_id: 'MOET',
        due_date: '2027-06-30',
      },
      {
        meeting_id: meeting.id,
        description: 'Tổng hợp kiến nghị của các tổ chức về thủ tục phê duyệt khoản viện trợ (giả lập)',
        owner_agency_id: 'COMINGO',
        due_date: '2027-03-31',
      },
    ])
    .execute();

  const awards = [
    {
      nominee_kind: 'ORGANISATION' as const,
      organisation_id: org(0),
      award_kind: 'PEACE_FRIENDSHIP_MEDAL' as const,
      award_name: 'Kỷ niệm chương "Vì hòa bình hữu nghị giữa các dân tộc"',
      nominating_agency_id: 'UBND:new34:04',
      nominated_on: '2025-09-15',
      status: 'DECIDED' as const,
      decision_number: '215/QĐ-LHH (giả lập)',
      decision_date: '2025-11-20',
      issuing_authority: 'Liên hiệp các tổ chức hữu nghị Việt Nam',
    },
    {
      nominee_kind: 'ORGANISATION' as const,
      organisation_id: org(1),
      award_kind: 'CERTIFICATE_OF_MERIT' as const,
      award_name: 'Bằng khen của Bộ trưởng Bộ Ngoại giao',
      nominating_agency_id: 'MOH',
      nominated_on: '2025-10-01',
      status: 'DECIDED' as const,
      decision_number: '3120/QĐ-BNG (giả lập)',
      decision_date: '2025-12-01',
      issuing_authority: 'Bộ trưởng Bộ Ngoại giao',
    },
    {
      nominee_kind: 'INDIVIDUAL' as const,
      organisation_id: org(2),
      person_name: 'Jane Synthetic (giả lập)',
      award_kind: 'ORDER' as const,
      award_name: 'Huân chương Hữu nghị',
      nominating_agency_id: 'MOFA',
      nominated_on: '2025-08-10',
      status: 'DECIDED' as const,
      decision_number: '1450/QĐ-CTN (giả lập)',
      decision_date: '2025-11-28',
      issuing_authority: 'Chủ tịch nước',
    },
    {
      nominee_kind: 'ORGANISATION' as const,
      organisation_id: org(3),
      award_kind: 'CERTIFICATE_OF_MERIT' as const,
      award_name: 'Bằng khen của Thủ tướng Chính phủ',
      nominating_agency_id: 'UBND:new34:44',
      nominated_on: '2026-10-05',
      status: 'NOMINATED' as const,
    },
  ];
  for (const award of awards) {
    if (!award.organisation_id) continue;
    await db
      .insertInto('programme_awards')
      .values({ ...award, reason: 'Đóng góp lâu dài cho các dự án viện trợ tại địa phương (dữ liệu giả lập).', synthetic: true })
      .execute();
  }
}
