/**
 * Plays one demo dossier plan (procedures.demo.ts): the dossier, its documents and the rows each action produces
 * (supplements, pauses, consultations, decisions that issue certificates, the timeline), with the state computed by
 * the dossier state machine so the demo can never hold a state outside the graph.
 */
import { sql, type Transaction } from 'kysely';
import { addDays, type buildCalendar } from '@domain/calendar';
import { ACTION_ROLE, PROCEDURE_CATALOGUE, procedureFor, transition, type DossierAction, type DossierState } from '@domain/procedures';
import type { Database } from '@db/types';
import type { WriteContext } from '@modules/audit/audit.writer';
import { issueCertificate } from '@modules/registry/certificates.service';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent, sha256 } from '@files/demo-documents';
import { notify } from './inbox.service';
import type { DossierTable } from './procedures.tables';

/** An action, or ANSWER: the next consulted agency replies. */
export type Step = DossierAction | 'ANSWER';
/** A dossier to create: whose, the actions with the working days between them, and the working days since. */
export type Plan = { org: 'own' | number; script: [Step, number][]; idleDays: number; agencies?: string[] };

const AGENCIES = ['MPS', 'MOF', 'MOH', 'UBND:new34:04'];

const DEMO_CTX: WriteContext = { actor: null, label: 'demo-seed' };

/** Plays one plan: inserts the dossier, its documents and the rows each action produces, then the final state. */
export async function play(
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
    state = transition(state, step, ACTION_ROLE[step]);
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
        actor_label: `${ACTION_ROLE[step].toLowerCase()} (demo)`,
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
