import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import { sectorsOfPriority } from '@domain/programme';
import { AppError } from '@errors/app-error';
import { unknownReferenceError, type UnknownReference } from '@modules/registry/registry-references';

type Refs = {
  provinceIds?: string[];
  sectorCode?: string;
  currency?: string;
  proposingAgencyId?: string;
  programmeCode?: string | null;
  priorityCode?: string | null;
};

/**
 * Checks every code a proposal names against the reference tables (400 `unknown_reference` listing each unknown
 * one), then that its priority field belongs to the programme and covers its sector (400 `validation_failed`).
 */
export async function checkNeedReferences(trx: Transaction<Database>, refs: Refs): Promise<void> {
  const unknown: UnknownReference[] = [];
  if (refs.provinceIds?.length) {
    const found = new Set(
      (await trx.selectFrom('provinces').select('id').where('id', 'in', refs.provinceIds).where('scheme', '=', 'new34').execute()).map(
        (r) => r.id,
      ),
    );
    for (const id of refs.provinceIds) if (!found.has(id)) unknown.push({ path: 'body.provinceIds', kind: 'province', value: id });
  }
  if (refs.sectorCode && !(await trx.selectFrom('sectors').select('code').where('code', '=', refs.sectorCode).executeTakeFirst()))
    unknown.push({ path: 'body.sectorCode', kind: 'sector', value: refs.sectorCode });
  if (refs.currency && !(await trx.selectFrom('currencies').select('code').where('code', '=', refs.currency).executeTakeFirst()))
    unknown.push({ path: 'body.currency', kind: 'currency', value: refs.currency });
  if (
    refs.proposingAgencyId &&
    !(await trx.selectFrom('agencies').select('id').where('id', '=', refs.proposingAgencyId).executeTakeFirst())
  )
    unknown.push({ path: 'body.proposingAgencyId', kind: 'agency', value: refs.proposingAgencyId });
  if (unknown.length) throw unknownReferenceError(unknown);
  if (refs.programmeCode) {
    const programme = await trx.selectFrom('programmes').select('content').where('code', '=', refs.programmeCode).executeTakeFirst();
    const issues: { path: string; message: string }[] = [];
    if (!programme) issues.push({ path: 'body.programmeCode', message: `unknown programme: ${refs.programmeCode}` });
    else if (refs.priorityCode) {
      const sectors = sectorsOfPriority(programme.content, refs.priorityCode);
      if (sectors.length === 0) issues.push({ path: 'body.priorityCode', message: `not a priority of ${refs.programmeCode}` });
      else if (refs.sectorCode && !sectors.includes(refs.sectorCode))
        issues.push({ path: 'body.sectorCode', message: `not a sector of priority ${refs.priorityCode}: ${sectors.join(', ')}` });
    }
    if (issues.length) throw new AppError('validation_failed', { details: { issues } });
  } else if (refs.priorityCode) {
    throw new AppError('validation_failed', { details: { issues: [{ path: 'body.programmeCode', message: 'required with a priority' }] } });
  }
}
