/**
 * The compliance list of a scope: which organisations are late on what (a province officer: those with a
 * certificate in its province, seeing only the implementation plans addressed to it; a ministry officer: those
 * in its fields; central: all), with each organisation's score. Scope is applied in the SQL that picks the
 * organisations; obligations are then derived for that set in a few queries.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import { compareIsoDates } from '@domain/calendar/iso-date';
import { complianceScore, type ObligationKind } from '@domain/registration/obligations';
import { forbidden } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { organisationScope } from '@modules/registry/registry.policy';
import { provinceRollUps } from './obligations.repository';
import { SCORE_FORMULA, deriveFor } from './obligations.service';
import type { ComplianceQuery, ComplianceRow } from './supervision.schemas';
import { seesObligation } from './supervision.policy';

/** Organisations in the officer's scope that ever held a certificate. */
async function organisationsInScope(db: Kysely<Database>, actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'central' && actor.role !== 'agency') throw forbidden();
  const scope = organisationScope(actor);
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.code', 'o.name_original', 'o.synthetic'])
    .where(sql<SqlBool>`exists (select 1 from certificates c where c.organisation_id = o.id)`)
    .where(scope ?? sql<SqlBool>`true`)
    .orderBy('o.name_original')
    .execute();
}

/**
 * One row per organisation of the scope on `today`, latest first by the number of late obligations; filtered to
 * those late at all (`status=LATE`) or late on one kind (`kind`).
 */
export async function complianceList(db: Kysely<Database>, actor: Actor, query: ComplianceQuery, today: string) {
  const orgs = await organisationsInScope(db, actor);
  const [derived, rollUp] = await Promise.all([
    deriveFor(
      db,
      orgs.map((o) => o.id),
      today,
    ),
    provinceRollUps(db),
  ]);
  const rows: ComplianceRow[] = [];
  for (const o of orgs) {
    const all = derived.get(o.id) ?? [];
    const visible = all.filter((x) => seesObligation(actor, x, rollUp));
    const late = visible.filter((x) => x.status === 'LATE');
    const lateKinds = [...new Set(late.map((x) => x.kind))] as ObligationKind[];
    if (query.status === 'LATE' && !late.length) continue;
    if (query.kind && !lateKinds.includes(query.kind)) continue;
    const score = complianceScore(all);
    rows.push({
      organisationId: o.id,
      organisationCode: o.code,
      organisationName: o.name_original,
      score: score.score,
      late: late.length,
      doneLate: score.doneLate,
      due: visible.filter((x) => x.status === 'DUE').length,
      lateKinds,
      oldestLateDue: late.map((x) => x.dueDate).sort(compareIsoDates)[0] ?? null,
    });
  }
  rows.sort((a, b) => b.late - a.late || a.score - b.score || a.organisationName.localeCompare(b.organisationName));
  return { asOf: today, items: rows, formula: SCORE_FORMULA, synthetic: orgs.some((o) => o.synthetic) };
}
