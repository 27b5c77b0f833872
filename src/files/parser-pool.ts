/**
 * The worker threads that parse spreadsheets, kept warm between files: loading ExcelJS into a fresh thread costs
 * about half a second (several under load), so a thread that finished a file cleanly waits, unreferenced, for the
 * next one. Only a thread whose reader ran to the end of the file is kept: one that refused a file (a bound crossed,
 * unreadable XML: the reader left mid-file, with its streams and temporary files), crossed its heap limit, missed
 * its deadline or crashed is terminated and never reused.
 * At most `MAX_PARSERS` threads parse at once; other files wait their turn.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileBoundError, type SpreadsheetBounds } from './file-bounds';
import type { SheetAnswer, SheetJob } from './xlsx-rows.worker';

/** Parsing threads allowed at once (each may use its whole heap bound); the rest queue. */
const MAX_PARSERS = 2;

/** The ESM entry of tsx's API, so the thread can load the TypeScript worker as the main process does. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });`;

let tsxApi: string | undefined;
const idle: { worker: Worker; heapMb: number }[] = [];
let running = 0;
const waiting: (() => void)[] = [];

/** A new thread, resolved once it listens for jobs (it says `ready`). */
function spawn(heapMb: number): Promise<Worker> {
  tsxApi ??= tsxApiUrl();
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { tsxApi, entry: new URL('./xlsx-rows.worker.ts', import.meta.url).href },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  worker.on('exit', () => {
    const index = idle.findIndex((entry) => entry.worker === worker);
    if (index >= 0) idle.splice(index, 1);
  });
  return new Promise((resolve, reject) => {
    const onReady = (message: unknown) => {
      if (message !== 'ready') return;
      worker.off('error', onFailure);
      worker.off('message', onReady);
      resolve(worker);
    };
    const onFailure = (error: Error) => reject(error);
    worker.on('message', onReady);
    worker.once('error', onFailure);
  });
}

async function acquire(heapMb: number): Promise<Worker> {
  // A finishing task hands its slot straight to the next in line, so the count never goes over the limit.
  if (running >= MAX_PARSERS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  const index = idle.findIndex((entry) => entry.heapMb === heapMb);
  if (index >= 0) {
    const { worker } = idle.splice(index, 1)[0]!;
    worker.ref();
    return worker;
  }
  try {
    return await spawn(heapMb);
  } catch (error) {
    releaseSlot();
    throw error;
  }
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/**
 * Parses one file in a pooled thread within `bounds` (heap, deadline); any way the thread fails becomes
 * FileBoundError 'parser' (413), and that thread is discarded.
 */
export async function parseInWorker(bytes: Uint8Array, bounds: SpreadsheetBounds): Promise<SheetAnswer> {
  const heapMb = bounds.parser.maxHeapMb;
  const worker = await acquire(heapMb);
  const tooComplex = () => new FileBoundError('parser', heapMb);
  return new Promise<SheetAnswer>((resolve, reject) => {
    const done = (keep: boolean, action: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) {
        worker.unref();
        idle.push({ worker, heapMb });
      } else void worker.terminate();
      releaseSlot();
      action();
    };
    const onMessage = (answer: SheetAnswer) => done(answer.ok, () => resolve(answer));
    const onError = (error: Error & { code?: string }) =>
      done(false, () => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : error));
    const onExit = () => done(false, () => reject(tooComplex()));
    const timer = setTimeout(() => done(false, () => reject(tooComplex())), bounds.parser.timeoutMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ buffer: bytes, bounds } satisfies SheetJob, [bytes.buffer as ArrayBuffer]);
  });
}
