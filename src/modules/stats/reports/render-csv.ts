import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CSV_BOM, csvRow } from '@files/csv';
import type { ReportModel } from './report-model';

/**
 * Writes the report as one CSV table (UTF-8 with BOM so spreadsheet programs read the diacritics): a `section`
 * column, then each section's own columns. The first row carries the synthetic-data notice.
 */
export async function writeCsv(report: ReportModel, file: string): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  // Organisation, province and sector names are text cells: csvRow neutralises any that would run as a formula.
  const line = (cells: (string | number | null)[]) => out.write(csvRow(cells));
  out.write(CSV_BOM);
  line(['note', report.title, report.subtitle, report.notice, report.generatedAt]);
  for (const section of report.sections) {
    line(['section', ...section.columns.map((c) => c.label)].map((v, i) => (i === 0 ? section.title : v)));
    for (const row of section.rows) line([section.title, ...row]);
    if (section.totalRow) line([section.title, ...section.totalRow]);
  }
  out.end();
  await once(out, 'finish');
}
