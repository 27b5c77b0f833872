/**
 * What an aid-approval dossier (Decree 80/2020, Decree 313/2025) does to the aid registry, inside the dossier action's
 * own transaction: filing it for a draft item hands the draft to the governing agency named in the dossier; the
 * governing agency's approval registers the item as APPROVED with the decision's number and date (created, or the
 * draft updated). A refusal registers nothing. The aid module's service functions do the writing, so its rules
 * (donor, shares, scope) and its audit trail apply exactly as for an item entered by hand.
 */
import type { Transaction } from 'kysely';
import type { AidDecisionContent } from '@domain/procedures';
import type { Database } from '@db/types';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { createAidItem, updateAidItem } from '@modules/aid/aid-items.service';
import type { DossierRow } from './dossiers.repository';

type Trx = Transaction<Database>;

/** Shares in percent with two decimals adding up to exactly 100 (the last one takes the rounding). */
export function equalShares(count: number): string[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => ((i === count - 1 ? 10_000 - base * (count - 1) : base) / 100).toFixed(2));
}

const currentVersion = async (trx: Trx, id: string) =>
  (await trx.selectFrom('aid_items').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/**
 * At submission of a dossier filed for a draft item: the draft is now governed by the dossier's governing agency
 * (so its officers see and approve it). Done as the NGO, which may still edit its pipeline item; when the aid
 * owner filed (it has no access to the donor's registry items), only the governing agency is set, audited as the
 * owner's — the submission checked first that the item is the donor's draft (application-rules.ts).
 * @returns the item id, or null when the dossier asks for a new item
 */
export async function linkAidDraft(trx: Trx, ctx: WriteContext, dossier: DossierRow): Promise<string | null> {
  const itemId = dossier.application.aid?.itemId;
  if (!itemId) return null;
  if (ctx.actor?.role === 'owner') {
    const before = await trx.selectFrom('aid_items').selectAll().where('id', '=', itemId).forUpdate().executeTakeFirstOrThrow();
    const after = await trx
      .updateTable('aid_items')
      .set({ governing_agency_id: dossier.application.governingAgencyId ?? null, updated_at: new Date(), version: before.version + 1 })
      .where('id', '=', itemId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'aid_item.update', entityType: 'aid_item', entityId: itemId, before, after });
    return itemId;
  }
  await updateAidItem(trx, ctx, itemId, {
    version: await currentVersion(trx, itemId),
    governingAgencyId: dossier.application.governingAgencyId ?? null,
  });
  return itemId;
}

/**
 * A Prime-Minister-level approval is recorded by MOF, which appraised it, for an item another agency governs: MOF
 * writes it to the registry on the Government's behalf (national scope, audited as the same user, labelled so).
 * Every other approval is written in the deciding officer's own scope.
 */
function onBehalfOfGovernment(ctx: WriteContext, dossier: DossierRow): WriteContext {
  const actor = ctx.actor;
  if (!actor || dossier.application.approvalLevel !== 'PM' || !dossier.handling_agency_id || actor.agencyId !== dossier.handling_agency_id)
    return ctx;
  return { ...ctx, actor: { ...actor, role: 'central', username: `${actor.username} [${dossier.handling_agency_id}, PM]` } };
}

/** The approval decision as the registry records it, with its content (D80 Art. 11) when the officer gave it. */
export type AidApproval = { decisionNumber: string; decisionDate: string; content?: AidDecisionContent | undefined };

/** The item fields the decision's content fixes: name, objectives, financial mechanism, currency, period, places. */
function fromContent(content: AidDecisionContent | undefined) {
  if (!content) return {};
  return {
    titleVi: content.aidName,
    descriptionVi: content.objectives,
    budgetRevenue: content.financialMechanism.budgetRevenue,
    defaultCurrency: content.value.currency,
    plannedStart: content.implementation.from,
    plannedEnd: content.implementation.to,
  };
}

/**
 * Registers the approved aid: the dossier's draft item set to APPROVED, or a new APPROVED item for the
 * organisation, governed (and approved) by the dossier's governing agency, located in the dossier's provinces, with
 * the aid owner that filed it named as the item's aid owner.
 * @returns the aid item id
 * @throws AppError from the aid service (validation_failed, forbidden…), which rolls the decision back
 */
export async function registerApprovedAid(trx: Trx, given: WriteContext, dossier: DossierRow, decision: AidApproval): Promise<string> {
  const app = dossier.application;
  const ctx = onBehalfOfGovernment(given, dossier);
  // Filed by the aid owner: the registry records it as the item's aid owner (chủ khoản viện trợ).
  const owner = dossier.filed_by_agency_id
    ? await trx.selectFrom('agencies').select('name_vi').where('id', '=', dossier.filed_by_agency_id).executeTakeFirst()
    : undefined;
  const approval = {
    status: 'APPROVED' as const,
    approvalDecisionNumber: decision.decisionNumber,
    approvalDate: decision.decisionDate,
    governingAgencyId: app.governingAgencyId ?? null,
    ...(owner ? { aidOwnerName: owner.name_vi } : {}),
    ...fromContent(decision.content),
  };
  const itemId = dossier.aid_item_id ?? app.aid?.itemId;
  if (itemId) {
    await updateAidItem(trx, ctx, itemId, { version: await currentVersion(trx, itemId), ...approval });
    return itemId;
  }
  // The decision's places, else the dossier's; a local aid is at least in its province.
  const provinces =
    decision.content?.location.provinceIds ?? (app.provinceIds?.length ? app.provinceIds : app.aidProvinceId ? [app.aidProvinceId] : []);
  const shares = equalShares(provinces.length || 1);
  const created = await createAidItem(trx, ctx, {
    titleVi: app.aid?.titleVi ?? app.summary ?? dossier.code ?? dossier.id,
    titleEn: app.aid?.titleEn ?? null,
    descriptionVi: app.summary ?? null,
    organisationId: dossier.organisation_id,
    plannedStart: app.aid?.plannedStart ?? null,
    plannedEnd: app.aid?.plannedEnd ?? null,
    ...approval,
    modality: app.aid?.modality ?? 'PROJECT',
    locations: provinces.map((provinceId, i) => ({ provinceId, share: shares[i]! })),
  });
  return created.id;
}
