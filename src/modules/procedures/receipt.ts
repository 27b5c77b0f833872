/**
 * The receipt of a submitted dossier as PDF (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Decree 30 frame), from the
 * same dossier view the receipt screen shows, for whoever may see the dossier.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Actor } from '@modules/auth/actor';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { generatedStamp, renderReceiptPdf, resolveIssuer } from '@files/official';
import { getDossier } from './dossiers.service';

/**
 * Renders the receipt of dossier `id` as `actor` sees it. Received by COMINGO, or for an aid approval by the
 * governing agency it was filed with. @throws AppError not_found for a draft (no receipt yet) or a dossier not visible
 */
export async function renderReceipt(db: Kysely<Database>, actor: Actor, id: string, today: string): Promise<{ code: string; pdf: Buffer }> {
  const d = await getDossier(db, actor, id, today);
  const submit = d.timeline.find((e) => e.action === 'SUBMIT');
  if (!d.code || !submit || !d.submittedOn) throw notFound('receipt');
  const receiver = d.procedureCode === 'AID_APPROVAL' ? ((d.application.governingAgencyId as string | undefined) ?? 'COMINGO') : 'COMINGO';
  const { issuer } = await resolveIssuer(db, receiver, 'vi');
  const check = d.steps.find((s) => s.code === 'S1_CHECK');
  const overall = d.overall;
  const pdf = await renderReceiptPdf(
    {
      lang: 'vi',
      issuer,
      number: d.code,
      symbol: 'TNHS',
      date: d.submittedOn,
      recipients: [d.organisationName],
      signer: { authority: null, position: 'NGƯỜI TIẾP NHẬN', name: 'Hệ thống vnaid (tiếp nhận trực tuyến)' },
    },
    {
      code: d.code,
      organisation: d.organisationName,
      procedure: `${d.procedure.nameVi} (${d.procedure.legalDocument})`,
      submittedAt: generatedStamp(new Date(submit.at), 'vi'),
      checkDue: check?.clock?.dueDate ?? null,
      resultDue: overall?.dueDate
        ? { date: overall.dueDate }
        : overall
          ? { days: overall.days, working: overall.unit === 'WORKING' }
          : null,
      documents: d.documents
        .filter((x) => !x.superseded && !x.documentCode.startsWith('OUTCOME_'))
        .map((x) => ({ fileName: x.fileName, sha256: x.sha256 })),
    },
  );
  return { code: d.code, pdf };
}
