/**
 * Demo aid approvals at each approval level (Decree 80/2020 Art. 7, 9, 10), filed by the demo aid owner (the Red
 * Cross, account `owner`) for aid given by the demo NGO (DEMO-0001): two local ones with Cao Bằng's Department of
 * Finance (account `caobang-stc`) — one waiting to be received, one in appraisal after the provincial Police answered —,
 * one Prime-Minister-level one with the Ministry of Finance and one central one accepted by the Ministry of Health
 * (account `moh`). States come from the dossier state machine, so none is outside the procedure's graph. Synthetic.
 */
import type { Transaction } from 'kysely';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import {
  ACTION_ROLE,
  PROCEDURE_CATALOGUE,
  procedureFor,
  routeAidApproval,
  transition,
  type DossierAction,
  type DossierState,
} from '@domain/procedures';
import type { Database } from '@db/types';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent, sha256 } from '@files/demo-documents';
import { vietnamToday } from '@common/time/vietnam-today';

type Plan = {
  title: string;
  level: 'PM' | 'CENTRAL' | 'LOCAL';
  governingAgencyId?: string;
  aidProvinceId?: string;
  /** Actions with the working days before each; the last one is `idle` working days before today. */
  script: [DossierAction, number][];
  idle: number;
  /** Agencies consulted at START_CONSULTATION, answered at once. */
  consulted?: string[];
};

const PLANS: Plan[] = [
  {
    title: 'Nước sạch cho 12 điểm trường vùng cao Cao Bằng (minh họa)',
    level: 'LOCAL',
    aidProvinceId: 'new34:04',
    script: [['SUBMIT', 0]],
    idle: 1,
  },
  {
    title: 'Nhà văn hóa cộng đồng kiêm nơi tránh lũ, Cao Bằng (minh họa)',
    level: 'LOCAL',
    aidProvinceId: 'new34:04',
    script: [
      ['SUBMIT', 0],
      ['ACCEPT', 1],
      ['START_CONSULTATION', 1],
      ['FORWARD_TO_MOFA', 6],
      ['START_APPRAISAL', 1],
    ],
    idle: 2,
    consulted: ['CA:new34:04'],
  },
  {
    title: 'Hỗ trợ xây dựng dự thảo luật về hội (minh họa)',
    level: 'PM',
    governingAgencyId: 'MOHA',
    script: [['SUBMIT', 0]],
    idle: 2,
  },
  {
    title: 'Nâng cao năng lực trạm y tế xã (minh họa)',
    level: 'CENTRAL',
    governingAgencyId: 'MOH',
    script: [
      ['SUBMIT', 0],
      ['ACCEPT', 2],
    ],
    idle: 1,
  },
];

const DATE_COLUMN: Partial<Record<DossierAction, string>> = {
  SUBMIT: 'submitted_on',
  ACCEPT: 'accepted_on',
  START_CONSULTATION: 'consultation_sent_on',
  FORWARD_TO_MOFA: 'forwarded_on',
  START_APPRAISAL: 'appraisal_started_on',
};

async function play(trx: Transaction<Database>, donorId: string, plan: Plan, n: number, calendar: ReturnType<typeof buildCalendar>) {
  const today = vietnamToday();
  let date = calendar.addWorkingDays(today, -(plan.script.reduce((s, [, gap]) => s + gap, 0) + plan.idle));
  const version = procedureFor('AID_APPROVAL', date, PROCEDURE_CATALOGUE);
  const result = routeAidApproval({ level: plan.level, governingAgencyId: plan.governingAgencyId, provinceId: plan.aidProvinceId });
  if ('issue' in result) throw new Error(`demo aid approval: ${result.issue.message}`);
  const { routing } = result;
  const application = {
    approvalLevel: plan.level,
    governingAgencyId: routing.governingAgencyId,
    ...(plan.aidProvinceId ? { aidProvinceId: plan.aidProvinceId, provinceIds: [plan.aidProvinceId] } : {}),
    donorIsFngo: true,
    aid: { titleVi: plan.title, modality: 'PROJECT' },
    summary: 'Hồ sơ minh họa (dữ liệu giả lập)',
  };
  const { id } = await trx
    .insertInto('dossiers')
    .values({
      organisation_id: donorId,
      procedure_code: 'AID_APPROVAL',
      procedure_version_id: version.versionId,
      application: JSON.stringify(application),
      filed_by_agency_id: 'VRC',
      handling_agency_id: routing.handlingAgencyId,
      created_at: new Date(`${date}T02:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const groups = new Set<string>();
  for (const d of version.documents) {
    if (d.oneOf ? groups.has(d.oneOf) : !d.required) continue;
    if (d.oneOf) groups.add(d.oneOf);
    const path = `${DEMO_DOCUMENT_PREFIX}${id}/${d.code}.pdf`;
    const content = demoDocumentContent(path);
    await trx
      .insertInto('dossier_documents')
      .values({
        dossier_id: id,
        document_code: d.code,
        file_name: `${d.code}.pdf`,
        media_type: 'application/pdf',
        size_bytes: content.length,
        sha256: sha256(content),
        storage_path: path,
        uploaded_at: new Date(`${date}T02:00:00Z`),
      })
      .execute();
  }
  let state: DossierState = { status: 'DRAFT', clock: 'NOT_STARTED' };
  const patch: Record<string, unknown> = {};
  for (const [action, gap] of plan.script) {
    date = calendar.addWorkingDays(date, gap);
    const before = state;
    state = transition(state, action, ACTION_ROLE[action]);
    const column = DATE_COLUMN[action];
    if (column) patch[column] = date;
    if (action === 'SUBMIT')
      Object.assign(patch, {
        code: `HS-${date.slice(0, 4)}-V${String(n).padStart(5, '0')}`,
        submitted_at: new Date(`${date}T03:00:00Z`),
        last_received_on: date,
      });
    if (action === 'START_CONSULTATION' && plan.consulted?.length) {
      const answeredOn = calendar.addWorkingDays(date, 4);
      await trx
        .insertInto('dossier_consultations')
        .values(
          plan.consulted.map((agencyId) => ({
            dossier_id: id,
            agency_id: agencyId,
            named_agency_id: null,
            basis: 'AGENCY:PROVINCIAL_POLICE',
            requested_on: date,
            due_working_days: 10,
            status: 'ANSWERED' as const,
            opinion: 'AGREE' as const,
            answer: 'Đồng ý; không có vấn đề về an ninh (ý kiến minh họa).',
            answered_on: answeredOn,
            answered_at: new Date(`${answeredOn}T04:00:00Z`),
          })),
        )
        .execute();
      patch.opinions_complete_on = answeredOn;
    }
    await trx
      .insertInto('dossier_events')
      .values({
        dossier_id: id,
        at: new Date(`${date}T03:00:00Z`),
        on_date: date,
        action,
        from_status: before.status,
        to_status: state.status,
        clock: state.clock,
        actor_label: `${action === 'SUBMIT' ? 'owner' : routing.handlingAgencyId} (demo)`,
        details: JSON.stringify(action === 'SUBMIT' ? { handlingAgencyId: routing.handlingAgencyId } : {}),
      })
      .execute();
  }
  await trx
    .updateTable('dossiers')
    .set({ ...patch, status: state.status, clock: state.clock, version: 1 + plan.script.length })
    .where('id', '=', id)
    .execute();
}

/** The demo step (see the module comment); does nothing without the demo NGO or the provincial bodies. */
export async function seedAidApprovalsDemo(trx: Transaction<Database>): Promise<void> {
  const donor = await trx.selectFrom('organisations').select('id').where('code', '=', 'DEMO-0001').executeTakeFirst();
  const stc = await trx.selectFrom('agencies').select('id').where('id', '=', 'STC:new34:04').executeTakeFirst();
  if (!donor || !stc) return;
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: year - 1, toYear: year + 1 });
  let n = 0;
  for (const plan of PLANS) await play(trx, donor.id, plan, ++n, calendar);
}
