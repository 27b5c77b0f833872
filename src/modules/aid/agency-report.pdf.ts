/**
 * An agency's filed report as the document it sends (Decree 58 Art. 23–24, Mẫu 04: a province's or ministry's
 * annual report on foreign NGOs; the governing agency's annual report on aid, Decree 80): PDF in the Decree 30 frame
 * of src/files/official, figures in Vietnamese number format, the data window it counts, Viet Nam time.
 * @module
 */
import type { Kysely } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import {
  drawOfficialClosing,
  drawOfficialHeader,
  drawOfficialTitle,
  generatedStamp,
  newOfficialPdf,
  officialDate,
  officialNumber,
  pdfBytes,
  stateReportFrame,
} from '@files/official';
import type { AgencyReportView } from './reports.schemas';

const SUBJECT = {
  AGENCY_MAU04: (y: number) => `Tình hình hoạt động của các tổ chức phi chính phủ nước ngoài năm ${y} (Mẫu 04)`,
  GOVERNING_ANNUAL: (y: number) => `Kết quả vận động, tiếp nhận và sử dụng viện trợ không hoàn lại năm ${y}`,
} as const;

/**
 * Renders `report` (as its reader may see it) in the frame of its agency: dated the day it was filed (a draft: today,
 * marked as a draft), number left for the office to write.
 */
export async function renderAgencyReportPdf(db: Kysely<Database>, report: AgencyReportView, now: Date = new Date()): Promise<Buffer> {
  const filedOn = report.submittedAt ? vietnamToday(new Date(report.submittedAt)) : vietnamToday(now);
  const frame = await stateReportFrame(db, report.agencyId, 'vi', filedOn);
  const doc = newOfficialPdf(`Báo cáo ${report.reportYear} — ${report.agencyNameVi}`);
  drawOfficialHeader(doc, frame);
  drawOfficialTitle(doc, 'Báo cáo', SUBJECT[report.kind](report.reportYear));
  const f = report.figures;
  const windowFrom = f.windowFrom ?? report.periodFrom;
  const windowTo = f.windowTo ?? report.periodTo;
  doc
    .font('regular')
    .fontSize(10)
    .text(
      `Kỳ số liệu: từ ${officialDate(windowFrom)} đến ${officialDate(windowTo)}${
        f.windowBasis === 'D58_DATA_WINDOW' ? ' (kỳ số liệu của Nghị định 58/2022/NĐ-CP: 15/12 năm trước đến 14/12)' : ''
      }. Hạn nộp: ${officialDate(report.dueDate)}.`,
    );
  doc.text(
    report.status === 'DRAFT'
      ? `Bản dự thảo — Lập lúc ${generatedStamp(now, 'vi')}`
      : `Đã nộp lúc ${generatedStamp(new Date(report.submittedAt ?? now), 'vi')}`,
  );
  doc.moveDown(0.8);
  const rows: [string, string][] = [
    ['Số khoản viện trợ', officialNumber(f.aidItems, 'vi')],
    ['Số tổ chức phi chính phủ nước ngoài có hoạt động', officialNumber(f.organisations, 'vi')],
    ['Giá trị cam kết (USD)', officialNumber(f.committedUsd, 'vi')],
    ['Giá trị giải ngân (USD)', officialNumber(f.disbursedUsd, 'vi')],
    ['Số báo cáo của tổ chức đã nhận (Mẫu 05)', officialNumber(f.ngoReportsSubmitted, 'vi')],
    ...(f.approvedItems !== undefined
      ? ([['Số khoản viện trợ được phê duyệt trong kỳ', officialNumber(f.approvedItems, 'vi')]] as [string, string][])
      : []),
    ...(f.approvedCommittedUsd !== undefined
      ? ([['Giá trị viện trợ được phê duyệt trong kỳ (USD)', officialNumber(f.approvedCommittedUsd, 'vi')]] as [string, string][])
      : []),
  ];
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(11).text('I. Số liệu', left, doc.y);
  doc.moveDown(0.3);
  rows.forEach(([label, value], i) => {
    const y = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .text(`${i + 1}. ${label}`, left, y, { width: width - 150 });
    const below = doc.y;
    doc.text(value, left + width - 150, y, { width: 150, align: 'right' });
    doc.y = Math.max(below, doc.y) + 2;
  });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).text('II. Đánh giá, kiến nghị', left, doc.y);
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(10)
    .text(report.summary?.trim() || '—', { align: 'justify' });
  drawOfficialClosing(doc, frame);
  return pdfBytes(doc);
}
