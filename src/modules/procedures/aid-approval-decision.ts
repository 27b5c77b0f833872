/**
 * The content of an aid approval decision (D80 Art. 11), stored with the decision on the dossier. The deciding
 * officer sends it with the approval; what it leaves out is pre-filled from the dossier (name, donor, aid owner,
 * period, provinces) so a decision is never recorded without the facts the dossier already holds. Everything is
 * checked before anything is written: a bad content is refused (400) and the dossier stays as it was.
 */
import type { Transaction } from 'kysely';
import { aidDecisionContentIssues, type AidDecisionContent } from '@domain/procedures';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import type { AidDecisionContentBody } from './aid-approval-decision.schemas';
import type { DossierRow } from './dossiers.repository';

type Trx = Transaction<Database>;

/** What the dossier already says about the decision's content (names in Vietnamese, as the decision is written). */
export async function prefillDecisionContent(trx: Trx, row: DossierRow): Promise<Partial<AidDecisionContent>> {
  const app = row.application;
  const [donor, owner] = await Promise.all([
    trx
      .selectFrom('organisations')
      .select(['name_vi', 'name_en', 'name_original'])
      .where('id', '=', row.organisation_id)
      .executeTakeFirst(),
    row.filed_by_agency_id
      ? trx.selectFrom('agencies').select('name_vi').where('id', '=', row.filed_by_agency_id).executeTakeFirst()
      : undefined,
  ]);
  const provinceIds = app.provinceIds?.length ? app.provinceIds : app.aidProvinceId ? [app.aidProvinceId] : [];
  return {
    ...(app.aid?.titleVi ? { aidName: app.aid.titleVi } : {}),
    ...(donor ? { donor: donor.name_vi ?? donor.name_en ?? donor.name_original } : {}),
    ...(owner ? { aidOwner: owner.name_vi } : {}),
    ...(app.summary ? { objectives: app.summary } : {}),
    ...(app.aid?.plannedStart && app.aid.plannedEnd ? { implementation: { from: app.aid.plannedStart, to: app.aid.plannedEnd } } : {}),
    ...(provinceIds.length ? { location: { provinceIds } } : {}),
  };
}

async function unknown(trx: Trx, table: 'provinces' | 'currencies', ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const column = table === 'provinces' ? 'id' : 'code';
  const rows = await trx
    .selectFrom(table)
    .select(`${column} as id` as 'id')
    .where(column as 'id', 'in', [...ids])
    .execute();
  const known = new Set(rows.map((r) => (r as { id: string }).id));
  return ids.filter((id) => !known.has(id));
}

/**
 * The content to store with an approval: the officer's, or what the dossier knows when the officer sent none.
 * @throws AppError validation_failed (400) with every issue: the cross-field rules, an unknown currency or province
 */
export async function decisionContent(trx: Trx, row: DossierRow, body: AidDecisionContentBody | undefined) {
  if (!body) return { ...(await prefillDecisionContent(trx, row)), prefilled: true as const };
  const content: AidDecisionContent = body;
  const issues = aidDecisionContentIssues(content);
  for (const c of await unknown(trx, 'currencies', [content.value.currency]))
    issues.push({ path: 'body.content.value.currency', message: `unknown currency: ${c}` });
  for (const p of await unknown(trx, 'provinces', content.location.provinceIds))
    issues.push({ path: 'body.content.location.provinceIds', message: `unknown province: ${p}` });
  if (issues.length) throw new AppError('validation_failed', { details: { issues } });
  return content;
}
