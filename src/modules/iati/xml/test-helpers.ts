/** Helpers shared by the reader tests (not used by production code). */
import { Readable } from 'node:stream';
import { readAllIatiActivities } from './read-activities';
import type { ParsedActivity, ParseProblem, ReadIatiOptions } from './types';

/** Reads a document given as text or bytes, optionally cut into chunks of `chunkSize` bytes. */
export function readDoc(doc: string | Buffer, opts: ReadIatiOptions = {}, chunkSize = 65536): Promise<(ParsedActivity | ParseProblem)[]> {
  const bytes = typeof doc === 'string' ? Buffer.from(doc, 'utf8') : doc;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return readAllIatiActivities(Readable.from(chunks, { objectMode: false }), opts);
}

/** The parsed activities of a result list. */
export const activitiesOf = (items: (ParsedActivity | ParseProblem)[]) => items.filter((i): i is ParsedActivity => i.kind === 'activity');

/** The problems of a result list. */
export const problemsOf = (items: (ParsedActivity | ParseProblem)[]) => items.filter((i): i is ParseProblem => i.kind === 'problem');

/** Wraps activity XML in a root element. */
export const doc = (body: string, version = '2.03', rootAttrs = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="${version}"${rootAttrs}>\n${body}\n</iati-activities>\n`;

/** The minimum activity text with an identifier. */
export const activityXml = (id: string, inner = '', attrs = '') =>
  `<iati-activity${attrs}><iati-identifier>${id}</iati-identifier><reporting-org ref="XI-IATI-T" type="21"><narrative>T</narrative></reporting-org><title><narrative>T</narrative></title>${inner}</iati-activity>`;
