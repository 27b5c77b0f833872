import {
  drawOfficialClosing,
  drawOfficialHeader,
  drawOfficialTitle,
  newOfficialPdf,
  officialNumber,
  officialPercent,
  writePdfFile,
  type DocLang,
} from '@files/official';
import type { Cell, Column, ReportModel, Section } from './report-model';

/** A cell as printed: money and counts in the document's number format (1.234.567,89), percentages with "%". */
const format = (value: Cell, kind: Column['kind'], lang: DocLang): string => {
  if (value === null || value === '') return kind === 'pct' ? '—' : '';
  if (kind === 'text') return String(value);
  return kind === 'pct' ? officialPercent(value, lang) : officialNumber(value, lang);
};

function table(doc: PDFKit.PDFDocument, section: Section, lang: DocLang): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // Numbers get fixed columns; text columns share the rest, the first (a code or term) a narrower part.
  const numeric = section.columns.filter((c) => c.kind !== 'text').length;
  const numberWidth = Math.min(84, (width * 0.7) / Math.max(numeric, 1));
  const shares: number[] = section.columns.map((c, i) => (c.kind !== 'text' ? 0 : i === 0 && section.columns.length > 1 ? 1 : 3));
  const weight = shares.reduce((a, b) => a + b, 0) || 1;
  const widths = section.columns.map((c, i) => (c.kind !== 'text' ? numberWidth : ((width - numberWidth * numeric) * shares[i]!) / weight));
  const row = (cells: Cell[], bold: boolean, header: boolean) => {
    const texts = cells.map((v, i) => (header ? String(v ?? '') : format(v, section.columns[i]?.kind ?? 'text', lang)));
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const height = Math.max(...texts.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    texts.forEach((text, i) => {
      doc.text(text, x + 2, y + 2, { width: widths[i]! - 4, align: section.columns[i]?.kind === 'text' ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.y = y + height;
    doc
      .moveTo(doc.page.margins.left, doc.y)
      .lineTo(doc.page.margins.left + width, doc.y)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
  };
  row(
    section.columns.map((c) => c.label),
    true,
    true,
  );
  section.rows.forEach((r) => row(r, false, false));
  if (section.totalRow) row(section.totalRow, true, false);
}

/**
 * Writes the report as an A4 PDF in the Decree 30 frame (national motto, issuing body, number and symbol, place and
 * date, recipients and signature block), figures in the document's number format, the time of generation in Viet
 * Nam time.
 */
export async function writePdf(report: ReportModel, file: string): Promise<void> {
  const lang = report.frame.lang;
  const doc = newOfficialPdf(report.title);
  drawOfficialHeader(doc, report.frame);
  drawOfficialTitle(doc, lang === 'en' ? 'Report' : 'Báo cáo', report.title);
  doc.font('regular').fontSize(9).text(`${report.subtitle} — ${report.generatedAt}`);
  doc.fillColor('#b00020').text(report.notice).fillColor('black');
  for (const section of report.sections) {
    doc.moveDown(1);
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.font('bold').fontSize(11).text(section.title, doc.page.margins.left, doc.y);
    doc.moveDown(0.3);
    table(doc, section, lang);
  }
  drawOfficialClosing(doc, report.frame);
  await writePdfFile(doc, file);
}
