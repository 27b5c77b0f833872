/**
 * Reading sanction cases: one case with its opinions, steps and clocks, timeline and the actions the caller may take;
 * and the list of cases in the caller's scope. Scope is applied in SQL (sanctions.policy.ts).
 */
import type { Kysely } from 'kysely';
import { opinionsDiffer, sanctionActions, type SanctionRole } from '@domain/procedures';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { loadCatalogue, versionById } from '@modules/procedures/procedures.catalogue';
import { opinionClock, sanctionStepClocks } from './sanction-clocks';
import { sanctionScope } from './sanctions.policy';
import type { SanctionView } from './sanctions.schemas';
import { sanctionsDb } from './sanctions.tables';

const caseQuery = (db: Kysely<Database>, actor: Actor) =>
  sanctionsDb(db)
    .selectFrom('sanction_cases as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .innerJoin('certificates as c', 'c.id', 's.certificate_id')
    .where(sanctionScope(actor));

/** 404 unless the actor sees the case (used before every write). */
export async function assertSanctionVisible(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  const row = await caseQuery(db, actor).select('s.id').where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('sanction_case');
}

const roleOf = (actor: Actor, organisationId: string): SanctionRole | null =>
  hasNationalScope(actor) ? 'OFFICER' : actor.role === 'ngo' && actor.organisationId === organisationId ? 'NGO' : null;

/** One case as its page shows it, with every clock computed for `today`. */
export async function getSanction(db: Kysely<Database>, actor: Actor, id: string, today: string): Promise<SanctionView> {
  const c = await caseQuery(db, actor)
    .selectAll('s')
    .select(['o.name_original as organisation_name', 'c.number as certificate_number'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('sanction_case');
  const sdb = sanctionsDb(db);
  const [opinions, events, escalatedTo, calendar, catalogue] = await Promise.all([
    sdb
      .selectFrom('sanction_opinions as so')
      .innerJoin('agencies as a', 'a.id', 'so.agency_id')
      .selectAll('so')
      .select(['a.name_vi', 'a.name_en'])
      .where('so.case_id', '=', id)
      .orderBy('so.basis')
      .execute(),
    sdb.selectFrom('sanction_events').selectAll().where('case_id', '=', id).orderBy('id').execute(),
    sdb.selectFrom('sanction_cases').select('id').where('escalated_from_id', '=', id).executeTakeFirst(),
    loadCalendar(db),
    loadCatalogue(db),
  ]);
  const version = versionById(catalogue, c.procedure_version_id);
  const clocks = sanctionStepClocks(c, version, opinions, calendar, today);
  const role = roleOf(actor, c.organisation_id);
  const differ = opinionsDiffer(opinions.map((o) => o.opinion));
  return {
    id: c.id,
    code: c.code,
    procedureCode: c.procedure_code,
    procedureVersionId: c.procedure_version_id,
    organisationId: c.organisation_id,
    organisationName: c.organisation_name,
    certificateId: c.certificate_id,
    certificateNumber: c.certificate_number,
    status: c.status,
    outcome: c.outcome,
    legalGround: c.legal_ground,
    grounds: c.grounds,
    evidence: c.evidence,
    proposedOn: c.proposed_on,
    proposedByAgencyId: c.proposed_by_agency_id,
    meetingHeldOn: c.meeting_held_on,
    meetingMinutes: c.meeting_minutes,
    meetingRequired: differ && !c.meeting_held_on,
    decidedOn: c.decided_on,
    decisionNumber: c.decision_number,
    noticeSentOn: c.notice_sent_on,
    noticeReceivedOn: c.notice_received_on,
    remedyReportedOn: c.remedy_reported_on,
    remedyReport: c.remedy_report,
    recoveredOn: c.recovered_on,
    settledOn: c.settled_on,
    settlement: c.settlement,
    closedOn: c.closed_on,
    closingNote: c.closing_note,
    escalatedFromId: c.escalated_from_id,
    escalatedToId: escalatedTo?.id ?? null,
    opinions: opinions.map((o) => ({
      agencyId: o.agency_id,
      agencyNameVi: o.name_vi,
      agencyNameEn: o.name_en,
      basis: o.basis,
      opinion: o.opinion,
      answer: o.answer,
      answeredOn: o.answered_on,
      clock: opinionClock(o, c, calendar, today),
    })),
    steps: version.steps.map((s, i) => ({
      code: s.code,
      nameVi: s.name.vi,
      nameEn: s.name.en,
      role: s.role,
      legalRef: s.legalRef,
      clock: clocks[i]!.clock,
    })),
    events: events.map((e) => ({
      onDate: e.on_date,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.actor_label,
      note: e.note,
    })),
    actions: role ? sanctionActions(c.procedure_code, c.status, role) : [],
    canAnswer:
      c.status === 'CONSULTING' &&
      (actor.role === 'agency' || actor.role === 'reviewer') &&
      opinions.some((o) => o.agency_id === actor.agencyId && o.opinion === null),
    version: c.version,
  };
}

/** The cases in the actor's scope, newest first, with each one's nearest running due date. */
export async function listSanctions(
  db: Kysely<Database>,
  actor: Actor,
  query: { organisationId?: string | undefined; open?: 'true' | 'false' | undefined },
  today: string,
) {
  let q = caseQuery(db, actor)
    .selectAll('s')
    .select(['o.name_original as organisation_name', 'c.number as certificate_number'])
    .orderBy('s.proposed_on', 'desc')
    .orderBy('s.code', 'desc')
    .limit(500);
  if (query.organisationId) q = q.where('s.organisation_id', '=', query.organisationId);
  if (query.open === 'true') q = q.where('s.status', '<>', 'CLOSED');
  if (query.open === 'false') q = q.where('s.status', '=', 'CLOSED');
  const rows = await q.execute();
  if (!rows.length) return { items: [] };
  const [calendar, catalogue, opinions] = await Promise.all([
    loadCalendar(db),
    loadCatalogue(db),
    sanctionsDb(db)
      .selectFrom('sanction_opinions')
      .select(['case_id', 'requested_on', 'due_working_days', 'answered_on'])
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute(),
  ]);
  return {
    items: rows.map((r) => {
      const clocks = sanctionStepClocks(
        r,
        versionById(catalogue, r.procedure_version_id),
        opinions.filter((o) => o.case_id === r.id),
        calendar,
        today,
      );
      const dues = clocks
        .map((s) => s.clock)
        .filter((k) => k && k.state === 'RUNNING' && k.dueDate)
        .map((k) => k!.dueDate!)
        .sort();
      return {
        id: r.id,
        code: r.code,
        procedureCode: r.procedure_code,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        certificateNumber: r.certificate_number,
        status: r.status,
        outcome: r.outcome,
        legalGround: r.legal_ground,
        proposedOn: r.proposed_on,
        nextDue: dues[0] ?? null,
      };
    }),
  };
}
