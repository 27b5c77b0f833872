import type { Kysely } from 'kysely';
import { programmeContentIssues, type ProgrammeContent } from '@domain/programme';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { unknownReferenceError, type UnknownReference } from '@modules/registry/registry-references';
import type { ProgrammeDetail, UpdateProgrammeBody } from './programme.schemas';

/** Every programme with its current content, in their order (1225/QĐ-TTg of 2019 first, then 2026–2030). */
export async function listProgrammes(db: Kysely<Database>): Promise<ProgrammeDetail[]> {
  const rows = await db.selectFrom('programmes').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, version: r.version, updatedAt: r.updated_at.toISOString(), content: r.content }));
}

/** One programme's current content and version. @throws AppError not_found */
export async function readProgramme(db: Kysely<Database>, code: string): Promise<ProgrammeDetail> {
  const r = await db.selectFrom('programmes').selectAll().where('code', '=', code).executeTakeFirst();
  if (!r) throw notFound('programme');
  return { code: r.code, version: r.version, updatedAt: r.updated_at.toISOString(), content: r.content };
}

/** Every saved version of a programme, newest first (the seeded text is version 1). */
export async function listProgrammeVersions(db: Kysely<Database>, code: string) {
  const rows = await db
    .selectFrom('programme_versions as v')
    .leftJoin('users as u', 'u.id', 'v.saved_by')
    .select(['v.version', 'v.saved_at', 'v.content', 'u.display_name'])
    .where('v.code', '=', code)
    .orderBy('v.version', 'desc')
    .execute();
  if (rows.length === 0) throw notFound('programme');
  return rows.map((r) => ({ version: r.version, savedAt: r.saved_at.toISOString(), savedBy: r.display_name, content: r.content }));
}

async function referenceIssues(db: Kysely<Database>, content: ProgrammeContent): Promise<UnknownReference[]> {
  const sectors = [...new Set(content.priorities.flatMap((p) => p.sectorCodes))];
  const agencies = [...new Set(content.agencies.map((a) => a.agencyId))];
  const knownSectors = new Set(
    sectors.length ? (await db.selectFrom('sectors').select('code').where('code', 'in', sectors).execute()).map((r) => r.code) : [],
  );
  const knownAgencies = new Set(
    agencies.length ? (await db.selectFrom('agencies').select('id').where('id', 'in', agencies).execute()).map((r) => r.id) : [],
  );
  return [
    ...sectors.filter((s) => !knownSectors.has(s)).map((value) => ({ path: 'body.content.priorities', kind: 'sector' as const, value })),
    ...agencies.filter((a) => !knownAgencies.has(a)).map((value) => ({ path: 'body.content.agencies', kind: 'agency' as const, value })),
  ];
}

/**
 * Saves a new version of a programme (administrators and central officers): optimistic concurrency on `version`,
 * the previous versions kept, and the before/after in the audit trail, in one transaction.
 * @throws AppError not_found, stale_version (409 with the current record), validation_failed, unknown_reference
 */
export async function updateProgramme(
  db: Kysely<Database>,
  ctx: WriteContext,
  code: string,
  body: UpdateProgrammeBody,
): Promise<ProgrammeDetail> {
  const issues = programmeContentIssues(body.content);
  if (issues.length) throw new AppError('validation_failed', { details: { issues } });
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('programmes').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw notFound('programme');
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version, current: await readProgramme(trx, code) });
    const unknown = await referenceIssues(trx, body.content);
    if (unknown.length) throw unknownReferenceError(unknown);
    const version = before.version + 1;
    const content = JSON.stringify(body.content);
    await trx.updateTable('programmes').set({ content, version, updated_at: new Date() }).where('code', '=', code).execute();
    await trx
      .insertInto('programme_versions')
      .values({ code, version, content, saved_by: ctx.actor?.userId ?? null })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'programme.update',
      entityType: 'programme',
      entityId: code,
      before: { version: before.version, content: before.content },
      after: { version, content: body.content },
    });
  });
  return readProgramme(db, code);
}
