/**
 * Routing an aid-approval dossier by its approval level (src/domain/procedures/aid-routing.ts) when the aid owner
 * writes its draft and again at submission: the dossier's `handling_agency_id` (who receives, appraises and
 * decides it, and whose officers see it) and, for local aid, the province's People's Committee as governing agency.
 */
import type { Kysely, Transaction } from 'kysely';
import { routeAidApproval, type AidRouting } from '@domain/procedures';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import type { DossierApplication } from './procedures.tables';

type Db = Kysely<Database> | Transaction<Database>;

const facts = (app: DossierApplication) => ({
  level: app.approvalLevel ?? null,
  governingAgencyId: app.governingAgencyId ?? null,
  provinceId: app.aidProvinceId ?? null,
});

async function checkAgencies(db: Db, routing: AidRouting): Promise<void> {
  const ids = [...new Set([routing.handlingAgencyId, routing.governingAgencyId])];
  const found = new Set((await db.selectFrom('agencies').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('validation_failed', {
      details: {
        issues: missing.map((id) => ({
          path: routing.level === 'LOCAL' ? 'body.application.aidProvinceId' : 'body.application.governingAgencyId',
          message: `unknown agency: ${id}`,
        })),
      },
    });
}

/**
 * A draft's routing, as far as the application says it: the handling agency (null while the level's facts are
 * missing, which the submission then reports) and the application with a local dossier's governing agency set.
 * @throws AppError validation_failed when the named agency or province's bodies are unknown
 */
export async function routeDraft(
  db: Db,
  procedureCode: string,
  application: DossierApplication,
): Promise<{ handlingAgencyId: string | null; application: DossierApplication }> {
  if (procedureCode !== 'AID_APPROVAL') return { handlingAgencyId: null, application };
  const result = routeAidApproval(facts(application));
  if ('issue' in result) return { handlingAgencyId: null, application };
  await checkAgencies(db, result.routing);
  return {
    handlingAgencyId: result.routing.handlingAgencyId,
    application: { ...application, governingAgencyId: result.routing.governingAgencyId },
  };
}

/**
 * The routing at submission: the level must be said, with its governing agency or province.
 * @throws AppError validation_failed naming the missing field
 */
export async function routeSubmitted(db: Db, application: DossierApplication): Promise<AidRouting> {
  const result = routeAidApproval(facts(application));
  if (!application.approvalLevel || 'issue' in result) {
    const issues = [
      ...(application.approvalLevel ? [] : [{ path: 'application.approvalLevel', message: 'required' }]),
      ...('issue' in result ? [result.issue] : []),
    ];
    throw new AppError('validation_failed', { details: { issues } });
  }
  await checkAgencies(db, result.routing);
  return result.routing;
}
