/**
 * Reads an import's file in a thread of its own (iati-import.read.worker.ts) so that parsing and converting (most
 * of a dry run's CPU time) run on the second core while the main thread plans the batches against the database.
 * The main thread still reads the bytes (progress and I/O errors stay its own) and hands them over chunk by chunk,
 * at most {@link AHEAD} chunks ahead of what the thread has read, and the thread answers with each chunk's events:
 * memory stays that of a few chunks whatever the file's size. The thread's heap is capped like the main thread's.
 * A thread that finished a file cleanly is kept, unreferenced, for the next one (starting one costs a second or
 * more: it loads the TypeScript sources); one that failed or was abandoned mid-file is terminated.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ReadIatiOptions } from './xml/read-activities';
import { readDrafts, type ReadEvent } from './iati-import.read';
import type { ReadAnswer, ReadJobMessage } from './iati-import.read.worker';

/** Files from this size are read in the thread; smaller ones are read faster than a thread is started. */
export const readSettings = { threadFromBytes: 4 * 1000 * 1000 };
/** Chunks handed over ahead of the one being read. */
const AHEAD = 2;

/** The ESM entry of tsx's API, so the thread can load the TypeScript worker as the main process does. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });`;

let idle: Worker | null = null;

function spawn(): Promise<Worker> {
  const heapMb = Math.ceil(getHeapStatistics().heap_size_limit / 1024 ** 2);
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { tsxApi: tsxApiUrl(), entry: new URL('./iati-import.read.worker.ts', import.meta.url).href },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise((resolve, reject) => {
    const onReady = (message: unknown) => {
      if (message !== 'ready') return;
      worker.off('error', reject);
      worker.off('message', onReady);
      resolve(worker);
    };
    worker.on('message', onReady);
    worker.once('error', reject);
  });
}

async function acquire(): Promise<Worker> {
  const worker = idle;
  idle = null;
  if (worker) {
    worker.ref();
    return worker;
  }
  return spawn();
}

/**
 * {@link readDrafts} of `stream`, read in the reading thread when the file is large enough ({@link readSettings}),
 * with the same events in the same order.
 * @throws the stream's I/O errors, and an Error when the thread fails (out of memory, a crash)
 */
export async function* readDraftsFor(
  stream: Readable,
  bytes: number,
  options: ReadIatiOptions = {},
): AsyncGenerator<ReadEvent, void, undefined> {
  if (bytes < readSettings.threadFromBytes) return yield* readDrafts(stream, options);
  const worker = await acquire();
  const answers: ReadAnswer[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const onMessage = (answer: ReadAnswer) => {
    answers.push(answer);
    wake?.();
  };
  const onError = (error: Error) => {
    failure = error;
    wake?.();
  };
  const onExit = () => onError(new Error('the IATI reading thread stopped'));
  worker.on('message', onMessage);
  worker.once('error', onError);
  worker.once('exit', onExit);
  const post = (message: ReadJobMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const source = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let ended = false;
  const send = async () => {
    if (ended) return;
    const next = await source.next();
    if (next.done) {
      ended = true;
      return post({ end: true });
    }
    if (typeof next.value === 'string') return post({ chunk: next.value });
    // A copy the thread owns (a file stream's chunks may share one pooled buffer).
    const copy = new Uint8Array(next.value);
    post({ chunk: copy }, [copy.buffer]);
  };
  let clean = false;
  try {
    post({ start: options });
    for (let i = 0; i < AHEAD; i++) await send();
    for (;;) {
      while (answers.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (failure) throw failure;
      const answer = answers.shift()!;
      if (answer.error) throw new Error(`IATI reading thread: ${answer.error}`);
      if (answer.need) await send();
      yield* answer.events;
      if (answer.done) {
        clean = true;
        return;
      }
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (clean && !idle) {
      worker.unref();
      idle = worker;
    } else void worker.terminate();
    // Stop reading the file when the reader stopped early (a fatal problem, or the planner failed).
    if (!ended) stream.destroy();
  }
}
