/**
 * Demo step: dossiers in every state of the procedure graph for the synthetic demo organisations, with
 * realistic step dates (working days counted with the published holiday decisions), supplements, clock pauses,
 * consultations (answered, pending, overdue), decisions that issued certificates in the registry, timelines and
 * inbox notices. The demo NGO account's organisation (DEMO-0001) gets a draft, a dossier awaiting its supplement
 * and a delivered one. Documents are rows whose bytes are generated on download (demo-documents.ts).
 */
import { sql, type Transaction } from 'kysely';
import { addDays, buildCalendar, publishedDecisions } from '@domain/calendar';
import { PROCEDURE_CATALOGUE, procedureFor, transition, type DossierAction, type DossierState } from '@domain/procedures';
import type { DemoStep } from '@db/demo/steps';
import type { Database } from '@db/types';
import type { WriteContext } from '@modules/audit/audit.writer';
import { issueCertificate } from '@modules/registry/certificates.service';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent, sha256 } from './demo-documents';
import { notify } from './inbox.service';
import type { DossierTable } from './procedures.tables';
import { vietnamDate } from './vn-date';

type Step = DossierAction | 'ANSWER';
type Plan = { org: 'own' | number; script: [Step, number][]; idleDays: number; agencies?: string[] };

const ROLE: Record<DossierAction, 'NGO' | 'COMINGO' | 'MOFA'> = {
  SUBMIT: 'NGO',
  SUPPLEMENT: 'NGO',
  WITHDRAW: 'NGO',
  REQUEST_SUPPLEMENT: 'COMINGO',
  ACCEPT: 'COMINGO',
  RESUME: 'COMINGO',
  START_CONSULTATION: 'COMINGO',
  FORWARD_TO_MOFA: 'COMINGO',
  DELIVER: 'COMINGO',
  START_APPRAISAL: 'MOFA',
  APPROVE: 'MOFA',
  REJECT: 'MOFA',
};
const AGENCIES = ['MPS', 'MOF', 'MOH', 'UBND:new34:04'];
const TO_DELIVERY: [Step, number][] = [
  ['SUBMIT', 0],
  ['ACCEPT', 2],
  ['START_CONSULTATION', 2],
  ['ANSWER', 6],
  ['ANSWER', 1],
  ['ANSWER', 2],
  ['ANSWER', 1],
  ['FORWARD_TO_MOFA', 1],
  ['START_APPRAISAL', 1],
  ['APPROVE', 6],
  ['DELIVER', 2],
];
const upTo = (last: Step, from: [Step, number][] = TO_DELIVERY) => from.slice(0, from.findIndex(([s]) => s === last) + 1);

/** One dossier per state (and a few more), in the order they are created. */
const PLANS: Plan[] = [
  { org: 'own', script: [], idleDays: 0 },
  {
    org: 'own',
    script: [
      ['SUBMIT', 0],
      ['REQUEST_SUPPLEMENT', 1],
    ],
    idleDays: 1,
  },
  { org: 'own', script: TO_DELIVERY, idleDays: 20 },
  { org: 0, script: [['SUBMIT', 0]], idleDays: 1 },
  {
    org: 1,
    script: [
      ['SUBMIT', 0],
      ['REQUEST_SUPPLEMENT', 1],
      ['SUPPLEMENT', 3],
    ],
    idleDays: 0,
  },
  { org: 2, script: upTo('ACCEPT'), idleDays: 1 },
  { org: 3, script: [...upTo('START_CONSULTATION'), ['ANSWER', 4]], idleDays: 3 },
  // Consultation long overdue at two agencies: shows in the SLA overdue list and triggers reminders.
  { org: 4, script: [...upTo('START_CONSULTATION'), ['ANSWER', 5], ['ANSWER', 2]], idleDays: 25 },
  { org: 5, script: [...upTo('START_CONSULTATION'), ['REQUEST_SUPPLEMENT', 3]], idleDays: 4 },
  { org: 6, script: upTo('FORWARD_TO_MOFA'), idleDays: 1 },
  { org: 7, script: upTo('START_APPRAISAL'), idleDays: 2 },
  { org: 8, script: upTo('APPROVE'), idleDays: 1 },
  { org: 9, script: [...upTo('START_APPRAISAL'), ['REJECT', 5]], idleDays: 1 },
  { org: 10, script: TO_DELIVERY, idleDays: 40 },
  // Delivered late: 37 working days after acceptance.
  { org: 11, script: [...upTo('START_APPRAISAL'), ['APPROVE', 17], ['DELIVER', 2]], idleDays: 60 },
  {
    org: 12,
    script: [
      ['SUBMIT', 0],
      ['WITHDRAW', 2],
    ],
    idleDays: 5,
  },
];

const DEMO_CTX: WriteContext = { actor: null, label: 'demo-seed' };

async function organisations(trx: Transaction<Database>): Promise<{ own: string | undefined; others: string[] }> {
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('synthetic', '=', true)
    .where('home_term_until', 'is', null)
    .orderBy('code')
    .limit(40)
    .execute();
  return { own: rows.find((r) => r.code === 'DEMO-0001')?.id, others: rows.filter((r) => r.code !== 'DEMO-0001').map((r) => r.id) };
}

/** Plays one plan: inserts the dossier, its documents and the rows each action produces, then the final state. */
async function play(
  trx: Transaction<Database>,
  organisationId: string,
  plan: Plan,
  calendar: ReturnType<typeof buildCalendar>,
  today: string,
  n: number,
): Promise<void> {
  const total = plan.script.reduce((sum, [, gap]) => sum + gap, 0) + plan.idleDays;
  let date = calendar.addWorkingDays(today, -total);
  const version = procedureFor('NEW_GDKHD', date, PROCEDURE_CATALOGUE);
  const application = { provinceIds: ['new34:04', 'new34:01'], sectorCodes: ['YTE', 'GDDT'], summary: 'Hồ sơ minh họa (dữ liệu giả lập)' };
  const dossier = await trx
    .insertInto('dossiers')
    .values({
      organisation_id: organisationId,
      procedure_code: 'NEW_GDKHD',
      procedure_version_id: version.versionId,
      application: JSON.stringify(application),
      created_at: new Date(`${date}T02:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = dossier.id;
  for (const d of version.documents.filter((x) => x.required)) {
    const path = `${DEMO_DOCUMENT_PREFIX}${id}/${d.code}.pdf`;
    await trx
      .insertInto('dossier_documents')
      .values({
        dossier_id: id,
        document_code: d.code,
        file_name: `${d.code}.pdf`,
        media_type: 'application/pdf',
        size_bytes: demoDocumentContent(path).length,
        sha256: sha256(demoDocumentContent(path)),
        storage_path: path,
        uploaded_at: new Date(`${date}T02:00:00Z`),
      })
      .execute();
  }
  let state: DossierState = { status: 'DRAFT', clock: 'NOT_STARTED' };
  const patch: Partial<Record<keyof DossierTable, unknown>> = {};
  const agencies = plan.agencies ?? AGENCIES;
  let answered = 0;
  for (const [step, gap] of plan.script) {
    date = calendar.addWorkingDays(date, gap);
    const at = new Date(`${date}T0${2 + (answered % 6)}:15:00Z`);
    if (step === 'ANSWER') {
      const agency = agencies[answered++]!;
      await trx
        .updateTable('dossier_consultations')
        .set({
          status: 'ANSWERED',
          opinion: answered % 3 === 0 ? 'AGREE_WITH_CONDITIONS' : 'AGREE',
          answer: 'Đồng ý (ý kiến minh họa).',
          answered_on: date,
          answered_at: at,
        })
        .where('dossier_id', '=', id)
        .where('agency_id', '=', agency)
        .execute();
      if (answered === agencies.length) patch.opinions_complete_on = date;
      await trx
        .insertInto('dossier_events')
        .values({
          dossier_id: id,
          at,
          on_date: date,
          action: 'CONSULTATION_ANSWERED',
          from_status: state.status,
          to_status: state.status,
          clock: state.clock,
          actor_label: `${agency} (demo)`,
          details: JSON.stringify({ agencyId: agency }),
        })
        .execute();
      continue;
    }
    const before = state;
    state = transition(state, step, ROLE[step]);
    let note: string | null = null;
    switch (step) {
      case 'SUBMIT':
        Object.assign(patch, {
          code: `HS-${date.slice(0, 4)}-D${String(n).padStart(5, '0')}`,
          submitted_at: at,
          submitted_on: date,
          last_received_on: date,
        });
        break;
      case 'REQUEST_SUPPLEMENT':
        note = 'Đề nghị bổ sung lý lịch tư pháp của Người đại diện (minh họa).';
        await trx
          .insertInto('dossier_supplement_requests')
          .values({
            dossier_id: id,
            message: note,
            document_codes: ['REPRESENTATIVE_CRIMINAL_RECORD'],
            during_clock: before.clock === 'RUNNING',
            requested_on: date,
            requested_at: at,
          })
          .execute();
        await trx
          .insertInto('dossier_pauses')
          .values({ dossier_id: id, from_date: date, reason: before.clock === 'RUNNING' ? 'SUPPLEMENT' : 'SUPPLEMENT_BEFORE_ACCEPTANCE' })
          .execute();
        break;
      case 'SUPPLEMENT':
        await trx
          .updateTable('dossier_supplement_requests')
          .set({ answered_on: date, answered_at: at, answer_note: 'Đã bổ sung.' })
          .where('dossier_id', '=', id)
          .execute();
        if (before.clock === 'NOT_STARTED') {
          await trx
            .updateTable('dossier_pauses')
            .set({ to_date: date })
            .where('dossier_id', '=', id)
            .where('to_date', 'is', null)
            .execute();
          patch.last_received_on = date;
        }
        break;
      case 'ACCEPT':
        patch.accepted_on = date;
        break;
      case 'START_CONSULTATION':
        patch.consultation_sent_on = date;
        await trx
          .insertInto('dossier_consultations')
          .values(
            agencies.map((a) => ({
              dossier_id: id,
              agency_id: a,
              named_agency_id: null,
              basis: `AGENCY:${a}`,
              requested_on: date,
              due_working_days: 10,
            })),
          )
          .execute();
        break;
      case 'FORWARD_TO_MOFA':
        patch.forwarded_on = date;
        break;
      case 'START_APPRAISAL':
        patch.appraisal_started_on = date;
        break;
      case 'APPROVE': {
        const validUntil = `${Number(date.slice(0, 4)) + 3}${date.slice(4)}`;
        const decision = { decisionNumber: `${100 + n}/QĐ-BNG (minh họa)`, decisionDate: date };
        const issued = await issueCertificate(trx, DEMO_CTX, {
          organisationId,
          type: 'GDKHD',
          issueDate: date,
          validUntil: addDays(validUntil, -1),
          provinceIds: application.provinceIds,
          sectorCodes: application.sectorCodes,
          ...decision,
          legalGround: `${version.legalDocument}, ${version.legalRefs.join(', ')}`,
          dossierId: id,
        });
        Object.assign(patch, {
          decided_on: date,
          certificate_result_id: issued.certificateId,
          decision: JSON.stringify({ outcome: 'APPROVED', ...decision, validUntil: addDays(validUntil, -1) }),
        });
        break;
      }
      case 'REJECT':
        note = 'Mục tiêu hoạt động chưa phù hợp (minh họa).';
        Object.assign(patch, {
          decided_on: date,
          decision: JSON.stringify({
            outcome: 'REJECTED',
            decisionNumber: `${200 + n}/BNG-LS (minh họa)`,
            decisionDate: date,
            reason: note,
          }),
        });
        break;
      case 'DELIVER':
        patch.delivered_on = date;
        break;
      case 'WITHDRAW':
        patch.closed_on = date;
        await trx.updateTable('dossier_pauses').set({ to_date: date }).where('dossier_id', '=', id).where('to_date', 'is', null).execute();
        break;
      default:
        break;
    }
    await trx
      .insertInto('dossier_events')
      .values({
        dossier_id: id,
        at,
        on_date: date,
        action: step,
        from_status: before.status,
        to_status: state.status,
        clock: state.clock,
        actor_label: `${ROLE[step].toLowerCase()} (demo)`,
        note,
      })
      .execute();
  }
  await trx
    .updateTable('dossiers')
    .set({ ...(patch as object), status: state.status, clock: state.clock, updated_at: sql`now()`, version: 1 + plan.script.length })
    .where('id', '=', id)
    .execute();
  if (state.status === 'INCOMPLETE')
    await notify(trx, { organisationId }, 'SUPPLEMENT_REQUESTED', id, { code: (patch.code as string) ?? null });
}

/** The demo step (registered last in src/db/demo/steps.ts). */
export const proceduresDemo: DemoStep = {
  name: 'procedure dossiers in every state',
  async run(trx) {
    const { own, others } = await organisations(trx);
    if (!own && others.length === 0) return;
    const today = vietnamDate();
    const calendar = buildCalendar({
      decisions: publishedDecisions,
      fromYear: Number(today.slice(0, 4)) - 2,
      toYear: Number(today.slice(0, 4)) + 5,
    });
    let n = 0;
    for (const plan of PLANS) {
      const organisationId = plan.org === 'own' ? own : others[plan.org % Math.max(others.length, 1)];
      if (organisationId) await play(trx, organisationId, plan, calendar, today, ++n);
    }
  },
};
