/**
 * The written outcome of a decided dossier, produced right after the decision: the certificate (issued, extended,
 * amended or re-issued), the decision, or the written refusal with its reasons — PDF in the Decree 30 frame
 * (src/files/official), stored as documents of the dossier (src/files/stored-upload) so the applicant downloads
 * them from the dossier, and named in the decision notice, which now states the outcome (outcome-notice.ts).
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ProcedureVersion } from '@domain/procedures';
import type { Database } from '@db/types';
import { withStoredUpload } from '@files/stored-upload';
import {
  renderCertificatePdf,
  renderDecisionPdf,
  renderRefusalPdf,
  resolveIssuer,
  officialDate,
  CERTIFICATE_TITLES,
  type CertificateType,
  type DecisionAct,
  type NamedOrganisation,
  type OfficialFrame,
  type Signer,
} from '@files/official';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { currentContent } from './decision.registry';
import { lockDossier, type DossierRow } from './dossiers.repository';
import { outcomeSentences } from './outcome-notice';
import { loadCatalogue, versionById } from './procedures.catalogue';

type Trx = Transaction<Database>;

/** The document codes of the outcome documents (beside the checklist's codes). */
export const OUTCOME_DOCUMENT_CODES = ['OUTCOME_CERTIFICATE', 'OUTCOME_DECISION', 'OUTCOME_REFUSAL'] as const;
export type OutcomeDocumentCode = (typeof OUTCOME_DOCUMENT_CODES)[number];

/** What was decided, as performAction knows it. */
export type Outcome = {
  approved: boolean;
  decisionNumber: string;
  decisionDate: string;
  reason?: string;
  certificateId: string | null;
};

/** What the notice tells the applicant about the outcome and its documents. */
export type OutcomeNotice = {
  certificateNumber: string | null;
  certificateType: string | null;
  validUntil: string | null;
  decisionDocumentId: string;
  certificateDocumentId: string | null;
};

const ACTS: Partial<Record<string, DecisionAct>> = {
  NEW_GDKHD: 'ISSUE',
  NEW_GDKVPDD: 'ISSUE',
  EXTEND_GDKHD: 'EXTEND',
  EXTEND_GDKVPDD: 'EXTEND',
  AMEND: 'AMEND',
  REISSUE: 'REISSUE',
  SELF_TERMINATION: 'TERMINATE',
  AID_APPROVAL: 'APPROVE_AID',
};

/** What an applicant asked for, in the words of a refusal ("cấp Giấy đăng ký hoạt động"). */
function requestWords(act: DecisionAct, type: CertificateType | null, aidTitle: string | null): string {
  const face = type ? CERTIFICATE_TITLES[type].title : 'Giấy đăng ký';
  switch (act) {
    case 'APPROVE_AID':
      return `phê duyệt khoản viện trợ "${aidTitle ?? ''}"`;
    case 'EXTEND':
      return `gia hạn ${face}`;
    case 'AMEND':
      return `sửa đổi, bổ sung ${face}`;
    case 'REISSUE':
      return `cấp lại ${face}`;
    case 'TERMINATE':
      return 'chấm dứt hoạt động tại Việt Nam';
    default:
      return `cấp ${face}`;
  }
}

const SIGNERS: Record<'province' | 'central' | 'other', Signer & { title: (name: string) => string }> = {
  province: { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: null, title: (n) => `CHỦ TỊCH ${n}` },
  central: { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', name: null, title: (n) => `BỘ TRƯỞNG ${n}` },
  other: { authority: null, position: 'THỦ TRƯỞNG CƠ QUAN', name: null, title: (n) => `THỦ TRƯỞNG ${n}` },
};

async function organisationOf(trx: Trx, id: string): Promise<NamedOrganisation> {
  const o = await trx
    .selectFrom('organisations as o')
    .leftJoin('countries as c', 'c.code', 'o.country_code')
    .select(['o.name_original', 'o.name_vi', 'o.name_en', 'o.acronym', 'o.country_code', 'c.name_vi as country'])
    .where('o.id', '=', id)
    .executeTakeFirstOrThrow();
  const name = o.name_vi ?? o.name_original;
  return {
    name,
    otherNames: [o.name_original, o.name_en, o.acronym].filter((n): n is string => !!n && n !== name),
    country: o.country ?? o.country_code,
  };
}

const names = async (trx: Trx, table: 'provinces' | 'sectors', ids: readonly string[]) => {
  if (!ids.length) return [];
  const rows =
    table === 'provinces'
      ? await trx
          .selectFrom('provinces')
          .select(['id as key', 'name_vi'])
          .where('id', 'in', [...ids])
          .execute()
      : await trx
          .selectFrom('sectors')
          .select(['code as key', 'name_vi'])
          .where('code', 'in', [...ids])
          .execute();
  return ids.map((id) => rows.find((r) => r.key === id)?.name_vi ?? id);
};

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Renders, stores and audits the outcome documents of the decided dossier `row`, inside `trx`. */
async function writeOutcomeDocuments(
  trx: Trx,
  ctx: WriteContext,
  dataDir: string,
  row: DossierRow,
  version: ProcedureVersion,
  outcome: Outcome,
  today: string,
): Promise<OutcomeNotice> {
  const act = ACTS[row.procedure_code] ?? 'ISSUE';
  const isAid = act === 'APPROVE_AID';
  const governing = isAid ? (row.application.governingAgencyId ?? null) : null;
  const [organisation, { issuer, sign }, certificate] = await Promise.all([
    organisationOf(trx, row.organisation_id),
    resolveIssuer(trx, governing, 'vi'),
    outcome.certificateId
      ? currentContent(trx, outcome.certificateId)
      : row.certificate_id
        ? currentContent(trx, row.certificate_id)
        : null,
  ]);
  const signer = SIGNERS[sign === 'UBND' ? 'province' : sign === 'BNG' || !isAid ? 'central' : 'other'];
  // The certificate concerned, or for a refused application the type it asked for.
  const asked = /GDKHD$/.test(row.procedure_code) ? 'GDKHD' : /GDKVPDD$/.test(row.procedure_code) ? 'GDKVPDD' : null;
  const certType = (certificate?.type ?? asked) as CertificateType | null;
  let aid: { title: string; owner: string | null } | null = null;
  if (isAid) {
    const item = row.aid_item_id
      ? await trx.selectFrom('aid_items').select('title_vi').where('id', '=', row.aid_item_id).executeTakeFirst()
      : undefined;
    const owner = row.filed_by_agency_id
      ? await trx.selectFrom('agencies').select('name_vi').where('id', '=', row.filed_by_agency_id).executeTakeFirst()
      : undefined;
    aid = { title: item?.title_vi ?? row.application.aid?.titleVi ?? row.code ?? '', owner: owner?.name_vi ?? null };
  }
  const frame = (symbol: string, number: string | null, recipients: string[]): OfficialFrame => ({
    lang: 'vi',
    issuer,
    number,
    symbol: symbol ? `${symbol}-${sign}` : '',
    date: outcome.decisionDate,
    recipients,
    signer: { authority: signer.authority, position: signer.position, name: signer.name },
  });
  const store = (code: OutcomeDocumentCode, fileName: string, content: Buffer) =>
    withStoredUpload(dataDir, { fileName, content }, today, code, async (stored) => {
      const doc = await trx
        .insertInto('dossier_documents')
        .values({ dossier_id: row.id, document_code: code, ...stored, uploaded_by: ctx.actor?.userId ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, { action: 'dossier.document.issue', entityType: 'dossier', entityId: row.id, after: doc });
      return doc.id;
    });
  const code = row.code ?? row.id;
  if (!outcome.approved) {
    const pdf = await renderRefusalPdf(frame('TB', outcome.decisionNumber, [organisation.name, 'Bộ Công an']), {
      organisation,
      dossierCode: code,
      request: requestWords(act, certType, aid?.title ?? null),
      reason: outcome.reason ?? '',
    });
    const id = await store('OUTCOME_REFUSAL', `thong-bao-tu-choi-${slug(code)}.pdf`, pdf);
    return { certificateNumber: null, certificateType: null, validUntil: null, decisionDocumentId: id, certificateDocumentId: null };
  }
  const decisionRecipients = isAid
    ? ['Như Điều 3', 'Bộ Tài chính', 'Bộ Công an', 'Bộ Ngoại giao']
    : ['Như Điều 3', 'Bộ Công an', 'Ủy ban công tác về các tổ chức phi chính phủ nước ngoài'];
  const decisionPdf = await renderDecisionPdf(frame('QĐ', outcome.decisionNumber, decisionRecipients), {
    act,
    organisation,
    dossierCode: code,
    certificate: certificate && certType ? { type: certType, number: certificate.number, validUntil: certificate.valid_until } : null,
    aid,
    authorityTitle: signer.title(issuer.name.join(' ')),
    legalGround: `${version.legalDocument}${version.legalRefs.length ? `, ${version.legalRefs.join(', ')}` : ''}`,
  });
  const decisionDocumentId = await store('OUTCOME_DECISION', `quyet-dinh-${slug(code)}.pdf`, decisionPdf);
  let certificateDocumentId: string | null = null;
  if (certificate && certType && act !== 'TERMINATE') {
    const [provinces, sectors, office] = await Promise.all([
      names(trx, 'provinces', certificate.province_ids ?? []),
      names(trx, 'sectors', certificate.sector_codes ?? []),
      certificate.office_province_id ? names(trx, 'provinces', [certificate.office_province_id]) : Promise.resolve([]),
    ]);
    const pdf = await renderCertificatePdf(
      frame('', certificate.number, [organisation.name, 'Bộ Công an', 'Ủy ban nhân dân các tỉnh, thành phố nơi tổ chức hoạt động']),
      {
        type: certType,
        number: certificate.number,
        organisation,
        provinces,
        sectors,
        officeCity: office[0] ?? null,
        validUntil: certificate.valid_until,
        decision: `${outcome.decisionNumber} ngày ${officialDate(outcome.decisionDate)}`,
        act,
      },
    );
    certificateDocumentId = await store('OUTCOME_CERTIFICATE', `giay-dang-ky-${slug(certificate.number)}.pdf`, pdf);
  }
  return {
    certificateNumber: certificate?.number ?? null,
    certificateType: certType,
    validUntil: certificate?.valid_until ?? null,
    decisionDocumentId,
    certificateDocumentId,
  };
}

/**
 * Produces the outcome documents of the dossier just decided (APPROVE or REJECT), in a transaction of its own after
 * the decision's: renders and stores them, and completes the decision notices of the dossier with the outcome
 * (`outcomeVi`/`outcomeEn`), the certificate's number and validity, and the documents' ids. Does nothing for a
 * dossier not decided or whose documents exist already (so it may run again). The files are written before their
 * rows (stored-upload): never a row without its file.
 * @returns the notice's outcome facts, or null when there was nothing to produce
 */
export async function issueOutcomeDocuments(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  dossierId: string,
  today: string,
): Promise<OutcomeNotice | null> {
  const catalogue = await loadCatalogue(db);
  return db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, dossierId);
    const decision = row?.decision;
    if (!row || !decision || (row.status !== 'APPROVED' && row.status !== 'REJECTED')) return null;
    const existing = await trx
      .selectFrom('dossier_documents')
      .select('id')
      .where('dossier_id', '=', row.id)
      .where('document_code', 'in', [...OUTCOME_DOCUMENT_CODES])
      .executeTakeFirst();
    if (existing) return null;
    const approved = decision.outcome === 'APPROVED';
    const notice = await writeOutcomeDocuments(
      trx,
      ctx,
      dataDir,
      row,
      versionById(catalogue, row.procedure_version_id),
      {
        approved,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        reason: decision.reason ?? undefined,
        certificateId: row.certificate_result_id ?? null,
      },
      today,
    );
    const sentences = outcomeSentences({
      procedureCode: row.procedure_code,
      approved,
      decisionNumber: decision.decisionNumber,
      decisionDate: decision.decisionDate,
      reason: decision.reason ?? null,
      certificate:
        notice.certificateNumber && notice.certificateType
          ? { type: notice.certificateType, number: notice.certificateNumber, validUntil: notice.validUntil }
          : null,
      withDocuments: true,
    });
    const extra = {
      ...sentences,
      decisionNumber: decision.decisionNumber,
      certificateNumber: notice.certificateNumber,
      validUntil: notice.validUntil,
      decisionDocumentId: notice.decisionDocumentId,
      certificateDocumentId: notice.certificateDocumentId,
    };
    await trx
      .updateTable('notifications')
      .set({ params: sql`params || ${JSON.stringify(extra)}::jsonb` })
      .where('dossier_id', '=', row.id)
      .where('kind', '=', 'DOSSIER_DECIDED')
      .where(sql<boolean>`not (params ? 'decisionDocumentId')`)
      .execute();
    return notice;
  });
}

/**
 * When the documents could not be produced, the decision notices still state the outcome (without documents), so
 * no notice reads "a decision was made" alone.
 */
export async function stateOutcomeWithoutDocuments(db: Kysely<Database>, dossierId: string): Promise<void> {
  const row = await db.selectFrom('dossiers').selectAll().where('id', '=', dossierId).executeTakeFirst();
  const decision = row?.decision;
  if (!row || !decision) return;
  const sentences = outcomeSentences({
    procedureCode: row.procedure_code,
    approved: decision.outcome === 'APPROVED',
    decisionNumber: decision.decisionNumber,
    decisionDate: decision.decisionDate,
    reason: decision.reason ?? null,
    certificate: null,
    withDocuments: false,
  });
  await db
    .updateTable('notifications')
    .set({ params: sql`params || ${JSON.stringify(sentences)}::jsonb` })
    .where('dossier_id', '=', dossierId)
    .where('kind', '=', 'DOSSIER_DECIDED')
    .where(sql<boolean>`not (params ? 'outcomeVi')`)
    .execute();
}
