import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { offsetOf, type PageQuery } from '@http/pagination';
import type { IatiImportStatus } from './iati.tables';
import type { ImportReport, ImportView } from '@common/iati/import-report';

export type { ImportView } from '@common/iati/import-report';

const columns = [
  'm.id',
  'm.file_name',
  'm.bytes',
  'm.status',
  'm.created_at',
  'u.username',
  'm.planned_at',
  'm.applied_at',
  'm.job_id',
  'm.error',
  sql<ImportReport['counts'] | null>`coalesce(m.result -> 'counts', m.report -> 'counts')`.as('counts'),
] as const;

function present(row: {
  id: string;
  file_name: string;
  bytes: string;
  status: IatiImportStatus;
  created_at: Date;
  username: string | null;
  planned_at: Date | null;
  applied_at: Date | null;
  job_id: string | null;
  error: unknown;
  counts: ImportReport['counts'] | null;
}): ImportView {
  return {
    id: row.id,
    fileName: row.file_name,
    bytes: Number(row.bytes),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    createdBy: row.username,
    plannedAt: row.planned_at?.toISOString() ?? null,
    appliedAt: row.applied_at?.toISOString() ?? null,
    jobId: row.job_id,
    error: (row.error as ImportView['error']) ?? null,
    counts: row.counts,
  };
}

/** One import with its dry-run report and apply result. @throws AppError not_found */
export async function getImport(db: Kysely<Database>, id: string): Promise<ImportView> {
  const row = await db
    .selectFrom('iati_imports as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select([...columns, 'm.report', 'm.result'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('iati_import');
  return { ...present(row), report: (row.report as ImportReport | null) ?? null, result: (row.result as ImportReport | null) ?? null };
}

/** Imports, newest first, optionally of one status. */
export async function listImports(db: Kysely<Database>, query: PageQuery & { status?: IatiImportStatus | undefined }) {
  let base = db.selectFrom('iati_imports as m');
  if (query.status) base = base.where('m.status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'm.created_by')
      .select(columns)
      .orderBy('m.created_at', 'desc')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}
