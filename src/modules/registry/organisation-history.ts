import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { changedFields } from './organisation-changes';
import { findOrganisation } from './organisations.repository';
import type { historyEntry } from './organisations.schemas';
import { canManageRegistry, organisationScope } from './registry.policy';
import type { z } from 'zod';

type Entry = z.infer<typeof historyEntry>;

/** Most entries a timeline returns (newest first); older ones stay in the audit trail. */
const LIMIT = 500;

/**
 * The timeline of an organisation, newest first: every certificate decision (by effective date, with its number,
 * date and legal ground) and, for admin and central officers, every audited change to the organisation or its
 * certificates (who, when, which fields). Agency officers see the decisions only.
 */
export async function organisationHistory(db: Kysely<Database>, actor: Actor, id: string): Promise<{ items: Entry[] }> {
  const org = await findOrganisation(db, id, organisationScope(actor));
  if (!org) throw notFound('organisation');
  const decisions = await db
    .selectFrom('certificate_events as e')
    .innerJoin('certificates as c', 'c.id', 'e.certificate_id')
    .select([
      'c.id as certificate_id',
      'c.number',
      'e.kind',
      'e.effective_date',
      'e.decision_number',
      'e.decision_date',
      'e.legal_ground',
      'e.note',
      'e.created_at',
    ])
    .where('c.organisation_id', '=', id)
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(LIMIT)
    .execute();
  const items: (Entry & { sort: string })[] = decisions.map((d) => ({
    kind: 'decision',
    at: d.effective_date,
    sort: `${d.effective_date}T23:59:59.999Z`,
    certificateId: d.certificate_id,
    certificateNumber: d.number,
    event: d.kind,
    decisionNumber: d.decision_number,
    decisionDate: d.decision_date,
    legalGround: d.legal_ground,
    note: d.note,
    action: null,
    actor: null,
    changedFields: [],
  }));
  if (canManageRegistry(actor)) {
    const certificateIds = [...new Set(decisions.map((d) => d.certificate_id))];
    const audits = await db
      .selectFrom('audit_log')
      .select(['at', 'action', 'actor_label', 'entity_type', 'entity_id', 'before', 'after'])
      .where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', 'organisation'), eb('entity_id', '=', id)]),
          ...(certificateIds.length ? [eb.and([eb('entity_type', '=', 'certificate'), eb('entity_id', 'in', certificateIds)])] : []),
        ]),
      )
      .orderBy('at', 'desc')
      .limit(LIMIT)
      .execute();
    for (const a of audits) {
      const at = a.at.toISOString();
      items.push({
        kind: 'audit',
        at,
        sort: at,
        certificateId: a.entity_type === 'certificate' ? a.entity_id : null,
        certificateNumber: null,
        event: null,
        decisionNumber: null,
        decisionDate: null,
        legalGround: null,
        note: null,
        action: a.action,
        actor: a.actor_label,
        changedFields: a.entity_type === 'organisation' && a.before ? changedFields(a.before, a.after) : [],
      });
    }
  }
  items.sort((x, y) => (x.sort < y.sort ? 1 : x.sort > y.sort ? -1 : 0));
  return { items: items.slice(0, LIMIT).map(({ sort: _sort, ...entry }) => entry) };
}
