/**
 * An organisation's obligations as the caller may see them, derived on read from the registry's facts and the
 * records people made (no copy that could go stale when a certificate decision or a holiday decision changes).
 */
import type { Kysely } from 'kysely';
import type { Language } from '@common/i18n/languages';
import type { Database } from '@db/types';
import { COMPLIANCE_SCORE_FORMULA, complianceScore, deriveObligations, type Obligation } from '@domain/registration/obligations';
import type { Actor } from '@modules/auth/actor';
import { registryWorkingDays } from '@modules/registry/registry-calendar';
import { loadObligationFacts, provinceRollUps, supervisionDb } from './obligations.repository';
import type { ObligationView } from './supervision.schemas';
import { NGO_FULFILLABLE, assertOrganisationVisible, canWaive, seesObligation } from './supervision.policy';

/** The formula of the score, as served next to it. */
export const SCORE_FORMULA = {
  max: COMPLIANCE_SCORE_FORMULA.max,
  perLate: COMPLIANCE_SCORE_FORMULA.late,
  perDoneLate: COMPLIANCE_SCORE_FORMULA.doneLate,
};

/** Derives the obligations of several organisations on `today` (no scope check: callers apply it). */
export async function deriveFor(db: Kysely<Database>, ids: readonly string[], today: string): Promise<Map<string, Obligation[]>> {
  const [facts, workingDays] = await Promise.all([loadObligationFacts(db, ids), registryWorkingDays(db)]);
  return new Map([...facts].map(([id, f]) => [id, deriveObligations(f, today, workingDays)]));
}

/**
 * The obligations of one organisation on `today`, as `actor` may see them (403/404 outside its scope; a province
 * officer sees only the implementation plans addressed to its province), with the compliance score.
 */
export async function listObligations(db: Kysely<Database>, actor: Actor, organisationId: string, today: string, lang: Language) {
  const org = await assertOrganisationVisible(db, actor, organisationId);
  const [derived, rollUp, records, numbers] = await Promise.all([
    deriveFor(db, [organisationId], today),
    provinceRollUps(db),
    supervisionDb(db)
      .selectFrom('obligation_records')
      .select(['obligation_key', 'recorded_by_label', 'recorded_at', 'reason', 'note', 'file_name', 'storage_path'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db.selectFrom('certificates').select(['id', 'number']).where('organisation_id', '=', organisationId).execute(),
  ]);
  const all = derived.get(organisationId) ?? [];
  const visible = all.filter((o) => seesObligation(actor, o, rollUp));
  const recordOf = new Map(records.map((r) => [r.obligation_key, r]));
  const numberOf = new Map(numbers.map((c) => [c.id, c.number]));
  const items: ObligationView[] = visible.map((o) => {
    const r = recordOf.get(o.key);
    const open = o.status === 'DUE' || o.status === 'LATE';
    return {
      kind: o.kind,
      certificateId: o.certificateId,
      provinceId: o.provinceId,
      dueDate: o.dueDate,
      status: o.status,
      doneOn: o.doneOn,
      legalBasis: o.legalBasis[lang],
      key: o.key,
      legalBasisVi: o.legalBasis.vi,
      legalBasisEn: o.legalBasis.en,
      certificateNumber: o.certificateId ? (numberOf.get(o.certificateId) ?? null) : null,
      eventId: o.eventId,
      year: o.year,
      startsOn: o.startsOn,
      evidence: o.evidence ?? null,
      record: r
        ? {
            recordedBy: r.recorded_by_label,
            recordedAt: r.recorded_at.toISOString(),
            reason: r.reason,
            note: r.note,
            fileName: r.file_name,
            documentUrl: r.storage_path ? `/api/organisations/${organisationId}/obligations/${encodeURIComponent(o.key)}/document` : null,
          }
        : null,
      canFulfil: open && actor.role === 'ngo' && NGO_FULFILLABLE.has(o.kind) && !r,
      canWaive: open && canWaive(actor) && !r,
    };
  });
  // The score counts every obligation of the organisation, not only those a province officer is shown.
  return {
    organisationId,
    organisationName: org.name,
    asOf: today,
    items,
    score: { ...complianceScore(all), formula: SCORE_FORMULA },
  };
}
