/**
 * Writing the bundle's files: CSV (UTF-8 with a byte-order mark so spreadsheet programs read the accents, CRLF,
 * a header of field names) and JSON (an envelope describing the dataset, then its items), both streamed to disk
 * with their size and SHA-256 computed on the way.
 * @module
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CSV_BOM, csvRow, csvRows, type CsvValue } from '@files/csv';
import type { BundleFile } from './opendata.tables';
import type { DatasetDoc } from './opendata.fields';
import type { Row } from './opendata.datasets';

/** A dataset value as a CSV value: lists joined by "; ", booleans as true/false, numbers as they are. */
const csvValue = (value: Row[string] | undefined): CsvValue =>
  Array.isArray(value) ? value.join('; ') : typeof value === 'boolean' ? String(value) : value;

/**
 * A CSV cell as the bundle writes it (src/files/csv: a value a spreadsheet would run as a formula gets an apostrophe
 * first; numbers and decimal strings such as "-250.50" keep their exact text).
 */
export function csvCell(value: Row[string]): string {
  return csvRow([csvValue(value)]).slice(0, -2);
}

/** Writes text pieces to `path`, returning the file's entry (size, SHA-256). */
async function write(
  path: string,
  name: string,
  contentType: string,
  pieces: AsyncIterable<string>,
  rows: () => number,
): Promise<BundleFile> {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const piece of pieces) {
    const buffer = Buffer.from(piece, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    if (!out.write(buffer)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { name, bytes, sha256: hash.digest('hex'), rows: rows(), contentType };
}

/** Envelope of every JSON file. */
export type JsonHead = { bundleDate: string; generatedAt: string; synthetic: boolean; documentation: string };

/**
 * Writes `<dataset>.csv` and `<dataset>.json` in `dir` from batches of rows (read once, written to both).
 * @returns the two file entries
 */
export async function writeDataset(dir: string, doc: DatasetDoc, batches: AsyncIterable<Row[]>, head: JsonHead): Promise<BundleFile[]> {
  const names = doc.fields.map((f) => f.name);
  const csv = createWriteStream(`${dir}/${doc.name}.csv`);
  const csvHash = createHash('sha256');
  let csvBytes = 0;
  let count = 0;
  const csvWrite = async (text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    csvHash.update(buffer);
    csvBytes += buffer.length;
    if (!csv.write(buffer)) await once(csv, 'drain');
  };
  await csvWrite(`${CSV_BOM}${csvRow(names)}`);
  async function* json(): AsyncGenerator<string> {
    const envelope = { dataset: doc.name, description: { vi: doc.vi, en: doc.en }, ...head, fields: names };
    yield `${JSON.stringify(envelope).slice(0, -1)},"items":[`;
    let first = true;
    for await (const batch of batches) {
      await csvWrite(csvRows(batch.map((row) => names.map((n) => csvValue(row[n] ?? null)))));
      for (const row of batch) {
        yield `${first ? '' : ','}\n${JSON.stringify(Object.fromEntries(names.map((n) => [n, row[n] ?? null])))}`;
        first = false;
        count++;
      }
    }
    yield '\n]}\n';
  }
  const jsonFile = await write(`${dir}/${doc.name}.json`, `${doc.name}.json`, 'application/json; charset=utf-8', json(), () => count);
  csv.end();
  await once(csv, 'finish');
  return [
    { name: `${doc.name}.csv`, bytes: csvBytes, sha256: csvHash.digest('hex'), rows: count, contentType: 'text/csv; charset=utf-8' },
    jsonFile,
  ];
}

/** Writes a small JSON document (the manifest). */
export async function writeJson(dir: string, name: string, value: unknown): Promise<BundleFile> {
  async function* one() {
    yield `${JSON.stringify(value, null, 2)}\n`;
  }
  return write(`${dir}/${name}`, name, 'application/json; charset=utf-8', one(), () => 1);
}
