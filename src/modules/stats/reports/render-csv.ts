import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ReportModel } from './report-model';

const quote = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Writes the report as one CSV table (UTF-8 with BOM so spreadsheet programs read the diacritics): a `section`
 * column, then each section's own columns. The first row carries the synthetic-data notice.
 */
export async function writeCsv(report: ReportModel, file: string): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const line = (cells: (string | number | null)[]) => out.write(`${cells.map(quote).join(',')}\r\n`);
  out.write('\uFEFF');
  line(['note', report.title, report.subtitle, report.notice, report.generatedAt]);
  for (const section of report.sections) {
    line(['section', ...section.columns.map((c) => c.label)].map((v, i) => (i === 0 ? section.title : v)));
    for (const row of section.rows) line([section.title, ...row]);
    if (section.totalRow) line([section.title, ...section.totalRow]);
  }
  out.end();
  await once(out, 'finish');
}
