/**
 * The sanctions demo (issue 14 §4), synthetic and dated from the day the demo is loaded: one suspension in progress
 * (opinions given, a meeting on differing opinions, decided and notified, the NGO's 30 working days to remedy still
 * running) and one forced termination run to its end (certificate recovered, premises, staff, assets and finances
 * settled). Both are played through the sanction services, so the certificates' decisions, status timelines and the
 * directory follow as they would on screen. The NGOs work in Cao Bằng, so the demo province account sees both.
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import type { WriteContext } from '@modules/audit/audit.writer';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { applySanctionStep } from '@modules/supervision/sanction-steps.service';
import { openSanction, recordOpinion } from '@modules/supervision/sanctions.service';
import { sanctionsDb } from '@modules/supervision/sanctions.tables';

const DEMO_CTX: WriteContext = { actor: null, label: 'demo-seed' };

/** Two synthetic NGOs in Cao Bằng whose certificate has been active for the whole demo period (not those inspected). */
async function pickCertificates(trx: Transaction<Database>, since: string, today: string) {
  return (
    await sql<{ organisation_id: string; certificate_id: string }>`
      select c.organisation_id, c.id as certificate_id
      from certificates c join organisations o on o.id = c.organisation_id
      where o.synthetic and o.code <> 'DEMO-0001' and c.type = 'GDKHD'
        and exists (select 1 from certificate_status_periods sp where sp.certificate_id = c.id and sp.status = 'ACTIVE'
                    and sp.period @> ${since}::date and sp.period @> ${today}::date)
        and exists (select 1 from certificate_versions v where v.certificate_id = c.id
                    and v.province_ids && array(select p.id from provinces p where p.rolls_up_to = 'new34:04'))
      order by o.code desc
      limit 2`.execute(trx)
  ).rows;
}

/** Answers every opinion of a case on `on` (the first agency disagreeing when `split`). */
async function answerAll(trx: Transaction<Database>, caseId: string, on: string, split: boolean): Promise<void> {
  const opinions = await sanctionsDb(trx)
    .selectFrom('sanction_opinions')
    .select('agency_id')
    .where('case_id', '=', caseId)
    .orderBy('basis')
    .execute();
  for (const [i, o] of opinions.entries()) {
    const disagree = split && i === 0;
    await recordOpinion(trx, DEMO_CTX, caseId, o.agency_id, {
      opinion: disagree ? 'DISAGREE' : 'AGREE',
      answer: disagree ? 'Đề nghị nhắc nhở trước khi đình chỉ (dữ liệu giả lập).' : 'Nhất trí với đề xuất (dữ liệu giả lập).',
      answeredOn: on,
    });
  }
}

/** Seeds the two cases; nothing when no suitable synthetic NGO exists. */
export async function seedSanctionsDemo(trx: Transaction<Database>): Promise<void> {
  const today = vietnamToday();
  const calendar = await loadCalendar(trx);
  const wd = (n: number) => calendar.addWorkingDays(today, -n);
  const [suspended, terminated] = await pickCertificates(trx, wd(130), today);
  if (!suspended) return;

  const s = await openSanction(trx, DEMO_CTX, {
    procedureCode: 'SUSPENSION',
    organisationId: suspended.organisation_id,
    certificateId: suspended.certificate_id,
    legalGround: 'D58_ART18_1B',
    grounds: 'Triển khai hoạt động tại địa bàn ngoài Giấy đăng ký (dữ liệu giả lập).',
    evidence: [{ title: 'Biên bản kiểm tra thực địa (giả lập)', reference: 'BB-DEMO-01', date: wd(26) }],
    proposedOn: wd(25),
  });
  await answerAll(trx, s, wd(18), true);
  await applySanctionStep(trx, DEMO_CTX, s, {
    action: 'RECORD_MEETING',
    on: wd(14),
    minutes: 'Họp liên ngành thống nhất đình chỉ (giả lập).',
  });
  await applySanctionStep(trx, DEMO_CTX, s, { action: 'DECIDE', on: wd(12), decisionNumber: 'DEMO-15/QĐ-BNG' });
  await applySanctionStep(trx, DEMO_CTX, s, { action: 'NOTIFY', on: wd(10), receivedOn: wd(9) });

  if (!terminated) return;
  const t = await openSanction(trx, DEMO_CTX, {
    procedureCode: 'FORCED_TERMINATION',
    organisationId: terminated.organisation_id,
    certificateId: terminated.certificate_id,
    legalGround: 'D58_ART19_1A',
    grounds: 'Vi phạm hành vi bị cấm tại Điều 5 (dữ liệu giả lập).',
    evidence: [{ title: 'Kết luận thanh tra (giả lập)', reference: 'KL-DEMO-02', date: wd(125) }],
    proposedOn: wd(120),
  });
  await answerAll(trx, t, wd(112), false);
  await applySanctionStep(trx, DEMO_CTX, t, { action: 'DECIDE', on: wd(108), decisionNumber: 'DEMO-30/QĐ-BNG' });
  await applySanctionStep(trx, DEMO_CTX, t, { action: 'NOTIFY', on: wd(105), receivedOn: wd(104) });
  await applySanctionStep(trx, DEMO_CTX, t, { action: 'RECOVER', on: wd(103) });
  await applySanctionStep(trx, DEMO_CTX, t, {
    action: 'SETTLE',
    on: wd(50),
    settlement: {
      premises: 'Trả lại văn phòng thuê (giả lập).',
      staff: 'Chấm dứt hợp đồng với 6 nhân viên, thanh toán đủ chế độ (giả lập).',
      assets: 'Bàn giao trang thiết bị cho đối tác Việt Nam (giả lập).',
      finances: 'Quyết toán và đóng tài khoản ngân hàng (giả lập).',
    },
  });
}
