/**
 * Every action on a dossier goes through {@link performAction}: one transaction that locks the dossier, checks
 * the version, lets the dossier state machine (src/domain/procedures) decide whether the caller's procedure role
 * may take the action now, applies its effects (step dates, pauses, consultations, the registry on approval),
 * writes the timeline and the audit trail, and fills the inboxes concerned.
 */
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import { allowedActions, PM_LEAD_APPRAISER, procedureFor, transition, type DossierState, type ProcedureVersion } from '@domain/procedures';
import type { WorkingCalendar } from '@domain/calendar';
import type { Database } from '@db/types';
import { AppError, forbidden, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { recordExtensionFiling } from '@modules/registry/certificates.service';
import { validateApplication } from './application-rules';
import { decisionRuleViolations } from './decision-precheck';
import { consultationPlan, resolveChosenAgencies } from './consultations.service';
import { linkAidDraft, registerApprovedAid } from './aid-approval.registry';
import { decisionContent } from './aid-approval-decision';
import { routeSubmitted } from './aid-approval-routing';
import { applyApproval, grantedValidity } from './decision.registry';
import { assertComplete } from './documents.service';
import { addEvent, lockDossier, type DossierRow } from './dossiers.repository';
import type { ActionBody } from './dossiers.schemas';
import { findVisible } from './dossiers.service';
import { notify, type Audience, type NotificationKind } from './inbox.service';
import { loadCatalogue, versionById } from './procedures.catalogue';
import { dossierRoles } from './procedures.policy';
import type { DossierTable } from './procedures.tables';

type Trx = Transaction<Database>;
type Effects = {
  patch: Updateable<DossierTable>;
  details: Record<string, unknown>;
  notices: { to: Audience; kind: NotificationKind; params?: Record<string, string | number | null> }[];
};
type ActionContext = {
  trx: Trx;
  ctx: WriteContext;
  row: DossierRow;
  version: ProcedureVersion;
  calendar: WorkingCalendar;
  today: string;
  catalogue: ProcedureVersion[];
};

/** The office that receives (COMINGO) or decides (MOFA); for aid, the body its approval level routes it to does both. */
function office(row: DossierRow, which: 'COMINGO' | 'MOFA'): Audience {
  if (row.procedure_code === 'AID_APPROVAL' && row.handling_agency_id) return { agencyId: row.handling_agency_id };
  return which === 'COMINGO' ? { comingo: true } : { mofa: true };
}

/**
 * The applicant's side: the NGO's users, or, for an aid approval filed by the aid owner, the owner's users and
 * the donor NGO's (D80 Art. 11: the donor is notified of the decision).
 */
function applicantSide(row: DossierRow): Audience {
  return row.filed_by_agency_id
    ? { organisationId: row.organisation_id, ownerAgencyId: row.filed_by_agency_id }
    : { organisationId: row.organisation_id };
}

/** An aid decision's notice (A6): its number, date and outcome in both languages (read as `result`). */
const decisionNoticeParams = (row: DossierRow) => ({
  code: row.code,
  decisionNumber: row.decision?.decisionNumber ?? null,
  decisionDate: row.decision?.decisionDate ?? null,
  resultVi: row.decision?.outcome === 'APPROVED' ? 'phê duyệt khoản viện trợ' : 'từ chối khoản viện trợ',
  resultEn: row.decision?.outcome === 'APPROVED' ? 'the aid is approved' : 'the aid is refused',
});

const closeOpenPauses = (trx: Trx, dossierId: string, today: string) =>
  trx.updateTable('dossier_pauses').set({ to_date: today }).where('dossier_id', '=', dossierId).where('to_date', 'is', null).execute();

function dueIn(a: ActionContext, days: number, unit: 'WORKING' | 'CALENDAR' = 'WORKING'): string {
  return unit === 'WORKING' ? a.calendar.addWorkingDays(a.today, days) : a.calendar.endOfCalendarPeriod(a.today, days);
}

async function onSubmit(a: ActionContext, e: Effects): Promise<void> {
  // The rules in force on the day of submission govern the whole case.
  const version = procedureFor(a.row.procedure_code, a.today, a.catalogue);
  await validateApplication(a.trx, a.row, version);
  await assertComplete(a.trx, a.row.id, version);
  // The approval's own registry rules (validity caps, home-country term, one office…), so the decision cannot fail
  // on what the applicant asked for.
  const [violation] = await decisionRuleViolations(a.trx, a.row, a.today, (d, n) => a.calendar.addWorkingDays(d, n));
  if (violation) throw violation;
  const { rows } = await sql<{ n: string }>`select nextval('dossier_code_seq')::text as n`.execute(a.trx);
  const code = `HS-${a.today.slice(0, 4)}-${(rows[0]?.n ?? '0').padStart(6, '0')}`;
  Object.assign(e.patch, {
    code,
    procedure_version_id: version.versionId,
    submitted_at: new Date(),
    submitted_on: a.today,
    last_received_on: a.today,
  });
  if (a.row.certificate_id && (a.row.procedure_code === 'EXTEND_GDKHD' || a.row.procedure_code === 'EXTEND_GDKVPDD')) {
    await recordExtensionFiling(a.trx, a.ctx, a.row.certificate_id, a.today);
  }
  if (a.row.procedure_code === 'AID_APPROVAL') {
    // The approval level decides who receives it (D80 Art. 8: MOF for the Prime Minister's level).
    const routing = await routeSubmitted(a.trx, a.row.application);
    a.row = { ...a.row, handling_agency_id: routing.handlingAgencyId };
    Object.assign(e.patch, { handling_agency_id: routing.handlingAgencyId });
    e.details.handlingAgencyId = routing.handlingAgencyId;
    e.patch.aid_item_id = await linkAidDraft(a.trx, a.ctx, a.row);
  }
  e.details.code = code;
  e.notices.push({ to: office(a.row, 'COMINGO'), kind: 'DOSSIER_SUBMITTED', params: { code } });
}

async function onRequestSupplement(
  a: ActionContext,
  e: Effects,
  body: Extract<ActionBody, { action: 'REQUEST_SUPPLEMENT' }>,
): Promise<void> {
  const unknown = body.documentCodes.filter((c) => !a.version.documents.some((d) => d.code === c));
  if (unknown.length)
    throw new AppError('validation_failed', {
      details: { issues: unknown.map((c) => ({ path: 'body.documentCodes', message: `not in the checklist: ${c}` })) },
    });
  const duringClock = a.row.clock === 'RUNNING';
  await a.trx
    .insertInto('dossier_supplement_requests')
    .values({
      dossier_id: a.row.id,
      message: body.message,
      document_codes: body.documentCodes,
      during_clock: duringClock,
      requested_by: a.ctx.actor?.userId ?? null,
      requested_on: a.today,
    })
    .execute();
  // The statutory clock stands still while the applicant completes the dossier (and, before acceptance, so does S1).
  await a.trx
    .insertInto('dossier_pauses')
    .values({ dossier_id: a.row.id, from_date: a.today, reason: duringClock ? 'SUPPLEMENT' : 'SUPPLEMENT_BEFORE_ACCEPTANCE' })
    .execute();
  Object.assign(e.details, { message: body.message, documentCodes: body.documentCodes, duringClock });
  e.notices.push({ to: applicantSide(a.row), kind: 'SUPPLEMENT_REQUESTED', params: { code: a.row.code } });
}

async function onSupplement(a: ActionContext, e: Effects, note: string | undefined): Promise<void> {
  const request = await a.trx
    .selectFrom('dossier_supplement_requests')
    .selectAll()
    .where('dossier_id', '=', a.row.id)
    .where('answered_at', 'is', null)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
  if (request) {
    const uploaded = await a.trx
      .selectFrom('dossier_documents')
      .select('document_code')
      .where('supplement_request_id', '=', request.id)
      .where('superseded_at', 'is', null)
      .execute();
    const got = new Set(uploaded.map((u) => u.document_code));
    const missing = request.document_codes.filter((c) => !got.has(c));
    if (missing.length) throw new AppError('dossier_documents_missing', { details: { missing } });
    await a.trx
      .updateTable('dossier_supplement_requests')
      .set({ answer_note: note ?? null, answered_by: a.ctx.actor?.userId ?? null, answered_at: new Date(), answered_on: a.today })
      .where('id', '=', request.id)
      .execute();
  }
  await assertComplete(a.trx, a.row.id, a.version);
  // Before acceptance the dossier is received anew (S1 restarts); during processing the pause lasts until COMINGO resumes.
  if (a.row.clock === 'NOT_STARTED') {
    await closeOpenPauses(a.trx, a.row.id, a.today);
    e.patch.last_received_on = a.today;
  }
  e.notices.push({ to: office(a.row, 'COMINGO'), kind: 'SUPPLEMENT_PROVIDED', params: { code: a.row.code } });
}

async function onStartConsultation(
  a: ActionContext,
  e: Effects,
  body: Extract<ActionBody, { action: 'START_CONSULTATION' }>,
): Promise<void> {
  const plan = await consultationPlan(a.trx, a.row, a.version, a.today, body.concerned ?? []);
  let list = plan.planned;
  if (body.agencyIds) {
    const chosen = await resolveChosenAgencies(a.trx, body.agencyIds, plan.planned, a.today);
    if (chosen.unknown.length)
      throw new AppError('validation_failed', {
        details: { issues: chosen.unknown.map((id) => ({ path: 'body.agencyIds', message: `unknown agency: ${id}` })) },
      });
    list = chosen.list;
  }
  const step = a.version.steps.find((s) => s.role === 'CONSULTED_AGENCY');
  const days = step?.deadline?.days ?? 10;
  if (list.length) {
    await a.trx
      .insertInto('dossier_consultations')
      .values(
        list.map((c) => ({
          dossier_id: a.row.id,
          agency_id: c.agencyId,
          named_agency_id: c.namedAgencyId,
          basis: c.basis,
          requested_on: a.today,
          due_working_days: days,
        })),
      )
      .execute();
  }
  e.patch.consultation_sent_on = a.today;
  if (!list.length) e.patch.opinions_complete_on = a.today;
  e.details.agencies = list.map((c) => c.agencyId);
  e.details.unresolved = plan.unresolved;
  const dueDate = dueIn(a, days, step?.deadline?.unit);
  for (const c of list)
    e.notices.push({ to: { agencyId: c.agencyId }, kind: 'CONSULTATION_REQUESTED', params: { code: a.row.code, dueDate } });
}

async function onDecide(a: ActionContext, e: Effects, body: Extract<ActionBody, { action: 'APPROVE' | 'REJECT' }>): Promise<void> {
  e.patch.decided_on = a.today;
  // Aid approval: the decision's content (D80 Art. 11), checked before anything is written.
  const content =
    a.row.procedure_code === 'AID_APPROVAL' && body.action === 'APPROVE' ? await decisionContent(a.trx, a.row, body.content) : undefined;
  if (body.action === 'REJECT') {
    e.patch.decision = JSON.stringify({
      outcome: 'REJECTED',
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
      reason: body.reason,
    });
  } else {
    const validUntil = await grantedValidity(a.trx, a.row, body);
    // Same transaction: the certificate (or the approved aid item) exists exactly when the approval does.
    e.patch.certificate_result_id = await applyApproval(a.trx, a.ctx, a.row, a.version, body, validUntil);
    if (a.row.procedure_code === 'AID_APPROVAL')
      e.details.aidItemId = e.patch.aid_item_id = await registerApprovedAid(a.trx, a.ctx, a.row, {
        ...body,
        content: content && !('prefilled' in content) ? content : undefined,
      });
    e.patch.decision = JSON.stringify({
      outcome: 'APPROVED',
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
      validUntil,
      ...(content ? { content } : {}),
    });
    e.details.certificateId = e.patch.certificate_result_id;
  }
  Object.assign(e.details, {
    outcome: body.action === 'APPROVE' ? 'APPROVED' : 'REJECTED',
    decisionNumber: body.decisionNumber,
    decisionDate: body.decisionDate,
  });
  const params = { code: a.row.code, outcome: body.action === 'APPROVE' ? 'APPROVED' : 'REJECTED' };
  e.notices.push(
    { to: applicantSide(a.row), kind: 'DOSSIER_DECIDED', params },
    { to: office(a.row, 'COMINGO'), kind: 'DOSSIER_DECIDED', params },
  );
}

/** The procedure role the caller acts in: the first of its roles for which the machine allows the action. */
function pickRole(roles: ReturnType<typeof dossierRoles>, state: DossierState, action: ActionBody['action']) {
  return roles.find((r) => allowedActions(state, r).includes(action)) ?? roles[0];
}

/** Performs one action on a dossier (see the module comment). */
export async function performAction(db: Kysely<Database>, ctx: WriteContext, id: string, body: ActionBody, today: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const [calendar, catalogue] = await Promise.all([loadCalendar(db), loadCatalogue(db)]);
  await db.transaction().execute(async (trx) => {
    await findVisible(trx, actor, id);
    const row = (await lockDossier(trx, id))!;
    if (row.version !== body.version) throw staleVersion({ currentVersion: row.version });
    const roles = dossierRoles(actor, row);
    const role = pickRole(roles, { status: row.status, clock: row.clock }, body.action);
    if (!role) throw forbidden();
    const next = transition({ status: row.status, clock: row.clock }, body.action, role);
    const version = versionById(catalogue, row.procedure_version_id);
    const e: Effects = {
      patch: { status: next.status, clock: next.clock, updated_at: new Date(), version: row.version + 1 },
      details: { role },
      notices: [],
    };
    const a: ActionContext = { trx, ctx, row, version, calendar, today, catalogue };
    const note = 'note' in body ? body.note : undefined;
    switch (body.action) {
      case 'SUBMIT':
        await onSubmit(a, e);
        break;
      case 'REQUEST_SUPPLEMENT':
        await onRequestSupplement(a, e, body);
        break;
      case 'SUPPLEMENT':
        await onSupplement(a, e, note);
        break;
      case 'ACCEPT':
        await closeOpenPauses(trx, id, today);
        e.patch.accepted_on = today;
        if (version.overallLimit) e.details.dueDate = dueIn(a, version.overallLimit.days, version.overallLimit.unit);
        e.notices.push({
          to: applicantSide(row),
          kind: 'DOSSIER_ACCEPTED',
          params: { code: row.code, dueDate: (e.details.dueDate as string | undefined) ?? null },
        });
        break;
      case 'RESUME':
        await closeOpenPauses(trx, id, today);
        break;
      case 'START_CONSULTATION':
        await onStartConsultation(a, e, body);
        break;
      case 'FORWARD_TO_MOFA': {
        const pending = await trx
          .selectFrom('dossier_consultations')
          .select('agency_id')
          .where('dossier_id', '=', id)
          .where('status', '=', 'PENDING')
          .execute();
        if (pending.length) throw new AppError('consultations_pending', { details: { pending: pending.map((p) => p.agency_id) } });
        e.patch.forwarded_on = today;
        if (!row.opinions_complete_on) e.patch.opinions_complete_on = today;
        // In an aid approval the governing agency forwards to itself: nobody else is to be told.
        if (row.procedure_code !== 'AID_APPROVAL')
          e.notices.push({ to: office(row, 'MOFA'), kind: 'DOSSIER_FORWARDED', params: { code: row.code } });
        break;
      }
      case 'START_APPRAISAL':
        e.patch.appraisal_started_on = today;
        break;
      case 'APPROVE':
      case 'REJECT':
        await onDecide(a, e, body);
        break;
      case 'DELIVER':
        e.patch.delivered_on = today;
        e.notices.push({ to: applicantSide(row), kind: 'DOSSIER_DELIVERED', params: { code: row.code } });
        // D80 Art. 11 (step A6): the decision, with its outcome, to the donor and to MOF (unless MOF decided it).
        if (row.procedure_code === 'AID_APPROVAL')
          e.notices.push({
            to: {
              organisationId: row.organisation_id,
              ...(row.handling_agency_id !== PM_LEAD_APPRAISER ? { agencyId: PM_LEAD_APPRAISER } : {}),
            },
            kind: 'AID_DECISION_NOTICE',
            params: decisionNoticeParams(row),
          });
        break;
      case 'WITHDRAW':
        e.patch.closed_on = today;
        await closeOpenPauses(trx, id, today);
        await trx
          .updateTable('dossier_consultations')
          .set({ status: 'CANCELLED' })
          .where('dossier_id', '=', id)
          .where('status', '=', 'PENDING')
          .execute();
        if (row.status !== 'DRAFT') e.notices.push({ to: office(row, 'COMINGO'), kind: 'DOSSIER_WITHDRAWN', params: { code: row.code } });
        break;
    }
    const after = await trx.updateTable('dossiers').set(e.patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const reason = body.action === 'REJECT' ? body.reason : body.action === 'REQUEST_SUPPLEMENT' ? body.message : note;
    await addEvent(trx, {
      dossierId: id,
      onDate: today,
      action: body.action,
      from: row.status,
      to: next.status,
      clock: next.clock,
      actor,
      note: reason ?? null,
      details: e.details,
    });
    await writeAudit(trx, ctx, { action: `dossier.${body.action.toLowerCase()}`, entityType: 'dossier', entityId: id, before: row, after });
    for (const n of e.notices) await notify(trx, n.to, n.kind, id, { code: after.code, ...n.params });
  });
}
