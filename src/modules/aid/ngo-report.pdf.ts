/**
 * An NGO's annual report (Decree 58 Art. 21.5, Mẫu 05) as the document it sends to the State: PDF in the Decree 30
 * frame (the organisation as the issuing body, its head signing), each aid item's disbursement in its currency and
 * in USD in Vietnamese number format, beneficiaries, the data window, times in Viet Nam time.
 * @module
 */
import { vietnamToday } from '@common/time/vietnam-today';
import {
  drawOfficialClosing,
  drawOfficialHeader,
  drawOfficialTable,
  drawOfficialTitle,
  generatedStamp,
  newOfficialPdf,
  officialDate,
  officialNumber,
  pdfBytes,
  type OfficialFrame,
} from '@files/official';
import type { NgoReportDetail } from './reports.schemas';

/** Renders the filed lines of `report` (unfilled suggestions are left out) with its total and summary. */
export async function renderNgoReportPdf(report: NgoReportDetail, now: Date = new Date()): Promise<Buffer> {
  const filedOn = report.submittedAt ? vietnamToday(new Date(report.submittedAt)) : vietnamToday(now);
  const frame: OfficialFrame = {
    lang: 'vi',
    issuer: { parent: null, name: [report.organisationName.toLocaleUpperCase('vi')], place: 'Hà Nội', plainName: report.organisationName },
    number: null,
    symbol: 'BC',
    date: filedOn,
    recipients: [
      'Bộ Ngoại giao (Ủy ban công tác về các tổ chức phi chính phủ nước ngoài)',
      'Ủy ban nhân dân các tỉnh nơi tổ chức hoạt động',
    ],
    signer: { authority: null, position: 'NGƯỜI ĐỨNG ĐẦU TỔ CHỨC', name: null },
  };
  const doc = newOfficialPdf(`Báo cáo ${report.reportYear} — ${report.organisationName}`);
  drawOfficialHeader(doc, frame);
  drawOfficialTitle(doc, 'Báo cáo', `Kết quả hoạt động năm ${report.reportYear} tại Việt Nam (Mẫu 05)`);
  doc
    .font('regular')
    .fontSize(10)
    .text(
      `Kỳ số liệu: từ ${officialDate(report.periodFrom)} đến ${officialDate(report.periodTo)}. Hạn nộp: ${officialDate(report.dueDate)}.`,
    );
  doc.text(
    report.submittedAt
      ? `Đã nộp lúc ${generatedStamp(new Date(report.submittedAt), 'vi')}`
      : `Bản dự thảo — Lập lúc ${generatedStamp(now, 'vi')}`,
  );
  doc.moveDown(0.6);
  const lines = report.lines.filter((l) => l.filed);
  drawOfficialTable(
    doc,
    [
      { label: 'Mã', share: 2 },
      { label: 'Khoản viện trợ', share: 5 },
      { label: 'Giải ngân', share: 3, numeric: true },
      { label: 'Quy đổi (USD)', share: 3, numeric: true },
      { label: 'Ngày giải ngân', share: 2 },
      { label: 'Người hưởng lợi', share: 2, numeric: true },
    ],
    lines.map((l) => [
      l.aidItemCode,
      l.aidItemTitleVi,
      l.disbursedAmount ? `${officialNumber(l.disbursedAmount, 'vi')} ${l.currency ?? ''}`.trim() : '',
      officialNumber(l.amountUsd, 'vi'),
      l.disbursementDate ? officialDate(l.disbursementDate) : '',
      officialNumber(l.beneficiariesTotal, 'vi'),
    ]),
    ['', 'Tổng cộng', '', officialNumber(report.disbursedUsd, 'vi'), '', ''],
  );
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).text('Đánh giá chung');
  doc
    .font('regular')
    .fontSize(10)
    .text(report.summary?.trim() || '—', { align: 'justify' });
  drawOfficialClosing(doc, frame);
  return pdfBytes(doc);
}
