import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { PassThrough, Readable } from 'node:stream';
import enAid from '@common/i18n/en/aid.json';
import viAid from '@common/i18n/vi/aid.json';
import type { Language } from '@common/i18n/languages';
import type { Database } from '@db/types';
import { CSV_BOM, csvRow, csvRows, neutraliseFormula } from '@files/csv';
import { listAidRows, type Audience } from './aid-items.repository';
import type { AidListItem, ExportAidQuery } from './aid-items.schemas';

/** The most rows one export carries; the list filters narrow anything larger. */
export const EXPORT_LIMIT = 200_000;
const BATCH = 2_000;

const COLUMNS = [
  'code',
  'titleVi',
  'titleEn',
  'modality',
  'status',
  'donor',
  'donorCountry',
  'governingAgency',
  'approvalDate',
  'plannedStart',
  'plannedEnd',
  'provinces',
  'committedUsd',
  'disbursedUsd',
] as const;
type Catalogue = typeof viAid;
const catalogues: Record<Language, Catalogue> = { vi: viAid, en: enAid };

/** Province names of the current units, for readable exports (ids stay in the API). */
export type ProvinceNames = Map<string, string>;

export async function provinceNames(db: Kysely<Database>, lang: Language): Promise<ProvinceNames> {
  const rows = await db.selectFrom('provinces').select(['id', 'name_vi', 'name_en']).where('scheme', '=', 'new34').execute();
  return new Map(rows.map((r) => [r.id, lang === 'en' ? r.name_en : r.name_vi]));
}

/** One exported row, labels in the request's language; money stays a decimal string (already rounded). */
function cells(item: AidListItem, lang: Language, provinces: ProvinceNames): (string | null)[] {
  const c = catalogues[lang];
  return [
    item.code,
    item.titleVi,
    item.titleEn,
    c.modality[item.modality],
    c.status[item.status],
    item.donorName,
    item.donorCountryCode,
    item.governingAgencyId,
    item.approvalDate,
    item.plannedStart,
    item.plannedEnd,
    item.provinces.map((id) => provinces.get(id) ?? id).join('; '),
    item.committedUsd,
    item.disbursedUsd,
  ];
}

/** Every matching row, batch by batch, in the list's order. */
async function* rows(db: Kysely<Database>, audience: Audience, query: ExportAidQuery): AsyncGenerator<AidListItem[]> {
  for (let offset = 0; offset < EXPORT_LIMIT; offset += BATCH) {
    const batch = await listAidRows(db, audience, query, { limit: Math.min(BATCH, EXPORT_LIMIT - offset), offset });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < BATCH) return;
  }
}

const headers = (lang: Language) => COLUMNS.map((column) => catalogues[lang].export.columns[column]);

/**
 * The aid list as CSV: UTF-8 with a BOM (Excel reads the accents), a first line saying the data is synthetic
 * when it is, then the header and the rows, streamed batch by batch.
 */
export function aidCsv(
  db: Kysely<Database>,
  audience: Audience,
  query: ExportAidQuery,
  lang: Language,
  synthetic: boolean,
  provinces: ProvinceNames,
): Readable {
  async function* lines() {
    yield CSV_BOM;
    if (synthetic) yield csvRow([catalogues[lang].export.syntheticNote]);
    yield csvRow(headers(lang));
    // csvRows neutralises text a spreadsheet would run as a formula (CSV injection), not plain numbers.
    for await (const batch of rows(db, audience, query)) yield csvRows(batch.map((item) => cells(item, lang, provinces)));
  }
  return Readable.from(lines());
}

/**
 * The aid list as an xlsx workbook from ExcelJS's streaming writer: a synthetic-data note in the first row and in
 * a notes sheet when the data is synthetic; USD columns as numbers so the sheet can sum them (they are display
 * values, already rounded to cents by the database).
 */
export function aidXlsx(
  db: Kysely<Database>,
  audience: Audience,
  query: ExportAidQuery,
  lang: Language,
  synthetic: boolean,
  provinces: ProvinceNames,
): Readable {
  const c = catalogues[lang];
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(c.export.sheet);
  sheet.columns = COLUMNS.map((column) => ({ width: column.startsWith('title') ? 48 : 18 }));
  void (async () => {
    if (synthetic) sheet.addRow([c.export.syntheticNote]).commit();
    const header = sheet.addRow(headers(lang));
    header.font = { bold: true };
    header.commit();
    for await (const batch of rows(db, audience, query)) {
      for (const item of batch) {
        const values: (string | number | null)[] = cells(item, lang, provinces).map((v) => (v === null ? null : neutraliseFormula(v)));
        values[12] = Number(item.committedUsd);
        values[13] = Number(item.disbursedUsd);
        sheet.addRow(values).commit();
      }
    }
    sheet.commit();
    const notes = workbook.addWorksheet(c.export.notesSheet);
    for (const line of [synthetic ? c.export.syntheticNote : null, c.export.moneyNote, c.export.provinceNote].filter(Boolean))
      notes.addRow([line]).commit();
    notes.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}
