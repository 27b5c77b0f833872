/**
 * The reading half of an import: the file's activities, each already decided as far as the file alone decides it
 * (a problem, an activity left out and why, or the aid draft it becomes). Pure of the database, so that it can run
 * in a thread of its own (iati-import.read-thread.ts) while the main thread plans and writes the batches.
 * @module
 */
import type { Readable } from 'node:stream';
import { isPipelineIdentifier } from '../../domain/iati/pipeline';
import type { VietnamRelevance } from '../../domain/iati/vietnam';
import { readIatiActivities, type ParseProblem, type ReadIatiOptions } from './xml/read-activities';
import { toAidDraft, type AidDraft } from './iati-import.convert';
import type { SkipReason } from './iati-import.report';
import { VNAID_PUBLISHER } from './iati-publisher';

/** One activity left out by the file alone: the report's skip entry. */
export type ReadSkip = {
  index: number;
  line: number | null;
  identifier: string | null;
  title: string | null;
  reason: SkipReason;
  detail: string;
};

/** What the reader hands the planner, in the file's order. */
export type ReadEvent =
  | { kind: 'problem'; problem: ParseProblem }
  | { kind: 'skip'; vietnam: boolean; skip: ReadSkip }
  | { kind: 'draft'; index: number; line: number; draft: AidDraft; synthetic: boolean };

/** Why an activity does not concern Viet Nam, in a few words (the evidence the reader found, if any). */
function evidenceOf(v: VietnamRelevance): string {
  return v.evidence.length
    ? v.evidence.map((e) => `${e.kind} ${e.detail}${e.strong ? '' : ' (weak)'}`).join('; ')
    : 'no Viet Nam country, province or location';
}

/**
 * Reads the file and converts every activity about Viet Nam to its aid draft; vnaid's own proposals, activities
 * not about Viet Nam, repeated identifiers and activities without a donor are left out with their reason.
 * A `fatal` problem is the last event.
 */
export async function* readDrafts(
  stream: Readable | AsyncIterable<Buffer | string>,
  options: ReadIatiOptions = {},
): AsyncGenerator<ReadEvent, void, undefined> {
  const seen = new Set<string>();
  for await (const item of readIatiActivities(stream, options)) {
    if (item.kind === 'problem') {
      yield { kind: 'problem', problem: item };
      if (item.severity === 'fatal') return;
      continue;
    }
    const a = item.activity;
    const entry = { index: item.index, line: item.line, identifier: a.identifier, title: a.titles.vi ?? a.titles.en ?? null };
    // vnaid's own published proposals (its IATI pipeline document) are aid sought, not aid to record.
    if (isPipelineIdentifier(a.identifier, VNAID_PUBLISHER.ref)) {
      yield { kind: 'skip', vietnam: false, skip: { ...entry, reason: 'vnaid_proposal', detail: a.identifier } };
      continue;
    }
    if (!item.vietnam.concernsVietnam) {
      yield { kind: 'skip', vietnam: false, skip: { ...entry, reason: 'not_vietnam', detail: evidenceOf(item.vietnam) } };
      continue;
    }
    if (seen.has(a.identifier)) {
      yield { kind: 'skip', vietnam: true, skip: { ...entry, reason: 'duplicate_identifier', detail: a.identifier } };
      continue;
    }
    seen.add(a.identifier);
    const draft = toAidDraft(a, item.warnings);
    if (!draft.donor) {
      const detail = 'no reporting or funding organisation with a name or identifier';
      yield { kind: 'skip', vietnam: true, skip: { ...entry, reason: 'no_donor', detail } };
      continue;
    }
    yield { kind: 'draft', index: item.index, line: item.line, draft, synthetic: item.document.synthetic };
  }
}
