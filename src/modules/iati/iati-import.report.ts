/**
 * The report of an import, the same for the dry run and the apply: counts that are always complete, and lists of
 * what is created, changed and left out (and why) that stop at {@link LIST_LIMIT} entries each, so a 200 MB file
 * still gives a report of a few hundred kilobytes.
 * @module
 */
import type { ActivityEntry, FileProblem, ImportReport, LikelyDuplicate, SkipReason } from '@common/iati/import-report';
import type { ParseProblem } from './xml/types';

export type {
  ActivityEntry,
  DonorView,
  FileProblem,
  ImportCounts,
  ImportReport,
  LikelyDuplicate,
  SkipReason,
} from '@common/iati/import-report';

/** Entries kept per list (created, updated, skipped, problems). */
export const LIST_LIMIT = 200;

/** A reader problem as the report shows it. */
export function fileProblem(p: ParseProblem): FileProblem {
  const out: FileProblem = { code: p.code, severity: p.severity, message: p.message };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.identifier !== undefined) out.identifier = p.identifier;
  return out;
}

/** Accumulates a report while activities stream past. */
export class ReportBuilder {
  readonly report: ImportReport;
  private readonly duplicates = new Map<string, LikelyDuplicate>();

  constructor(dryRun: boolean) {
    this.report = {
      dryRun,
      counts: { activities: 0, vietnam: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, transactionsKept: 0, partsLeftOut: 0 },
      skippedByReason: {},
      partsLeftOutByReason: {},
      organisations: { ref: 0, name: 0, likely: 0, none: 0 },
      created: [],
      updated: [],
      skipped: [],
      likelyDuplicates: [],
      problems: [],
      fatal: null,
      listsTruncated: false,
    };
  }

  private push<T>(list: T[], entry: T): void {
    if (list.length < LIST_LIMIT) list.push(entry);
    else this.report.listsTruncated = true;
  }

  /** A problem reported by the reader (a fatal one ends the report). */
  problem(p: ParseProblem): void {
    if (p.severity === 'fatal') this.report.fatal = fileProblem(p);
    else this.push(this.report.problems, fileProblem(p));
  }

  /** An activity left out entirely. */
  skip(entry: Omit<ActivityEntry, 'action'> & { reason: SkipReason }): void {
    const r = this.report;
    r.counts.skipped++;
    r.skippedByReason[entry.reason] = (r.skippedByReason[entry.reason] ?? 0) + 1;
    this.push(r.skipped, { ...entry, action: 'skip' });
  }

  /**
   * An activity that creates or updates an aid item, with its parts left out. An update that changes nothing is
   * counted as `unchanged`, not `updated` (and is not written: see writeBatch).
   */
  keep(entry: ActivityEntry & { action: 'create' | 'update' }, transactionsKept: number): void {
    const r = this.report;
    const unchanged = entry.action === 'update' && entry.changes?.length === 0;
    if (entry.action === 'create') r.counts.created++;
    else if (unchanged) r.counts.unchanged++;
    else r.counts.updated++;
    r.counts.transactionsKept += transactionsKept;
    for (const part of entry.leftOut ?? []) {
      r.counts.partsLeftOut++;
      r.partsLeftOutByReason[part.reason] = (r.partsLeftOutByReason[part.reason] ?? 0) + 1;
    }
    if (entry.donor) r.organisations[entry.donor.match]++;
    if (!unchanged) this.push(entry.action === 'create' ? r.created : r.updated, entry);
  }

  /** Counts one more activity of a publisher that is a likely duplicate of a registered organisation. */
  likely(duplicate: Omit<LikelyDuplicate, 'activities'>): void {
    const key = `${duplicate.ref ?? ''}\u0000${duplicate.name}\u0000${duplicate.organisationId}`;
    const known = this.duplicates.get(key);
    if (known) known.activities++;
    else {
      const entry = { ...duplicate, activities: 1 };
      this.duplicates.set(key, entry);
      this.report.likelyDuplicates.push(entry);
    }
  }
}
