/**
 * Official annual reports generated in the background: who may ask for which report, the scope it covers, the queued
 * job (audited in the same transaction), its state for the caller and its file. The routes only translate HTTP.
 * @module
 */
import { existsSync } from 'node:fs';
import type { ReportJob, ReportRequest } from '@common/contracts/stats';
import { hasNationalScope } from '@common/auth/national-scope';
import { interpolate, type Language } from '@common/i18n/languages';
import { resources } from '@common/i18n/resources';
import type { Db } from '@db/transaction';
import { AppError } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { findOwnJob, type JobFile } from '../../jobs/own-job';
import { enqueueJob } from '../../jobs/queue';
import { REPORT_JOB, type ReportPayload } from './reports/report.job';
import { reportRetentionDays, type ExpiredMark } from './reports/report-retention';
import { resolveScope } from './stats.policy';

type ReportResult = ExpiredMark & JobFile;

/**
 * Central officers ask for the national report or any province's or ministry's; others only their own agency's.
 * @throws AppError forbidden for another agency's or the national report, validation_failed without the agency
 */
async function reportPayload(db: Db, actor: Actor, body: ReportRequest, lang: Language): Promise<ReportPayload> {
  const central = hasNationalScope(actor);
  if (body.kind === 'national' && !central) throw new AppError('forbidden');
  if (body.kind === 'agency' && !central && body.agency && body.agency !== actor.agencyId) throw new AppError('forbidden');
  if (body.kind === 'agency' && central && !body.agency)
    throw new AppError('validation_failed', { details: { issues: [{ path: 'body.agency', message: 'required' }] } });
  const scope =
    body.kind === 'national'
      ? ({ kind: 'national' } as const)
      : await resolveScope(db, actor, { agency: central ? body.agency : undefined });
  let scopeName: string | null = null;
  let scopeId: string | null = null;
  if (scope.kind !== 'national') {
    scopeId = scope.kind === 'province' ? scope.provinceId : scope.agencyId;
    const agencyId = scope.kind === 'province' ? `UBND:${scope.provinceId}` : scope.agencyId;
    const agency = await db.selectFrom('agencies').select(['name_vi', 'name_en']).where('id', '=', agencyId).executeTakeFirst();
    scopeName = agency ? (lang === 'en' ? agency.name_en : agency.name_vi) : agencyId;
  }
  return {
    year: body.year,
    format: body.format,
    lang,
    scopeName,
    scopeId,
    filter: scope.kind === 'province' ? { province: scope.provinceId } : scope.kind === 'ministry' ? { agencyIds: scope.agencyIds } : {},
  };
}

/** Queues the report the caller may ask for and audits the request with the job. */
export async function requestReport(db: Db, ctx: WriteContext & { actor: Actor }, body: ReportRequest, lang: Language) {
  const payload = await reportPayload(db, ctx.actor, body, lang);
  const job = await db.transaction().execute(async (trx) => {
    const row = await enqueueJob(trx, { kind: REPORT_JOB, payload, requestedBy: ctx.actor.userId });
    await writeAudit(trx, ctx, { action: 'stats.report.request', entityType: 'job', entityId: row.id, after: payload });
    return row;
  });
  return { jobId: job.id, statusUrl: `/api/stats/reports/${job.id}` };
}

/** A report job of the caller (administrators: any), and whether its file is gone. */
async function loadReport(db: Db, actor: Actor, id: string) {
  const job = await findOwnJob(db, actor, id, REPORT_JOB);
  const result = (job.result ?? {}) as ReportResult;
  // A file gone without the sweep's mark (removed by hand, a lost disk) is just as expired.
  const expired = job.status === 'done' && (result.expired === true || !result.file || !existsSync(result.file));
  return { job, result, expired };
}

/** The state of a report job; a done report expires after the retention period. */
export async function reportState(db: Db, actor: Actor, id: string, lang: Language): Promise<ReportJob> {
  const { job, result, expired } = await loadReport(db, actor, id);
  const days = reportRetentionDays();
  const done = job.status === 'done' && !expired;
  return {
    id: job.id,
    status: expired ? 'expired' : job.status,
    progress: job.progress,
    error: job.status === 'failed' ? job.error : null,
    fileName: result.fileName ?? null,
    downloadUrl: done ? `/api/stats/reports/${job.id}/download` : null,
    expiresAt: done && job.finished_at ? new Date(job.finished_at.getTime() + days * 86_400_000).toISOString() : null,
    message: expired ? interpolate(resources[lang].errors.report_expired, { days }) : null,
  };
}

/**
 * The file of a finished report.
 * @throws AppError job_not_ready before it is done, report_expired (410) once removed
 */
export async function reportFile(db: Db, actor: Actor, id: string): Promise<{ path: string; fileName: string; contentType: string }> {
  const { job, result, expired } = await loadReport(db, actor, id);
  if (job.status !== 'done') throw new AppError('job_not_ready', { details: { status: job.status } });
  if (expired)
    throw new AppError('report_expired', { params: { days: reportRetentionDays() }, details: { expiredAt: result.expiredAt ?? null } });
  return { path: result.file!, fileName: result.fileName ?? 'report', contentType: result.contentType ?? 'application/octet-stream' };
}
