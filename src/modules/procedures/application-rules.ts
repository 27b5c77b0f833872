/**
 * Checks on what the applicant asks for, at submission: a new certificate names its provinces and sectors (and,
 * for a representative office, the office's city), an amendment says what changes, aid names its governing
 * agency. Unknown provinces, sectors and agencies are refused with the field at fault (400).
 */
import type { Transaction } from 'kysely';
import type { ProcedureVersion } from '@domain/procedures';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import type { DossierRow } from './dossiers.repository';

type Issue = { path: string; message: string };

async function unknownIds(trx: Transaction<Database>, table: 'provinces' | 'agencies', ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await trx
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

async function unknownSectors(trx: Transaction<Database>, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = await trx
    .selectFrom('sectors')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/**
 * Aid approval names the aid item to approve: a draft of the organisation's own in the aid registry (still in the
 * pipeline), or the title and modality of the item the approval will register.
 */
async function aidRequestIssues(trx: Transaction<Database>, row: DossierRow): Promise<Issue[]> {
  const aid = row.application.aid ?? {};
  if (!aid.itemId) {
    return [
      ...(aid.titleVi ? [] : [{ path: 'application.aid.titleVi', message: 'required unless an existing aid item is named' }]),
      ...(aid.modality ? [] : [{ path: 'application.aid.modality', message: 'required unless an existing aid item is named' }]),
    ];
  }
  const item = await trx.selectFrom('aid_items').select(['organisation_id', 'status']).where('id', '=', aid.itemId).executeTakeFirst();
  if (!item || item.organisation_id !== row.organisation_id)
    return [{ path: 'application.aid.itemId', message: "not an aid item of the organisation's" }];
  return item.status === 'PIPELINE' ? [] : [{ path: 'application.aid.itemId', message: `already ${item.status}` }];
}

/** @throws AppError validation_failed listing every problem */
export async function validateApplication(trx: Transaction<Database>, row: DossierRow, version: ProcedureVersion): Promise<void> {
  const app = row.application;
  const issues: Issue[] = [];
  const code = version.code;
  const provinces = [...(app.provinceIds ?? []), ...(app.changes?.provinceIds ?? [])];
  const offices = [app.officeProvinceId, app.changes?.officeProvinceId].filter((x): x is string => !!x);
  const sectors = [...(app.sectorCodes ?? []), ...(app.changes?.sectorCodes ?? [])];
  if (code === 'NEW_GDKHD' || code === 'NEW_GDKVPDD') {
    if (!app.provinceIds?.length) issues.push({ path: 'application.provinceIds', message: 'at least one province' });
    if (!app.sectorCodes?.length) issues.push({ path: 'application.sectorCodes', message: 'at least one sector' });
    if (code === 'NEW_GDKVPDD' && !app.officeProvinceId)
      issues.push({ path: 'application.officeProvinceId', message: 'required for a representative office' });
  }
  if (code === 'AMEND') {
    const c = app.changes ?? {};
    if (!c.provinceIds?.length && !c.sectorCodes?.length && c.officeProvinceId === undefined && !c.other?.trim()) {
      issues.push({ path: 'application.changes', message: 'state what changes' });
    }
  }
  if (code === 'REISSUE' && !app.reissueReason) issues.push({ path: 'application.reissueReason', message: 'LOST or DAMAGED' });
  if (code === 'AID_APPROVAL') {
    // Local aid names its province (its People's Committee governs it); the other levels their governing agency.
    if (app.approvalLevel === 'LOCAL' && !app.aidProvinceId)
      issues.push({ path: 'application.aidProvinceId', message: 'required for local aid' });
    else if (!app.governingAgencyId) issues.push({ path: 'application.governingAgencyId', message: 'required' });
    if (!app.approvalLevel) issues.push({ path: 'application.approvalLevel', message: 'required' });
    issues.push(...(await aidRequestIssues(trx, row)));
  }
  for (const id of await unknownIds(trx, 'provinces', [...provinces, ...offices]))
    issues.push({ path: 'application.provinceIds', message: `unknown province: ${id}` });
  for (const c of await unknownSectors(trx, sectors)) issues.push({ path: 'application.sectorCodes', message: `unknown sector: ${c}` });
  const agencies = [...(app.aidApprovingAgencyIds ?? []), ...(app.governingAgencyId ? [app.governingAgencyId] : [])];
  for (const id of await unknownIds(trx, 'agencies', agencies))
    issues.push({ path: 'application.aidApprovingAgencyIds', message: `unknown agency: ${id}` });
  if (issues.length) throw new AppError('validation_failed', { details: { issues } });
}
