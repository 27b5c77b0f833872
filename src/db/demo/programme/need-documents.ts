import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent, sha256 } from '@files/demo-documents';
import { needDocumentsDb } from '@modules/programme/needs-documents.service';

/** The demo proposals that carry documents (a concept note each; the first also its budget), and the draft. */
const DOCUMENTS: [code: string, kind: 'CONCEPT_NOTE' | 'BUDGET', fileName: string][] = [
  ['NC-2026-0001', 'CONCEPT_NOTE', 'De-cuong-du-an.pdf'],
  ['NC-2026-0001', 'BUDGET', 'Du-toan-kinh-phi.pdf'],
  ['NC-2026-0002', 'CONCEPT_NOTE', 'De-cuong-du-an.pdf'],
  ['NC-2026-0003', 'CONCEPT_NOTE', 'Concept-note.pdf'],
  ['NC-2026-0009', 'CONCEPT_NOTE', 'De-cuong-ra-pha-bom-min.pdf'],
];

/**
 * Documents of a few demo proposals. Like the dossiers' demo documents, their bytes are generated from the
 * storage path (`demo/…`), so seeding writes no file; they are synthetic PDFs saying so.
 */
export async function seedNeedDocuments(trx: Transaction<Database>): Promise<number> {
  const proposals = new Map(
    (
      await trx
        .selectFrom('need_proposals')
        .select(['id', 'code'])
        .where(
          'code',
          'in',
          DOCUMENTS.map(([code]) => code),
        )
        .execute()
    ).map((p) => [p.code, p.id]),
  );
  const rows = DOCUMENTS.filter(([code]) => proposals.has(code)).map(([code, kind, fileName]) => {
    const storagePath = `${DEMO_DOCUMENT_PREFIX}needs/${code}/${kind.toLowerCase()}.pdf`;
    const content = demoDocumentContent(storagePath);
    return {
      proposal_id: proposals.get(code)!,
      kind,
      file_name: fileName,
      media_type: 'application/pdf',
      size_bytes: content.length,
      sha256: sha256(content),
      storage_path: storagePath,
    };
  });
  if (rows.length) await needDocumentsDb(trx).insertInto('need_documents').values(rows).execute();
  return rows.length;
}
