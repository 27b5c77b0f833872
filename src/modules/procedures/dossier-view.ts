/**
 * Turns stored dossiers into what the API shows: clocks of the whole procedure and of each step (computed with
 * the working calendar, pauses included), the document checklist, consultations with their own clocks, the
 * timeline, and the actions the caller may take now.
 */
import { allowedActions, type DossierAction, type DossierState, type ProcedureVersion } from '@domain/procedures';
import type { WorkingCalendar } from '@domain/calendar';
import type { Actor } from '@modules/auth/actor';
import { consultationClock, overallClock, stepViews, toPauses, type ClockView, type DossierDates } from './deadlines';
import type { DossierParts, DossierRow } from './dossiers.repository';
import { answersFor, dossierRoles } from './procedures.policy';
import type { DossierDetail } from './dossiers.schemas';
import { presentDocument } from './procedures.schemas';
import type { ActionCheck } from './action-checks';

export type ViewContext = { calendar: WorkingCalendar; today: string; actor: Actor };

/** The running step that falls due first (the overall S6 step only when nothing else runs). */
export function currentStep<S extends { code: string; clock: ClockView | null }>(steps: readonly S[]): (S & { clock: ClockView }) | null {
  const running = steps.filter(
    (s): s is S & { clock: ClockView } => s.clock !== null && (s.clock.state === 'RUNNING' || s.clock.state === 'PAUSED'),
  );
  const specific = running.filter((s) => s.code !== 'S6_DELIVER');
  const pool = specific.length ? specific : running;
  return pool.sort((a, b) => (a.clock.dueDate ?? '9999').localeCompare(b.clock.dueDate ?? '9999'))[0] ?? null;
}

/** The columns a list line needs (lists read only these). */
export const LIST_COLUMNS = [
  'id',
  'code',
  'organisation_id',
  'procedure_code',
  'procedure_version_id',
  'status',
  'clock',
  'version',
] as const;
export type ListRow = Pick<DossierRow, (typeof LIST_COLUMNS)[number]> & DossierDates & { organisation_name: string };

/** The list line of a dossier. */
export function listItem(
  row: ListRow,
  version: ProcedureVersion,
  pauses: readonly { from_date: string; to_date: string | null; reason: string }[],
  ctx: Omit<ViewContext, 'actor'>,
) {
  const p = toPauses(pauses);
  const steps = row.status === 'DRAFT' ? [] : stepViews(row, version, p, ctx.calendar, ctx.today);
  const step = currentStep(steps);
  return {
    id: row.id,
    code: row.code,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    procedureCode: row.procedure_code,
    procedure: { nameVi: version.name.vi, nameEn: version.name.en },
    status: row.status,
    clockState: row.clock,
    submittedOn: row.submitted_on,
    overall: overallClock(row, version, p, ctx.calendar, ctx.today),
    currentStep: step ? { code: step.code, nameVi: step.nameVi, nameEn: step.nameEn, role: step.role, clock: step.clock } : null,
    version: row.version,
  };
}

/** A stored request for an opinion, with its agency's names. */
type ConsultationRow = DossierParts['consultations'][number];

/**
 * A request for an opinion as the API shows it (on the dossier page and in the agencies' worklist). `canRecord`:
 * the handling officer may record an opinion received on paper; `silenceAllowed`: its working days have run out
 * with no answer, so the officer may record the silence and go on (D58).
 */
export function presentConsultation(
  c: Omit<ConsultationRow, 'dossier_id' | 'created_at' | 'answered_by' | 'answered_at'>,
  clock: ClockView,
  canAnswer: boolean,
  canRecord = false,
  today = '',
) {
  return {
    id: c.id,
    agencyId: c.agency_id,
    agency: { nameVi: c.agency_name_vi, nameEn: c.agency_name_en },
    namedAgencyId: c.named_agency_id,
    basis: c.basis,
    status: c.status,
    requestedOn: c.requested_on,
    opinion: c.opinion,
    answer: c.answer,
    answeredOn: c.answered_on,
    channel: c.channel,
    letterNumber: c.letter_number,
    letterDate: c.letter_date,
    letter: c.letter_file_name
      ? { fileName: c.letter_file_name, mediaType: c.letter_media_type ?? '', sizeBytes: Number(c.letter_size_bytes ?? 0) }
      : null,
    clock,
    canAnswer,
    canRecord,
    silenceAllowed: canRecord && clock.dueDate !== null && today > clock.dueDate,
    version: c.version,
  };
}

type CertificateSummary = { id: string; number: string; type: string; validUntil: string } | null;

/** True for the handling officer, who records opinions received on paper and silences (the receiving role). */
export function recordsOpinions(actor: Actor, row: DossierRow): boolean {
  return OPEN_FOR_OPINIONS.has(row.status) && dossierRoles(actor, row).includes('COMINGO');
}

/** Dossier statuses in which a request for an opinion may still be answered or recorded. */
export const OPEN_FOR_OPINIONS: ReadonlySet<string> = new Set(['CONSULTING', 'INCOMPLETE', 'SUPPLEMENTED', 'ACCEPTED_COMPLETE']);

/** The actions `actor` may take on the dossier now, across the procedure roles it holds. */
export function actionsFor(actor: Actor, row: DossierRow): DossierAction[] {
  const state: DossierState = { status: row.status, clock: row.clock };
  const roles = dossierRoles(actor, row);
  return [...new Set(roles.flatMap((role) => allowedActions(state, role)))];
}

/** The full page of a dossier. */
export function detailView(
  row: DossierRow & { organisation_name: string },
  version: ProcedureVersion,
  parts: DossierParts,
  certificates: { subject: CertificateSummary; result: CertificateSummary },
  ctx: ViewContext,
  checks: readonly ActionCheck[] = [],
): DossierDetail {
  const p = toPauses(parts.pauses);
  const base = listItem(row, version, parts.pauses, ctx);
  const current = parts.documents.filter((d) => d.superseded_at === null);
  const finalised = row.status === 'DELIVERED' || row.status === 'WITHDRAWN';
  return {
    ...base,
    procedure: {
      ...base.procedure,
      versionId: version.versionId,
      legalDocument: version.legalDocument,
      legalRefs: [...version.legalRefs],
      provisional: version.provisional,
      copies: version.copies,
    },
    certificateId: row.certificate_id,
    certificate: certificates.subject,
    application: row.application as Record<string, unknown>,
    dates: {
      submittedOn: row.submitted_on,
      lastReceivedOn: row.last_received_on,
      acceptedOn: row.accepted_on,
      consultationSentOn: row.consultation_sent_on,
      opinionsCompleteOn: row.opinions_complete_on,
      forwardedOn: row.forwarded_on,
      appraisalStartedOn: row.appraisal_started_on,
      decidedOn: row.decided_on,
      deliveredOn: row.delivered_on,
      closedOn: row.closed_on,
    },
    decision: (row.decision as Record<string, unknown> | null) ?? null,
    resultCertificate: certificates.result,
    aidItemId: row.aid_item_id,
    handlingAgencyId: row.handling_agency_id,
    // The submission step has no clock of its own: its date is the day the dossier was filed.
    steps: (row.status === 'DRAFT' ? [] : stepViews(row, version, p, ctx.calendar, ctx.today)).map((s) => ({
      ...s,
      doneOn: s.code === 'SUBMIT' ? row.submitted_on : (s.clock?.finishedOn ?? null),
    })),
    pauses: parts.pauses.map((x) => ({ from: x.from_date, to: x.to_date, reason: x.reason })),
    checklist: version.documents.map((d) => ({
      ...presentDocument(d),
      documentId: current.find((doc) => doc.document_code === d.code)?.id ?? null,
    })),
    documents: parts.documents.map((d) => ({
      id: d.id,
      documentCode: d.document_code,
      fileName: d.file_name,
      mediaType: d.media_type,
      sizeBytes: Number(d.size_bytes),
      sha256: d.sha256,
      uploadedAt: d.uploaded_at.toISOString(),
      superseded: d.superseded_at !== null,
      supplementRequestId: d.supplement_request_id,
    })),
    supplements: parts.supplements.map((s) => ({
      id: s.id,
      message: s.message,
      documentCodes: s.document_codes,
      duringClock: s.during_clock,
      requestedOn: s.requested_on,
      answeredOn: s.answered_on,
      answerNote: s.answer_note,
    })),
    consultations: parts.consultations.map((c) =>
      presentConsultation(
        c,
        consultationClock(c, row, ctx.calendar, ctx.today),
        c.status === 'PENDING' && !finalised && answersFor(ctx.actor, c.agency_id),
        c.status === 'PENDING' && recordsOpinions(ctx.actor, row),
        ctx.today,
      ),
    ),
    timeline: parts.events.map((e) => ({
      at: e.at.toISOString(),
      onDate: e.on_date,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.actor_label,
      note: e.note,
      details: e.details,
    })),
    myRoles: dossierRoles(ctx.actor, row),
    // Only the actions whose checks pass now; the others are listed with the reason in actionChecks.
    allowedActions: checks.length ? checks.filter((c) => c.available).map((c) => c.action) : actionsFor(ctx.actor, row),
    actionChecks: checks.map((c) => ({ ...c })),
  };
}
