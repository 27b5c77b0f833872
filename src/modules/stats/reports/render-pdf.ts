import PDFDocument from 'pdfkit';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Cell, ReportModel, Section } from './report-model';

/** DejaVu Sans has every Vietnamese letter (ắ, ỡ, ự…), which the PDF standard fonts lack. */
const FONT = fileURLToPath(new URL('../../../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url));

const group = (text: string) => text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const format = (value: Cell, kind: string) => {
  if (value === null || value === '') return '';
  if ((kind === 'money' || kind === 'value') && typeof value === 'string' && /^-?\d+\.\d+$/.test(value)) {
    const [int = '', frac = ''] = value.split('.');
    return `${group(int)}.${frac}`;
  }
  return typeof value === 'number' ? group(String(value)) : value;
};

function table(doc: PDFKit.PDFDocument, section: Section): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // Numbers get fixed columns; text columns share the rest, the first (a code or term) a narrower part.
  const numeric = section.columns.filter((c) => c.kind !== 'text').length;
  const shares: number[] = section.columns.map((c, i) => (c.kind !== 'text' ? 0 : i === 0 && section.columns.length > 1 ? 1 : 3));
  const weight = shares.reduce((a, b) => a + b, 0);
  const widths = section.columns.map((c, i) => (c.kind !== 'text' ? 84 : ((width - 84 * numeric) * shares[i]!) / weight));
  const row = (cells: Cell[], bold: boolean) => {
    const texts = cells.map((v, i) => String(format(v, section.columns[i]?.kind ?? 'text')));
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
  );
  section.rows.forEach((r) => row(r, false));
  if (section.totalRow) row(section.totalRow, true);
}

/** Writes the report as an A4 PDF with an embedded Vietnamese-capable font. */
export async function writePdf(report: ReportModel, file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: report.title, Creator: 'vnaid' } });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(14).text(report.title);
  doc.font('regular').fontSize(9).text(`${report.subtitle} — ${report.generatedAt}`);
  doc.fillColor('#b00020').text(report.notice).fillColor('black');
  for (const section of report.sections) {
    doc.moveDown(1);
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.font('bold').fontSize(11).text(section.title, doc.page.margins.left, doc.y);
    doc.moveDown(0.3);
    table(doc, section);
  }
  doc.end();
  await once(out, 'finish');
}
