/**
 * The job handlers of large IATI files (over `importLimits.inlineBytes`): the dry run and the apply run in the job
 * worker, reporting progress; the page polls the import. Loaded by iati.routes.ts.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { WriteContext } from '@modules/audit/audit.writer';
import { actorForUser } from '@modules/auth/auth.service';
import { registerJobHandler } from '../../jobs/queue';
import { APPLY_JOB, applyStoredImport, PLAN_JOB, planStoredImport } from './iati-import.service';

/** The write context of a job: the account that asked for it. */
async function jobContext(db: Kysely<Database>, userId: string | null, jobId: string): Promise<WriteContext> {
  const actor = userId ? await actorForUser(db, userId, 'session') : null;
  return { actor, requestId: `job:${jobId}`, label: `job ${jobId}` };
}

registerJobHandler(PLAN_JOB, async ({ db, job, progress }) => {
  const importId = String(job.payload.importId);
  const report = await planStoredImport(db, importId, (f) => progress(f * 100));
  return { importId, counts: report.counts, fatal: report.fatal?.code ?? null };
});

registerJobHandler(APPLY_JOB, async ({ db, job, progress }) => {
  const importId = String(job.payload.importId);
  await db.updateTable('iati_imports').set({ status: 'APPLYING' }).where('id', '=', importId).where('status', '=', 'FAILED').execute();
  const report = await applyStoredImport(db, await jobContext(db, job.requested_by, job.id), importId, (f) => progress(f * 100));
  return { importId, counts: report?.counts ?? null };
});
