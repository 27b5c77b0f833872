/**
 * The receipt of a dossier (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as PDF in the Decree 30 frame: what was
 * received, when (Viet Nam time), the deadline of the completeness check and the date the result is due, and the
 * files with their SHA-256 so the applicant can prove what it filed. Pure: content in, bytes out.
 * @module
 */
import { officialDate } from './format';
import type { OfficialFrame } from './frame';
import { drawOfficialClosing, drawOfficialHeader, drawOfficialTitle, newOfficialPdf, pdfBytes } from './pdf-layout';

/** What a receipt states. */
export type ReceiptContent = {
  code: string;
  organisation: string;
  procedure: string;
  /** "15:40 ngày 07/12/2026" (Viet Nam time). */
  submittedAt: string;
  checkDue: string | null;
  /** The date the result is due, or, before the dossier is accepted, the time limit in words. */
  resultDue: { date: string } | { days: number; working: boolean } | null;
  documents: { fileName: string; sha256: string }[];
};

/** The receipt in the frame `frame` (its number is the dossier's code). */
export async function renderReceiptPdf(frame: OfficialFrame, r: ReceiptContent): Promise<Buffer> {
  const doc = newOfficialPdf(`Giấy tiếp nhận hồ sơ ${r.code}`);
  drawOfficialHeader(doc, frame);
  drawOfficialTitle(doc, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  const due = r.resultDue;
  const dueText = !due
    ? '—'
    : 'date' in due
      ? officialDate(due.date)
      : `trong ${due.days} ${due.working ? 'ngày làm việc' : 'ngày'} kể từ ngày hồ sơ được tiếp nhận là hợp lệ`;
  const lines: [string, string][] = [
    ['Mã hồ sơ', r.code],
    ['Tổ chức', r.organisation],
    ['Thủ tục', r.procedure],
    ['Thời điểm nộp', r.submittedAt],
    ['Hạn kiểm tra thành phần hồ sơ', r.checkDue ? officialDate(r.checkDue) : '—'],
    ['Hẹn trả kết quả', dueText],
  ];
  for (const [label, value] of lines) {
    doc.font('bold').fontSize(11).text(`${label}: `, { continued: true });
    doc.font('regular').text(value);
  }
  doc.moveDown(0.5);
  doc.font('bold').fontSize(11).text('Tài liệu kèm theo:');
  r.documents.forEach((d, i) => {
    doc
      .font('regular')
      .fontSize(10)
      .text(`${i + 1}. ${d.fileName}`);
    doc.fontSize(7).fillColor('#444444').text(`SHA-256 ${d.sha256}`, { indent: 14 }).fillColor('black');
  });
  doc.moveDown(0.5);
  doc
    .font('regular')
    .fontSize(10)
    .text(
      'Thời hạn giải quyết được tính từ ngày hồ sơ được tiếp nhận là hợp lệ. Tra cứu tình trạng hồ sơ bằng mã hồ sơ trong mục “Hồ sơ của tôi”.',
    );
  drawOfficialClosing(doc, frame);
  return pdfBytes(doc);
}
