import ExcelJS from 'exceljs';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { PassThrough, Readable } from 'node:stream';
import type { Language } from '@common/i18n/languages';
import type { Database } from '@db/types';
import { CSV_BOM, csvRow, csvRows, neutraliseFormula } from '@files/csv';
import { directoryRows, filterSql } from './directory.repository';
import type { DirectoryFilters, DirectoryItem } from './directory.schemas';
import { publiclyListed } from './registry.policy';
import { rt } from './registry-messages';

const COLUMNS = [
  'name',
  'nameVi',
  'nameEn',
  'acronym',
  'country',
  'status',
  'certificateTypes',
  'sectors',
  'provinces',
  'validUntil',
  'website',
  'synthetic',
] as const;

/** One exported row, in the request's language. */
function cells(item: DirectoryItem, lang: Language): string[] {
  return [
    item.name,
    item.nameVi ?? '',
    item.nameEn ?? '',
    item.acronym ?? '',
    lang === 'en' ? item.countryNameEn : item.countryNameVi,
    rt(lang, `status.${item.status}`),
    item.certificateTypes.join('; '),
    item.sectorCodes.join('; '),
    item.provinceIds.join('; '),
    item.validUntil ?? '',
    item.website ?? '',
    rt(lang, item.synthetic ? 'directory.yes' : 'directory.no'),
  ];
}

const headers = (lang: Language) => COLUMNS.map((c) => rt(lang, `directory.columns.${c}`));

/** Whether any publicly listed matching row is synthetic demo data, so the export can say so up front. */
export async function anySynthetic(db: Kysely<Database>, filters: DirectoryFilters, today: string): Promise<boolean> {
  const where = filterSql(filters, today);
  const row = await db
    .selectFrom('organisations as o')
    .where(where ?? sql<SqlBool>`true`)
    .where(publiclyListed(today))
    .where('o.synthetic', '=', true)
    .select('o.id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The directory as CSV (UTF-8 with BOM so Excel reads the accents), streamed batch by batch. */
export function directoryCsv(db: Kysely<Database>, filters: DirectoryFilters, today: string, lang: Language): Readable {
  async function* lines() {
    yield `${CSV_BOM}${csvRow(headers(lang))}`;
    // csvRows neutralises an organisation name that would run as a formula in an officer's Excel (CSV injection).
    for await (const batch of directoryRows(db, filters, today)) yield csvRows(batch.map((item) => cells(item, lang)));
  }
  return Readable.from(lines());
}

/**
 * The directory as an xlsx workbook, written by ExcelJS's streaming writer straight into the response. When the
 * data is synthetic, the first row says so.
 */
export function directoryXlsx(
  db: Kysely<Database>,
  filters: DirectoryFilters,
  today: string,
  lang: Language,
  synthetic: boolean,
): Readable {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(rt(lang, 'import.sheetOrganisations'));
  sheet.columns = COLUMNS.map(() => ({ width: 24 }));
  void (async () => {
    if (synthetic) sheet.addRow([rt(lang, 'directory.syntheticNote')]).commit();
    const header = sheet.addRow(headers(lang));
    header.font = { bold: true };
    header.commit();
    for await (const batch of directoryRows(db, filters, today)) {
      for (const item of batch) sheet.addRow(cells(item, lang).map(neutraliseFormula)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}
