/**
 * The reading thread of an import (iati-import.read-thread.ts): parses and converts the chunks the main thread
 * sends ({@link readDrafts}, with the same byte guard, DOCTYPE refusal and limits as in the main thread) and
 * answers with the events of each chunk as soon as it asks for the next one, so that the main thread plans one
 * part of the file while this thread reads the next. One job at a time; the thread is kept for the next file.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import type { ReadIatiOptions } from './xml/read-activities';
import { readDrafts, type ReadEvent } from './iati-import.read';

/** Main thread → reading thread. */
export type ReadJobMessage = { start: ReadIatiOptions } | { chunk: Uint8Array | string } | { end: true };
/** Reading thread → main thread: the events read since the last answer; `need` asks for one more chunk. */
export type ReadAnswer = { events: ReadEvent[]; need: boolean; done: boolean; error?: string };

const port = parentPort!;
let job: { chunks: (Uint8Array | string | null)[]; wake: (() => void) | null } | null = null;
let events: ReadEvent[] = [];

/** The chunks of the current job, answering with what was read each time the reader asks for another. */
async function* chunks(): AsyncGenerator<Buffer | string, void, undefined> {
  let first = true;
  for (;;) {
    const current = job!;
    if (!first) {
      port.postMessage({ events, need: true, done: false } satisfies ReadAnswer);
      events = [];
    }
    first = false;
    while (current.chunks.length === 0) await new Promise<void>((resolve) => (current.wake = resolve));
    current.wake = null;
    const chunk = current.chunks.shift()!;
    if (chunk === null) return;
    yield typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

async function run(options: ReadIatiOptions): Promise<void> {
  try {
    for await (const event of readDrafts(chunks(), options)) events.push(event);
    port.postMessage({ events, need: false, done: true } satisfies ReadAnswer);
  } catch (error) {
    port.postMessage({ events, need: false, done: true, error: String(error) } satisfies ReadAnswer);
  } finally {
    events = [];
    job = null;
  }
}

port.on('message', (message: ReadJobMessage) => {
  if ('start' in message) {
    job = { chunks: [], wake: null };
    void run(message.start);
    return;
  }
  // Chunks still on their way when the reader stopped early (a fatal problem) belong to no job.
  if (!job) return;
  job.chunks.push('chunk' in message ? message.chunk : null);
  job.wake?.();
});
port.postMessage('ready');
