/**
 * Draws the Decree 30/2020 frame on a pdfkit document (A4, DejaVu Sans for every Vietnamese letter): the header of
 * issuing body, number and symbol beside the national motto and the place-and-date line; the title; and the closing
 * with the recipients beside the signature block. Every PDF vnaid produces for the State goes through here.
 * @module
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { FRAME_WORDS, dateLine, numberLine, recipientLines, type OfficialFrame } from './frame';

const FONT = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url));

/** Margins of Decree 30 (Appendix I, II.2) in points: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (rounded). */
const MARGINS = { top: 57, bottom: 57, left: 71, right: 43 };

/** A new A4 document with the fonts `regular` and `bold` registered. */
export function newOfficialPdf(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins: MARGINS, info: { Title: title, Creator: 'vnaid' } });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular');
  return doc;
}

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** A centred rule under a line of text, as long as `length` (Decree 30: a thin solid line under the heading). */
function rule(doc: PDFKit.PDFDocument, centre: number, y: number, length: number): void {
  doc
    .moveTo(centre - length / 2, y)
    .lineTo(centre + length / 2, y)
    .lineWidth(0.6)
    .strokeColor('black')
    .stroke();
}

/** Draws the header block (issuing body and number on the left, motto and date on the right) and moves below it. */
export function drawOfficialHeader(doc: PDFKit.PDFDocument, frame: OfficialFrame): void {
  const words = FRAME_WORDS[frame.lang];
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftWidth = width * 0.42;
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  const top = doc.y;
  // Left: the governing body (regular), the issuing body (bold), a short rule, then "Số: …".
  let y = top;
  if (frame.issuer.parent) {
    doc.font('regular').fontSize(10).text(frame.issuer.parent, left, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(10);
  for (const line of frame.issuer.name) {
    doc.text(line, left, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  const nameWidth = Math.min(leftWidth, Math.max(...frame.issuer.name.map((l) => doc.widthOfString(l))));
  rule(doc, left + leftWidth / 2, y + 2, nameWidth / 3);
  // Right: the nation (bold capitals), the motto (bold) with a rule as long as it.
  doc.font('bold').fontSize(10).text(words.nation, rightX, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(11).text(words.motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString(words.motto);
  rule(doc, rightX + rightWidth / 2, doc.y + 3, Math.min(mottoWidth, rightWidth));
  // One line below both: "Số: …" on the left, the place and date on the right.
  const row = Math.max(y, doc.y) + 8;
  doc.font('regular').fontSize(10).text(numberLine(frame), left, row, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;
  doc.font('regular').fontSize(10).text(dateLine(frame), rightX, row, { width: rightWidth, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.x = left;
}

/** The title (bold capitals, centred) and its summary line ("Về việc …"), then the body starts below. */
export function drawOfficialTitle(doc: PDFKit.PDFDocument, title: string, summary?: string): void {
  const left = doc.page.margins.left;
  doc
    .font('bold')
    .fontSize(13)
    .text(title.toLocaleUpperCase('vi'), left, doc.y, { width: contentWidth(doc), align: 'center' });
  if (summary)
    doc
      .font('bold')
      .fontSize(11)
      .text(summary, left, doc.y + 2, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(1);
  doc.font('regular').fontSize(11);
  doc.x = left;
}

/** The closing block: "Nơi nhận:" and its list on the left, the signature block (authority, position, name) right. */
export function drawOfficialClosing(doc: PDFKit.PDFDocument, frame: OfficialFrame): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const half = width / 2;
  if (doc.y + 150 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1.5);
  const top = doc.y;
  doc.font('bold').fontSize(9).text(FRAME_WORDS[frame.lang].recipients, left, top, { width: half });
  doc.font('regular').fontSize(8);
  for (const line of recipientLines(frame)) doc.text(line, left, doc.y, { width: half - 10 });
  const leftBottom = doc.y;
  const { authority, position, name } = frame.signer;
  doc.font('bold').fontSize(10);
  if (authority) doc.text(authority, left + half, top, { width: half, align: 'center' });
  doc.text(position, left + half, authority ? doc.y : top, { width: half, align: 'center' });
  // Room for the signature and the seal, then the signer's name (left blank on a draft).
  doc.text(name ?? ' ', left + half, doc.y + 60, { width: half, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 10;
  doc.x = left;
}

/** A column of a simple table: its heading, its share of the width, and whether it holds figures (right-aligned). */
export type TableColumn = { label: string; share: number; numeric?: boolean };

/** A simple ruled table (heading in bold, rows, an optional bold total row), breaking pages as it goes. */
export function drawOfficialTable(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][], total?: string[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const weight = columns.reduce((a, c) => a + c.share, 0) || 1;
  const widths = columns.map((c) => (width * c.share) / weight);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y + 2, { width: widths[i]! - 4, align: columns[i]?.numeric ? 'right' : 'left' });
      x += widths[i]!;
    });
    doc.y = y + height;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
  };
  row(
    columns.map((c) => c.label),
    true,
  );
  rows.forEach((r) => row(r, false));
  if (total) row(total, true);
  doc.x = left;
}

/** Ends the document and returns its bytes. */
export async function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = once(doc, 'end');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Ends the document into `file`. */
export async function writePdfFile(doc: PDFKit.PDFDocument, file: string): Promise<void> {
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.end();
  await once(out, 'finish');
}
