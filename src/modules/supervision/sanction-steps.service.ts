/**
 * The steps of a sanction case after the proposal (D58 Art. 18.2–18.3, 19.2–19.4): the meeting when opinions differ,
 * MOFA's decision, the notice, the remedy and its conclusion (suspension), the certificate's recovery and the
 * settlement (termination).
 *
 * The decision and the conclusion are certificate decisions: they go through the registry's recordCertificateEvent
 * (SUSPENDED, TERMINATED, SUSPENSION_LIFTED), so the certificate's status timeline, the directory and the Art. 25
 * notices follow exactly as for a decision recorded directly; there is no second mechanism.
 */
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { assertReadyToDecide, sanctionTransition, type SanctionProcedureCode } from '@domain/procedures';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { notify } from '@modules/procedures/inbox.service';
import { recordCertificateEvent } from '@modules/registry/certificates.service';
import { opinionsDue } from './sanction-clocks';
import { addSanctionEvent, openSanction } from './sanctions.service';
import { sanctionRoleOf } from './sanctions.policy';
import type { SanctionActionBody } from './sanctions.schemas';
import { sanctionsDb, type SanctionCaseTable } from './sanctions.tables';

type CaseRow = Selectable<SanctionCaseTable>;
type Changes = Partial<Omit<Updateable<SanctionCaseTable>, 'id'>>;

const DECISION_KIND: Record<SanctionProcedureCode, 'SUSPENDED' | 'TERMINATED'> = {
  SUSPENSION: 'SUSPENDED',
  FORCED_TERMINATION: 'TERMINATED',
};

/** MOFA decides: only once the opinions are in (or overdue) and, when they differ, after the meeting. */
async function decide(trx: Transaction<Database>, ctx: WriteContext, c: CaseRow, on: string, decisionNumber: string): Promise<Changes> {
  const sdb = sanctionsDb(trx);
  const opinions = await sdb.selectFrom('sanction_opinions').selectAll().where('case_id', '=', c.id).execute();
  const calendar = await loadCalendar(trx);
  assertReadyToDecide(
    opinions.map((o) => o.opinion),
    c.meeting_held_on,
    opinionsDue(opinions, calendar, on),
    on,
  );
  const eventId = await recordCertificateEvent(trx, ctx, c.certificate_id, {
    kind: DECISION_KIND[c.procedure_code],
    effectiveDate: on,
    decisionNumber,
    decisionDate: on,
    legalGround: c.legal_ground,
    note: c.code,
  });
  return { decided_on: on, decision_number: decisionNumber, decision_event_id: eventId };
}

/** The notice: the NGO's users are told; a suspension's remedy period counts from the day it received the decision. */
async function sendNotice(trx: Transaction<Database>, c: CaseRow, on: string, receivedOn: string): Promise<Changes> {
  if (c.procedure_code === 'SUSPENSION' && c.decision_event_id) {
    await trx.updateTable('certificate_events').set({ received_date: receivedOn }).where('id', '=', c.decision_event_id).execute();
  }
  await notify(trx, { organisationId: c.organisation_id }, 'SANCTION_NOTICE', null, {
    code: c.code,
    caseId: c.id,
    decisionNumber: c.decision_number,
    procedure: c.procedure_code,
  });
  return { notice_sent_on: on, notice_received_on: receivedOn };
}

/**
 * Takes one step on a case, in one transaction with its timeline line and audit row.
 * @returns the id of the case the caller should open next (the termination case an escalation opened, else this one)
 * @throws 404 for a case outside the caller's scope; 403 for a role that may not take the step; 422 for a step not
 * possible now, a decision before the opinions, or a certificate rule the decision breaks (nothing is written)
 */
export async function takeSanctionStep(
  db: Kysely<Database>,
  ctx: WriteContext,
  caseId: string,
  body: SanctionActionBody,
  canSee: (caseId: string) => Promise<void>,
): Promise<string> {
  await canSee(caseId);
  return db.transaction().execute((trx) => applySanctionStep(trx, ctx, caseId, body));
}

/**
 * {@link takeSanctionStep} inside the caller's transaction (the demo plays cases with it). A context without an actor
 * is the system itself (demo seeding) and acts as an officer.
 */
export async function applySanctionStep(
  trx: Transaction<Database>,
  ctx: WriteContext,
  caseId: string,
  body: SanctionActionBody,
): Promise<string> {
  const sdb = sanctionsDb(trx);
  const c = await sdb.selectFrom('sanction_cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!c) throw notFound('sanction_case');
  const role = ctx.actor ? sanctionRoleOf(ctx.actor, c.organisation_id) : 'OFFICER';
  const next = sanctionTransition(c.procedure_code, c.status, body.action, role);
  let changes: Changes = {};
  let note: string | null = null;
  let openNext = caseId;
  switch (body.action) {
    case 'RECORD_MEETING':
      changes = { meeting_held_on: body.on, meeting_minutes: body.minutes };
      note = body.minutes;
      break;
    case 'DECIDE':
      changes = await decide(trx, ctx, c, body.on, body.decisionNumber);
      note = body.decisionNumber;
      break;
    case 'DROP':
      changes = { closing_note: body.note };
      note = body.note;
      break;
    case 'NOTIFY':
      changes = await sendNotice(trx, c, body.on, body.receivedOn ?? body.on);
      break;
    case 'REPORT_REMEDY':
      changes = { remedy_reported_on: body.on, remedy_report: body.report };
      note = body.report;
      break;
    case 'REINSTATE': {
      const eventId = await recordCertificateEvent(trx, ctx, c.certificate_id, {
        kind: 'SUSPENSION_LIFTED',
        effectiveDate: body.on,
        decisionNumber: body.decisionNumber,
        decisionDate: body.on,
        legalGround: 'D58_ART18_3',
        note: c.code,
      });
      changes = { closing_event_id: eventId, closing_note: body.note ?? null };
      note = body.decisionNumber;
      break;
    }
    case 'ESCALATE':
      openNext = await openSanction(trx, ctx, {
        procedureCode: 'FORCED_TERMINATION',
        organisationId: c.organisation_id,
        certificateId: c.certificate_id,
        legalGround: 'D58_ART19_1C',
        grounds: body.note,
        evidence: [{ title: `${c.code}: ${c.decision_number ?? ''}`.trim(), reference: c.decision_number, date: c.decided_on }],
        proposedOn: body.on,
        escalatedFromId: c.id,
      });
      changes = { closing_note: body.note };
      note = body.note;
      break;
    case 'RECOVER':
      changes = { recovered_on: body.on };
      break;
    case 'SETTLE':
      changes = { settled_on: body.on, settlement: JSON.stringify(body.settlement) };
      break;
  }
  if (next.outcome) changes = { ...changes, outcome: next.outcome, closed_on: body.on };
  await sdb
    .updateTable('sanction_cases')
    .set({ ...changes, status: next.status, updated_at: new Date(), version: c.version + 1 })
    .where('id', '=', c.id)
    .execute();
  await addSanctionEvent(trx, ctx, { caseId: c.id, onDate: body.on, action: body.action, from: c.status, to: next.status, note });
  await writeAudit(trx, ctx, {
    action: `sanction.${body.action.toLowerCase()}`,
    entityType: 'sanction_case',
    entityId: c.id,
    before: { status: c.status, outcome: c.outcome },
    after: { status: next.status, outcome: next.outcome, ...body },
  });
  return openNext;
}
