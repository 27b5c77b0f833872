/**
 * Opening a sanction case (the proposal, with its grounds and evidence) and the agencies' written opinions
 * (D58 Art. 18.2, 19.2). The steps after them are in sanction-steps.service.ts; the page in sanctions.view.ts.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainRuleError } from '@domain/rule-error';
import { TERMINAL_EVENTS, type CertificateEventKind } from '@domain/registration';
import type { Database } from '@db/types';
import { AppError, forbidden, notFound } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { routeAgency } from '@modules/procedures/consultations.service';
import { notify } from '@modules/procedures/inbox.service';
import { versionInForce } from '@modules/procedures/procedures.catalogue';
import { concernedAgencies } from '@modules/registry/agency-notices';
import { assertOrganisationVisible } from './supervision.policy';
import { canPropose } from './sanctions.policy';
import { SANCTION_GROUNDS, type StartSanctionBody } from './sanctions.schemas';
import { sanctionsDb, type EvidenceRef } from './sanctions.tables';

/** Working days the agencies have to answer (Art. 18.2, 19.2). */
export const OPINION_WORKING_DAYS = 10;

const CODE_PREFIX = { SUSPENSION: 'DC', FORCED_TERMINATION: 'CD' } as const;

/** The label a case's timeline shows for an actor. */
export const actorLabel = (ctx: WriteContext) => (ctx.actor ? `${ctx.actor.username} (${ctx.actor.role})` : (ctx.label ?? 'system'));

/** Appends one line to a case's timeline. */
export async function addSanctionEvent(
  trx: Transaction<Database>,
  ctx: WriteContext,
  entry: { caseId: string; onDate: string; action: string; from: string | null; to: string; note?: string | null },
): Promise<void> {
  await sanctionsDb(trx)
    .insertInto('sanction_events')
    .values({
      case_id: entry.caseId,
      on_date: entry.onDate,
      action: entry.action,
      from_status: entry.from,
      to_status: entry.to,
      actor_user_id: ctx.actor?.userId ?? null,
      actor_label: actorLabel(ctx),
      note: entry.note ?? null,
    })
    .execute();
}

/** The certificate's decisions so far, to refuse a case on a certificate that ended (or one already suspended). */
async function certificateFacts(trx: Transaction<Database>, certificateId: string, organisationId: string) {
  const cert = await trx
    .selectFrom('certificates')
    .innerJoin('organisations as o', 'o.id', 'certificates.organisation_id')
    .select(['certificates.id', 'certificates.organisation_id', 'certificates.number', 'o.name_original'])
    .where('certificates.id', '=', certificateId)
    .executeTakeFirst();
  if (!cert || cert.organisation_id !== organisationId) throw notFound('certificate');
  const events = await trx
    .selectFrom('certificate_events')
    .select(['kind'])
    .where('certificate_id', '=', certificateId)
    .orderBy('seq')
    .execute();
  const kinds = events.map((e) => e.kind as CertificateEventKind);
  const ended = kinds.some((k) => TERMINAL_EVENTS.has(k));
  const lastSuspension = kinds.lastIndexOf('SUSPENDED');
  const suspended = lastSuspension >= 0 && kinds.lastIndexOf('SUSPENSION_LIFTED') < lastSuspension;
  const content = await trx
    .selectFrom('certificate_versions')
    .select(['province_ids', 'sector_codes'])
    .where('certificate_id', '=', certificateId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { cert, ended, suspended, content };
}

/** The agencies asked: the officer's list (each routed to today's holder) or the catalogue's default. */
async function opinionAgencies(
  trx: Transaction<Database>,
  chosen: readonly string[] | undefined,
  content: { province_ids: string[]; sector_codes: string[] },
  on: string,
) {
  if (chosen && chosen.length) {
    const rows = await trx.selectFrom('agencies').select(['id', 'name_vi', 'name_en', 'successor_id', 'valid_until']).execute();
    const agencies = new Map(rows.map((a) => [a.id, a]));
    const unknown = chosen.filter((id) => !agencies.has(id));
    if (unknown.length) throw new AppError('unknown_reference', { details: { field: 'agencyIds', unknown } });
    const routed = new Map(chosen.map((id) => [routeAgency(agencies, id, on)!.id, `CHOSEN:${id}`]));
    return [...routed].map(([agencyId, basis]) => ({ agencyId, basis }));
  }
  const concerned = await concernedAgencies(trx, { sectorCodes: content.sector_codes, provinceIds: content.province_ids }, on);
  const list = concerned.map((a) => ({ agencyId: a.agencyId, basis: a.basis }));
  if (!list.some((a) => a.agencyId === 'MPS')) list.push({ agencyId: 'MPS', basis: 'AGENCY:MPS' });
  return list;
}

/** Next case code of the year: DC-2026-0001 (suspension), CD-2026-0001 (forced termination). */
async function nextCode(trx: Transaction<Database>, procedureCode: keyof typeof CODE_PREFIX, on: string): Promise<string> {
  const prefix = `${CODE_PREFIX[procedureCode]}-${on.slice(0, 4)}-`;
  const row = await sanctionsDb(trx)
    .selectFrom('sanction_cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('code', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(row.n) + 1).padStart(4, '0')}`;
}

/**
 * Opens a case: the proposal with its grounds and evidence, and the requests for written opinions sent the same day
 * to the agencies concerned (10 working days). Inside `trx` so an escalation opens its termination case atomically.
 * @throws 403 for a role that may not propose; 404 for an organisation outside the proposer's scope or a certificate
 * not its own; 400 for a ground of the other sanction; 422 `certificate_terminated`, `certificate_already_suspended`,
 * `sanction_already_open`
 */
export async function openSanction(
  trx: Transaction<Database>,
  ctx: WriteContext,
  body: StartSanctionBody & { proposedOn: string; escalatedFromId?: string },
): Promise<string> {
  // No actor: the system itself (demo seeding); people go through the proposer's policy and scope.
  const actor = ctx.actor;
  if (actor && !canPropose(actor)) throw forbidden();
  if (actor) await assertOrganisationVisible(trx, actor, body.organisationId);
  if (!(SANCTION_GROUNDS[body.procedureCode] as readonly string[]).includes(body.legalGround)) {
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.legalGround', message: `expected one of ${SANCTION_GROUNDS[body.procedureCode].join(', ')}` }] },
    });
  }
  const { cert, ended, suspended, content } = await certificateFacts(trx, body.certificateId, body.organisationId);
  if (ended) throw new DomainRuleError('certificate_terminated', { certificateId: cert.id });
  if (body.procedureCode === 'SUSPENSION' && suspended)
    throw new DomainRuleError('certificate_already_suspended', { certificateId: cert.id });
  const sdb = sanctionsDb(trx);
  const open = await sdb
    .selectFrom('sanction_cases')
    .select('code')
    .where('certificate_id', '=', cert.id)
    .where('procedure_code', '=', body.procedureCode)
    .where('status', '<>', 'CLOSED')
    .executeTakeFirst();
  if (open) throw new DomainRuleError('sanction_already_open', { code: open.code });

  const version = await versionInForce(trx, body.procedureCode, body.proposedOn);
  const agencies = await opinionAgencies(trx, body.agencyIds, content, body.proposedOn);
  const code = await nextCode(trx, body.procedureCode, body.proposedOn);
  const evidence: EvidenceRef[] = body.evidence.map((e) => ({ title: e.title, reference: e.reference ?? null, date: e.date ?? null }));
  const row = await sdb
    .insertInto('sanction_cases')
    .values({
      code,
      procedure_code: body.procedureCode,
      procedure_version_id: version.versionId,
      organisation_id: body.organisationId,
      certificate_id: cert.id,
      legal_ground: body.legalGround,
      grounds: body.grounds,
      evidence: JSON.stringify(evidence),
      proposed_by: actor?.userId ?? null,
      proposed_by_agency_id: actor?.agencyId ?? null,
      proposed_on: body.proposedOn,
      opinions_requested_on: body.proposedOn,
      outcome: null,
      escalated_from_id: body.escalatedFromId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sdb
    .insertInto('sanction_opinions')
    .values(
      agencies.map((a) => ({
        case_id: row.id,
        agency_id: a.agencyId,
        basis: a.basis,
        requested_on: body.proposedOn,
        due_working_days: OPINION_WORKING_DAYS,
      })),
    )
    .execute();
  await addSanctionEvent(trx, ctx, {
    caseId: row.id,
    onDate: body.proposedOn,
    action: 'PROPOSE',
    from: null,
    to: 'CONSULTING',
    note: body.grounds,
  });
  for (const a of agencies) {
    await notify(trx, { agencyId: a.agencyId }, 'SANCTION_OPINION_REQUESTED', null, {
      code,
      caseId: row.id,
      organisation: cert.name_original,
      certificate: cert.number,
    });
  }
  await writeAudit(trx, ctx, {
    action: 'sanction.propose',
    entityType: 'sanction_case',
    entityId: row.id,
    after: { code, ...body, agencies: agencies.map((a) => a.agencyId) },
  });
  return row.id;
}

/**
 * Records one agency's written opinion. An agency officer answers for its own agency; admin or central may record
 * a paper answer for the agency named in `agencyId`.
 * @throws 403 when the caller's agency was not asked; 422 `transition_not_allowed` once the case has left the
 * consultation or the agency has already answered
 */
export async function answerOpinion(
  db: Kysely<Database>,
  ctx: WriteContext,
  caseId: string,
  body: { opinion: 'AGREE' | 'DISAGREE'; answer: string; answeredOn: string; agencyId?: string | undefined },
  canSee: (actor: Actor, caseId: string) => Promise<void>,
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const agencyId = hasNationalScope(actor) ? body.agencyId : actor.role === 'agency' || actor.role === 'reviewer' ? actor.agencyId : null;
  if (!agencyId) throw forbidden();
  await canSee(actor, caseId);
  await db.transaction().execute((trx) => recordOpinion(trx, ctx, caseId, agencyId, body));
}

/** Stores one agency's opinion inside `trx` (the demo plays answers with it). @see answerOpinion */
export async function recordOpinion(
  trx: Transaction<Database>,
  ctx: WriteContext,
  caseId: string,
  agencyId: string,
  body: { opinion: 'AGREE' | 'DISAGREE'; answer: string; answeredOn: string },
): Promise<void> {
  const sdb = sanctionsDb(trx);
  const c = await sdb.selectFrom('sanction_cases').select(['id', 'status', 'code']).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!c) throw notFound('sanction_case');
  const row = await sdb
    .selectFrom('sanction_opinions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw forbidden();
  if (c.status !== 'CONSULTING' || row.opinion !== null) {
    throw new DomainRuleError('transition_not_allowed', { status: c.status, action: 'ANSWER_OPINION' });
  }
  await sdb
    .updateTable('sanction_opinions')
    .set({ opinion: body.opinion, answer: body.answer, answered_on: body.answeredOn, answered_by: ctx.actor?.userId ?? null })
    .where('id', '=', row.id)
    .execute();
  await addSanctionEvent(trx, ctx, {
    caseId,
    onDate: body.answeredOn,
    action: `OPINION_${body.opinion}`,
    from: c.status,
    to: c.status,
    note: body.answer,
  });
  const agency = await trx.selectFrom('agencies').select(['name_vi', 'name_en']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  await notify(trx, { comingo: true }, 'SANCTION_OPINION_ANSWERED', null, {
    code: c.code,
    caseId,
    agencyVi: agency.name_vi,
    agencyEn: agency.name_en,
  });
  await writeAudit(trx, ctx, {
    action: 'sanction.opinion',
    entityType: 'sanction_case',
    entityId: caseId,
    before: { agencyId, opinion: null },
    after: { agencyId, opinion: body.opinion, answer: body.answer, answeredOn: body.answeredOn },
  });
}
