/**
 * An IATI import, streamed: the file is read activity by activity (constant memory whatever its size) and decided
 * in batches. The dry run only reads the database; the apply reads the file again inside ONE transaction and
 * writes each batch as it is decided, so that a problem anywhere (a truncated end of file, a failing statement)
 * rolls everything back: all or nothing.
 * @module
 */
import type { Readable } from 'node:stream';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { readDraftsFor } from './iati-import.read-thread';
import type { AidDraft } from './iati-import.convert';
import { loadReference, planBatch, type PlannedActivity } from './iati-import.plan';
import { ReportBuilder, type DonorView, type ImportReport } from './iati-import.report';
import { issuesText } from './iati-import.rules';
import { writeBatch } from './iati-import.writer';
import { OrgMatcher } from './iati-org-match';

type Db = Kysely<Database> | Transaction<Database>;

/** Activities decided (and, on apply, written) at a time; tests lower it to make an apply write before it fails. */
export const runSettings = { batch: 250 };
/** Tables an import fills (its own, and those the aid and statistics triggers keep). */
const ITEM_TABLES = ['aid_items', 'aid_locations', 'aid_sectors', 'aid_partners', 'aid_transactions', 'iati_activity_sources'];
/** Kept by the statistics triggers: they grow batch by batch only when the upkeep is not deferred. */
const STATISTICS_TABLES = ['aid_item_totals', 'aid_item_year_totals', 'stats_item_year', 'stats_item_place', 'stats_item_sector'];
/**
 * ANALYZE of the tables that grow while the import reads (it sees this transaction's own rows), through the schema
 * owner's `analyze_tables` (the runtime role owns no table, and only an owner may ANALYZE one). With the statistics
 * deferred to one recompute before the commit, their tables do not grow on the way: analysing them would only cost
 * time.
 */
async function analyzeGrowing(trx: Transaction<Database>, statisticsDeferred: boolean): Promise<void> {
  const tables = statisticsDeferred ? ITEM_TABLES : [...ITEM_TABLES, ...STATISTICS_TABLES];
  await sql`select analyze_tables(${tables}::text[])`.execute(trx);
}

/**
 * Whether an apply defers the statistics and totals upkeep to a set-based recompute of the items it wrote before it
 * commits (migrations 20261208160000 and 20261208160100): the per-statement triggers redid the same items'
 * aggregates batch after batch. `recomputeEvery` items written, it may also recompute those while the next batch
 * is read; by default it does not (measured on 100 MB: once 24 s and 16 database CPU-seconds, every 4,000 items
 * 26 s and 18, because each partial rebuild scans the grown tables again). A test turns the deferral off, or
 * recomputes after every item, to compare the paths.
 */
export const applySettings = { deferStatistics: true, recomputeEvery: Number.POSITIVE_INFINITY };

/** Makes this transaction's statistics and totals triggers skip (transaction-local: it never outlives the apply). */
async function deferStatistics(trx: Transaction<Database>): Promise<void> {
  await sql`select set_config('vnaid.defer_stats', 'on', true)`.execute(trx);
}

/**
 * What the skipped triggers would have written for the aid items `ids`, in one set-based pass. An apply calls it
 * every {@link applySettings.recomputeEvery} items written (while the next batch is being read) and once at the
 * end, which also ends the deferral.
 */
async function recomputeStatistics(trx: Transaction<Database>, ids: string[], last: boolean): Promise<void> {
  if (last) await sql`select stats_recompute_items(${ids}::uuid[])`.execute(trx);
  else await sql`select stats_recompute_items_kept(${ids}::uuid[])`.execute(trx);
}

/** Serialises applies: two imports touching the same identifiers would otherwise race on the unique index. */
const APPLY_LOCK = 4_242_017;

/** Where the bytes come from; `bytesRead` (a file stream's) lets long runs report progress. */
export type ImportSource = { open(): Readable & { bytesRead?: number }; bytes: number };

export type RunOptions = {
  /** Largest accepted file (reader limit, `iati_too_large` beyond). */
  maxBytes?: number;
  /** Called between batches with the share of the file read (0–1). */
  onProgress?: (fraction: number) => Promise<void> | void;
};

/** Thrown inside the apply's transaction when the file turns out to be unreadable: it rolls everything back. */
export class ImportAborted extends Error {
  override name = 'ImportAborted';
  constructor(readonly report: ImportReport) {
    super(`IATI import aborted: ${report.fatal?.code ?? 'unknown'}`);
  }
}

function donorView(p: PlannedActivity): DonorView | undefined {
  const d = p.draft.donor;
  if (!d) return undefined;
  const hit = p.match.kind === 'none' ? null : p.match.hit;
  return {
    name: d.name,
    ref: d.ref ?? null,
    match: p.match.kind,
    organisationId: hit?.organisationId ?? null,
    organisationName: hit?.name ?? null,
    score: hit?.score ?? null,
  };
}

/**
 * Reads the file and decides every activity; `write` (apply only) stores each planned batch.
 *
 * Pipelined: while one batch is decided and written (the database's work), the next one is read and converted
 * (this process's work), so that the two run side by side on two cores. One batch at most is in flight, so memory
 * stays that of two batches whatever the file's size. What the reader reports (problems, activities left out) is
 * recorded when the batch it came with is, so the report reads in the same order as when it was sequential.
 */
async function run(
  db: Db,
  source: ImportSource,
  out: ReportBuilder,
  options: RunOptions,
  write?: (batch: PlannedActivity[]) => Promise<void>,
): Promise<void> {
  const reference = await loadReference(db);
  const matcher = new OrgMatcher(db);
  let events: (() => void)[] = [];
  const builder = {
    report: out.report,
    problem: (p: Parameters<ReportBuilder['problem']>[0]) => void events.push(() => out.problem(p)),
    skip: (e: Parameters<ReportBuilder['skip']>[0]) => void events.push(() => out.skip(e)),
  };
  const counts = builder.report.counts;
  const stream = source.open();
  let batch: { index: number; line: number; draft: AidDraft; synthetic: boolean }[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const decide = async (pending: typeof batch) => {
    const planned = await planBatch(db, matcher, reference, pending);
    const accepted: PlannedActivity[] = [];
    planned.forEach((p) => {
      const base = { index: p.index, line: p.line, identifier: p.draft.identifier, title: p.draft.title_vi };
      // What manual entry would refuse is left out whole, with the rules it breaks (iati-import.rules.ts).
      if (p.refused.length) return out.skip({ ...base, reason: 'rules_failed', detail: issuesText(p.refused), notes: p.draft.notes });
      accepted.push(p);
      const donor = donorView(p);
      out.keep(
        {
          ...base,
          action: p.existing ? 'update' : 'create',
          ...(p.existing ? { changes: p.changes } : {}),
          ...(donor ? { donor } : {}),
          leftOut: p.leftOut,
          notes: p.draft.notes,
        },
        p.keep.length,
      );
      if (p.match.kind === 'likely' && donor) {
        out.likely({
          ref: donor.ref,
          name: donor.name,
          organisationId: p.match.hit.organisationId,
          organisationName: p.match.hit.name,
          score: p.match.hit.score,
        });
      }
    });
    if (write && accepted.length) await write(accepted);
    if (options.onProgress && source.bytes > 0) await options.onProgress(Math.min(1, (stream.bytesRead ?? 0) / source.bytes));
  };
  /** Hands the batch read so far over once the previous one is done, and goes on reading meanwhile. */
  const flush = async () => {
    const pending = batch;
    const reported = events;
    batch = [];
    events = [];
    await inFlight;
    inFlight = (async () => {
      for (const record of reported) record();
      if (pending.length) await decide(pending);
    })();
    // Awaited by the next flush (or at the end); until then a failure must not count as unhandled.
    inFlight.catch(() => undefined);
  };
  try {
    for await (const event of readDraftsFor(stream, source.bytes, options.maxBytes ? { maxBytes: options.maxBytes } : {})) {
      if (event.kind === 'problem') {
        const item = event.problem;
        builder.problem(item);
        if (item.severity === 'error') {
          counts.activities++;
          builder.skip({
            index: item.activityIndex ?? 0,
            line: item.line ?? null,
            identifier: item.identifier ?? null,
            title: null,
            reason: 'invalid_activity',
            detail: item.message.en,
          });
        }
        if (item.severity === 'fatal') return;
        continue;
      }
      counts.activities++;
      if (event.kind === 'skip') {
        if (event.vietnam) counts.vietnam++;
        builder.skip(event.skip);
        continue;
      }
      counts.vietnam++;
      batch.push({ index: event.index, line: event.line, draft: event.draft, synthetic: event.synthetic });
      if (batch.length >= runSettings.batch) await flush();
    }
    await flush();
  } finally {
    // The batch in flight, then what the reader reported after it (a fatal problem last; its batch is not decided).
    await inFlight;
    for (const record of events) record();
  }
}

/**
 * The dry run: what an apply would create, change and leave out, and why. Reads the database, writes nothing.
 * A file that cannot be read gives a report whose `fatal` says why.
 */
export async function dryRunImport(db: Kysely<Database>, source: ImportSource, options: RunOptions = {}): Promise<ImportReport> {
  const builder = new ReportBuilder(true);
  await run(db, source, builder, options);
  return builder.report;
}

/**
 * Applies an import in one transaction (see the module comment). `finish` runs last in the same transaction
 * (the HTTP flow marks its import row applied there).
 * @throws ImportAborted when the file cannot be read to its end; nothing is then changed
 */
export async function applyImport(
  db: Kysely<Database>,
  ctx: WriteContext,
  source: ImportSource,
  options: RunOptions & { importId?: string | null; finish?: (trx: Transaction<Database>, report: ImportReport) => Promise<void> } = {},
): Promise<ImportReport> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${APPLY_LOCK})`.execute(trx);
    const defer = applySettings.deferStatistics;
    if (defer) await deferStatistics(trx);
    const builder = new ReportBuilder(false);
    const importId = options.importId ?? null;
    let written: string[] = [];
    let batches = 0;
    await run(trx, source, builder, options, async (planned) => {
      written.push(...(await writeBatch(trx, ctx, importId, planned)));
      if (defer && written.length >= applySettings.recomputeEvery) {
        await recomputeStatistics(trx, written, false);
        written = [];
      }
      // Tables that grow inside this one transaction keep the plans made when they were small (the statistics
      // triggers' cached plans scan them whole): analysing them now and then keeps a large import linear.
      if (++batches % 16 === 0 && (batches & (batches - 1)) === 0)
        await analyzeGrowing(trx, defer && !Number.isFinite(applySettings.recomputeEvery));
    });
    if (builder.report.fatal) throw new ImportAborted(builder.report);
    if (defer) await recomputeStatistics(trx, written, true);
    await writeAudit(trx, ctx, {
      action: 'iati_import.apply',
      entityType: 'iati_import',
      entityId: importId,
      after: builder.report.counts,
    });
    await options.finish?.(trx, builder.report);
    return builder.report;
  });
}
