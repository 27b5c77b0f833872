import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { registerJobHandler, type JobContext } from '../../../jobs/queue';
import { buildReport } from './report-model';
import { REPORT_JOB, sweepExpiredReports } from './report-retention';
import { writeCsv } from './render-csv';
import { writePdf } from './render-pdf';
import { writeXlsx } from './render-xlsx';

export { REPORT_JOB };

/** The payload of a report job: everything resolved when it was asked for (scope included). */
export const reportPayload = z.object({
  year: z.number().int(),
  format: z.enum(['xlsx', 'pdf', 'csv']),
  lang: z.enum(['vi', 'en']),
  scopeName: z.string().nullable(),
  scopeId: z.string().nullable(),
  filter: z.object({ province: z.string().optional(), agencyIds: z.array(z.string()).optional() }),
});
export type ReportPayload = z.infer<typeof reportPayload>;

const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Builds the report and writes it under VNAID_DATA_DIR/exports/<job id>.<format> (kept for the retention period). */
export async function runReportJob({ db, job, dataDir, progress }: JobContext) {
  const payload = reportPayload.parse(job.payload);
  // Each new report first clears the expired ones, so files never pile up even without the periodic sweep.
  await sweepExpiredReports(db);
  const model = await buildReport(
    db,
    {
      year: payload.year,
      lang: payload.lang,
      filter: payload.filter,
      scopeName: payload.scopeName,
      // The issuing body: a province's People's Committee, the ministry asked for, or (national) MOFA.
      issuerAgencyId: payload.filter.province ? `UBND:${payload.filter.province}` : payload.scopeId,
    },
    progress,
  );
  const dir = path.join(dataDir, 'exports');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${job.id}.${payload.format}`);
  const write = { xlsx: writeXlsx, pdf: writePdf, csv: writeCsv }[payload.format];
  await write(model, file);
  await progress(95);
  const scope = payload.scopeId ? payload.scopeId.replace(/[^\w-]/g, '-') : 'toan-quoc';
  return {
    file,
    fileName: `bao-cao-pcpnn-${payload.year}-${scope}.${payload.format}`,
    contentType: CONTENT_TYPE[payload.format],
    size: (await stat(file)).size,
  };
}

registerJobHandler(REPORT_JOB, runReportJob);
