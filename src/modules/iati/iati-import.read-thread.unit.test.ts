import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeActivities } from '@domain/iati/serialize';
import { activitiesForEveryModality, buildActivity, complexActivity } from '../../../test/fixtures/iati/activities';
import { readDrafts, type ReadEvent } from './iati-import.read';
import { readDraftsFor, readSettings } from './iati-import.read-thread';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/iati/', import.meta.url));
const threadFrom = readSettings.threadFromBytes;
afterEach(() => void (readSettings.threadFromBytes = threadFrom));

/** The bytes cut into small chunks, as a file stream hands them over (a chunk boundary inside a character too). */
const chunked = (bytes: Buffer, size = 1000) => {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks, { objectMode: false });
};

async function collect(events: AsyncIterable<ReadEvent>): Promise<ReadEvent[]> {
  const out: ReadEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** A file with every kind of event: drafts, a repeated identifier, an activity not about Viet Nam, a bad one. */
function mixedFile(): Buffer {
  const good = [...activitiesForEveryModality(), complexActivity()];
  const abroad = buildActivity({ identifier: 'XI-IATI-ABROAD-1', recipientCountries: [{ code: 'LA', percentage: '100' }], locations: [] });
  const xml = serializeActivities([...good, abroad], { generatedAt: '2026-11-01T00:00:00Z' });
  const first = xml.slice(xml.indexOf('<iati-activity '), xml.indexOf('</iati-activity>') + '</iati-activity>'.length);
  // The first activity again (a repeated identifier), and one without its identifier (an error; reading goes on).
  const broken = xml
    .replace('</iati-activities>', `${first}\n</iati-activities>`)
    .replace('<iati-identifier>XI-IATI-ABROAD-1</iati-identifier>', '');
  return Buffer.from(broken, 'utf8');
}

describe('reading an import in its own thread', () => {
  it('gives the same events in the same order as reading in the main thread', async () => {
    const bytes = mixedFile();
    const here = await collect(readDrafts(chunked(bytes)));
    readSettings.threadFromBytes = 0;
    const there = await collect(readDraftsFor(chunked(bytes), bytes.length));
    expect(here.map((e) => e.kind)).toEqual(expect.arrayContaining(['draft', 'skip', 'problem']));
    expect(there).toEqual(here);
  });

  it('ends with the fatal problem of a truncated or hostile file, as in the main thread, and reads the next file', async () => {
    readSettings.threadFromBytes = 0;
    for (const name of ['truncated.xml', 'billion-laughs.xml', 'external-entity.xml']) {
      const bytes = readFileSync(`${FIXTURES}${name}`);
      const here = await collect(readDrafts(chunked(bytes, 64)));
      const there = await collect(readDraftsFor(chunked(bytes, 64), bytes.length));
      expect(there, name).toEqual(here);
      const last = there.at(-1);
      expect(last?.kind === 'problem' && last.problem.severity).toBe('fatal');
    }
  });

  it('refuses a file over the byte limit in the thread too', async () => {
    readSettings.threadFromBytes = 0;
    const bytes = mixedFile();
    const events = await collect(readDraftsFor(chunked(bytes), bytes.length, { maxBytes: 2000 }));
    const last = events.at(-1);
    expect(last?.kind === 'problem' && [last.problem.severity, last.problem.code]).toEqual(['fatal', 'iati_too_large']);
  });
});
