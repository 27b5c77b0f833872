/**
 * Reading the first sheet of an uploaded xlsx without letting the file decide how much memory or time it takes.
 * Here, without blocking the event loop (yauzl inflates through zlib's thread pool): the zip's central directory
 * (entries, declared sizes, ratio), every entry inflated once into nothing with its real size checked, and every
 * worksheet's declared `<dimension>`. Then a worker thread with a capped heap and a deadline streams the rows with
 * ExcelJS, counting them; at most `MAX_PARSERS` such threads run at once, others wait their turn.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileBoundError, type BoundKind, type SpreadsheetBounds } from './file-bounds';
import type { SheetAnswer, SheetJob, SheetRow } from './xlsx-rows.worker';
import { declaredDimension } from './xlsx-dimension';
import { inflateZipChecked } from './zip-inspect';

export type { SheetRow } from './xlsx-rows.worker';

/** The ESM entry of tsx's API, so the thread can load the TypeScript worker as the main process does. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

let tsxApi: string | undefined;

const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });`;

/** Runs the worker on one file; any way it dies (heap, deadline, crash) becomes a FileBoundError. */
function runWorker(bytes: Uint8Array, bounds: SpreadsheetBounds): Promise<SheetAnswer> {
  tsxApi ??= tsxApiUrl();
  const job: SheetJob = { buffer: bytes, bounds };
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { ...job, tsxApi, entry: new URL('./xlsx-rows.worker.ts', import.meta.url).href },
    transferList: [bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: bounds.parser.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const tooComplex = () => new FileBoundError('parser', bounds.parser.maxHeapMb);
    const timer = setTimeout(() => finish(() => reject(tooComplex())), bounds.parser.timeoutMs);
    worker.once('message', (answer: SheetAnswer) => finish(() => resolve(answer)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : error)),
    );
    worker.once('exit', () => finish(() => reject(tooComplex())));
  });
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Refuses a workbook any of whose worksheets declares a used range beyond the bounds, before a row is read. */
function checkDimensions(heads: Map<string, string>, bounds: SpreadsheetBounds['sheet']): void {
  for (const head of heads.values()) {
    const dimension = declaredDimension(head);
    if (dimension && (dimension.rows > bounds.maxRows || dimension.columns > bounds.maxColumns)) {
      throw new FileBoundError('dimension', bounds.maxRows, dimension.ref);
    }
  }
}

/** Parsing threads allowed at once (each may use its whole heap bound); the rest queue. */
const MAX_PARSERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withParserSlot<T>(task: () => Promise<T>): Promise<T> {
  // A finishing task hands its slot straight to the next in line, so the count never goes over the limit.
  if (running >= MAX_PARSERS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * The non-empty rows of the first worksheet of `buffer` (row numbers as a spreadsheet shows them, cell texts of
 * columns 1…n), read within `bounds`.
 * @throws FileBoundError over a bound ('entries', 'unpacked', 'ratio', 'parser' → 413; 'dimension', 'rows',
 *   'columns', 'cells' → 422) or 'unreadable' when the file is not a readable workbook
 */
export async function readSpreadsheetRows(buffer: Buffer, bounds: SpreadsheetBounds): Promise<SheetRow[]> {
  const heads = await inflateZipChecked(buffer, bounds.zip, (name) => WORKSHEET.test(name));
  checkDimensions(heads, bounds.sheet);
  const answer = await withParserSlot(() => runWorker(new Uint8Array(buffer), bounds));
  if (answer.ok) return answer.rows;
  throw new FileBoundError(answer.error.kind as BoundKind, answer.error.limit, answer.error.found);
}
