/**
 * Documents of a proposal in the needs catalogue (concept note, budget, …). Stored exactly like dossier uploads
 * (src/modules/procedures/documents.service.ts): the type is decided from the content (PDF, DOCX, XLSX, PNG, JPEG),
 * an Office file's zip must stay within the bounds of `zip-upload-check`, at most 20 MB (the route's multipart
 * limit), the file written under `<VNAID_DATA_DIR>/uploads/<yyyy>/<uuid>` with its SHA-256 before the row, and
 * removed again if the transaction fails. Who may read a document is who may read the proposal in its current
 * state (needs.policy: the public only once it is published or funded; a draft only its proposing body and
 * central), so unpublishing is never needed to hide a file. The proposing body and central attach and remove
 * documents while the proposal is editable (a draft, or returned for changes); every write is audited.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import { isNeedEditable, type NeedStatus } from '@domain/programme';
import { DomainRuleError } from '@domain/rule-error';
import type { Database } from '@db/types';
import type { Db } from '@db/transaction';
import { AppError, notFound } from '@errors/app-error';
import { openStoredFile, withStoredUpload, type UploadedFile } from '@files/stored-upload';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { needScopeCondition, ownAgencySql, workflowRoleOf } from './needs.policy';
import type { NeedDocumentKind, NeedDocumentView } from './needs.schemas';
import type { NeedDocumentsTables } from './needs-documents.tables';

/** The most documents one proposal carries (removed ones not counted): a catalogue entry, not a file store. */
export const MAX_NEED_DOCUMENTS = 20;

/** The database handle with the documents table (kept out of the shared schema type). */
export const needDocumentsDb = (db: Db): Kysely<Database & NeedDocumentsTables> =>
  db.withTables<NeedDocumentsTables>() as unknown as Kysely<Database & NeedDocumentsTables>;

/** The proposal as the actor may see it (404 otherwise), with whether the actor takes part in its workflow. */
async function visibleProposal(db: Db, actor: Actor | null, id: string, lock = false) {
  const row = (
    await sql<{ id: string; status: NeedStatus; own: boolean }>`
      select n.id, n.status, ${ownAgencySql(actor)} as own from need_proposals n
      where n.id = ${id} and ${needScopeCondition(actor)} ${lock ? sql`for update` : sql``}`.execute(db)
  ).rows[0];
  if (!row) throw notFound('need_proposal');
  return { ...row, role: workflowRoleOf(actor, row.own) };
}

/** Only the proposing body and central change the documents, and only while the proposal can be edited. */
function assertMayChange(proposal: { status: NeedStatus; role: string | null }, action: string): void {
  if (!proposal.role) throw new AppError('forbidden');
  if (!isNeedEditable(proposal.status)) throw new DomainRuleError('transition_not_allowed', { action, status: proposal.status });
}

const view = (d: {
  id: string;
  kind: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}): NeedDocumentView => ({
  id: d.id,
  kind: d.kind as NeedDocumentKind,
  fileName: d.file_name,
  mediaType: d.media_type,
  sizeBytes: d.size_bytes,
  sha256: d.sha256,
  uploadedAt: d.uploaded_at.toISOString(),
});

/** The documents of a proposal the caller may already see (the caller checked the scope), oldest first. */
export async function listNeedDocuments(db: Db, proposalId: string): Promise<NeedDocumentView[]> {
  const rows = await needDocumentsDb(db)
    .selectFrom('need_documents')
    .select(['id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('proposal_id', '=', proposalId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

/**
 * Attaches one file to a proposal: the proposing body (a draft or a proposal returned for changes) or central.
 * @throws AppError not_found (outside the caller's scope), forbidden (not its proposing body), 415
 *   unsupported_media_type (not PDF/DOCX/XLSX/PNG/JPEG by content), 413 file_* (a zip bomb), conflict
 *   need_documents_full (already {@link MAX_NEED_DOCUMENTS}); DomainRuleError transition_not_allowed (not editable)
 */
export async function storeNeedDocument(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  proposalId: string,
  kind: NeedDocumentKind,
  file: UploadedFile,
  today: string,
): Promise<NeedDocumentView> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('not_signed_in');
  assertMayChange(await visibleProposal(db, actor, proposalId), 'attach_document');
  return withStoredUpload(dataDir, file, today, kind.toLowerCase(), (stored) =>
    db.transaction().execute(async (trx) => {
      // Locked and checked again: the proposal may have been submitted while the file was being written.
      assertMayChange(await visibleProposal(trx, actor, proposalId, true), 'attach_document');
      const docs = needDocumentsDb(trx);
      const count = await docs
        .selectFrom('need_documents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('proposal_id', '=', proposalId)
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_NEED_DOCUMENTS)
        throw new AppError('need_documents_full', { params: { max: MAX_NEED_DOCUMENTS }, details: { max: MAX_NEED_DOCUMENTS } });
      const row = await docs
        .insertInto('need_documents')
        .values({ proposal_id: proposalId, kind, ...stored, uploaded_by: actor.userId })
        .returning(['id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at'])
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: 'need_proposal.document.upload',
        entityType: 'need_proposal',
        entityId: proposalId,
        after: {
          documentId: row.id,
          kind,
          fileName: row.file_name,
          mediaType: row.media_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
        },
      });
      return view(row);
    }),
  );
}

/**
 * Removes a document from an editable proposal (the row is kept, marked removed; the file stays for the audit).
 * @throws AppError not_found (proposal outside scope, or no such document), forbidden; DomainRuleError
 *   transition_not_allowed (not editable)
 */
export async function removeNeedDocument(db: Kysely<Database>, ctx: WriteContext, proposalId: string, documentId: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('not_signed_in');
  await db.transaction().execute(async (trx) => {
    assertMayChange(await visibleProposal(trx, actor, proposalId, true), 'remove_document');
    const removed = await needDocumentsDb(trx)
      .updateTable('need_documents')
      .set({ removed_at: new Date(), removed_by: actor.userId })
      .where('id', '=', documentId)
      .where('proposal_id', '=', proposalId)
      .where('removed_at', 'is', null)
      .returning(['id', 'kind', 'file_name', 'sha256'])
      .executeTakeFirst();
    if (!removed) throw notFound('document');
    await writeAudit(trx, ctx, {
      action: 'need_proposal.document.remove',
      entityType: 'need_proposal',
      entityId: proposalId,
      before: { documentId: removed.id, kind: removed.kind, fileName: removed.file_name, sha256: removed.sha256 },
    });
  });
}

/**
 * A document of a proposal the caller may see now (anonymous: published or funded proposals only), ready to
 * stream. A draft's document reads as not found outside the proposing body and central, like the draft itself.
 * @throws AppError not_found
 */
export async function openNeedDocument(db: Kysely<Database>, actor: Actor | null, dataDir: string, proposalId: string, documentId: string) {
  await visibleProposal(db, actor, proposalId);
  const doc = await needDocumentsDb(db)
    .selectFrom('need_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('proposal_id', '=', proposalId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!doc) throw notFound('document');
  return openStoredFile(dataDir, doc);
}
