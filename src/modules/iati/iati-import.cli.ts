import { createReadStream, promises as fs } from 'node:fs';
import os from 'node:os';
import { migrate } from '@db/migrate';
import { CliError, parseToolArgs, resolveUserPath, toolConfig, withToolDatabase, type ToolIo } from '../../cli/tool';
import { applyImport, dryRunImport, ImportAborted, type ImportSource } from './iati-import.run';
import type { ImportReport } from './iati-import.report';
import { DEFAULT_MAX_BYTES, FILE_CHUNK } from './xml/read-activities';

const USAGE = 'npm run iati-import -- FILE [--dry-run]';

/**
 * The contract's summary line: `{"activities","vietnam","created","updated","skipped","errors":[...]}`, then
 * `unchanged` (existing items the file does not change; `updated` counts only real changes).
 */
export function summaryLine(report: ImportReport): string {
  const errors = [...(report.fatal ? [report.fatal] : []), ...report.problems.filter((p) => p.severity !== 'warning')].map((p) => ({
    code: p.code,
    message: p.message.en,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.identifier !== undefined ? { identifier: p.identifier } : {}),
  }));
  const c = report.counts;
  return JSON.stringify({
    activities: c.activities,
    vietnam: c.vietnam,
    created: c.created,
    updated: c.updated,
    skipped: c.skipped,
    errors,
    unchanged: c.unchanged,
  });
}

/** A file the command cannot even open: the reason, in words an operator understands. */
async function checkFile(path: string, maxBytes: number): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(path);
    await fs.access(path, fs.constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}; nothing was changed`,
    );
  }
  if (!stat.isFile()) throw new CliError(`cannot read ${path}: not a file; nothing was changed`);
  if (stat.size > maxBytes)
    throw new CliError(
      `cannot import ${path}: ${stat.size} bytes is more than the limit of ${maxBytes} bytes (iati_too_large); nothing was changed`,
    );
  return stat.size;
}

/**
 * `npm run iati-import -- FILE [--dry-run]`: imports an IATI activity file into the database of VNAID_DATA_DIR or
 * DATABASE_URL (all or nothing), or with --dry-run only reports. Progress and problems go to stderr; the last line
 * on stdout is the JSON summary. A file it cannot read fails with a clear message and changes nothing.
 * @returns the exit code (0 imported or checked, 1 refused)
 */
export async function iatiImportCommand(argv: string[], io: ToolIo, maxBytes = DEFAULT_MAX_BYTES): Promise<number> {
  const { values, positionals } = parseToolArgs(argv, { 'dry-run': { type: 'boolean' } }, USAGE);
  if (positionals.length !== 1) throw new CliError(`usage: ${USAGE}`, 2);
  const path = resolveUserPath(positionals[0]!);
  let bytes: number;
  try {
    bytes = await checkFile(path, maxBytes);
  } catch (error) {
    // The summary line comes last even then, so scripts reading it always get one.
    const code = /iati_too_large/.test((error as Error).message) ? 'iati_too_large' : 'file_unreadable';
    io.out(
      JSON.stringify({
        activities: 0,
        vietnam: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        errors: [{ code, message: (error as Error).message }],
        unchanged: 0,
      }),
    );
    throw error;
  }
  const config = toolConfig();
  const source: ImportSource = { open: () => createReadStream(path, { highWaterMark: FILE_CHUNK }), bytes };
  // An import into a folder without a database is a wrong VNAID_DATA_DIR, not a wish for an empty database.
  const report = await withToolDatabase(
    config,
    io,
    async (handle) => {
      const applied = await migrate(handle.pool);
      if (applied.length) io.err(`applied ${applied.length} migration(s) first`);
      if (values['dry-run']) return dryRunImport(handle.db, source, { maxBytes });
      const ctx = { actor: null, label: `command line: iati-import (${os.userInfo().username})` };
      try {
        return await applyImport(handle.db, ctx, source, { maxBytes });
      } catch (error) {
        if (error instanceof ImportAborted) return error.report;
        throw error;
      }
    },
    { mustExist: true },
  );
  const c = report.counts;
  if (report.fatal) io.err(`cannot import ${path}: ${report.fatal.message.en} (${report.fatal.code}); nothing was changed`);
  else {
    io.err(
      `${values['dry-run'] ? 'dry run (nothing written)' : 'imported'}: ${c.activities} activities read, ${c.vietnam} about Viet Nam, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} left out, ${c.partsLeftOut} parts left out`,
    );
    for (const [reason, n] of Object.entries(report.skippedByReason)) io.err(`  left out, ${reason}: ${n}`);
    for (const [reason, n] of Object.entries(report.partsLeftOutByReason)) io.err(`  parts left out, ${reason}: ${n}`);
    for (const d of report.likelyDuplicates)
      io.err(`  likely duplicate: "${d.name}" ${d.ref ?? ''} ~ "${d.organisationName}" (${d.score}), ${d.activities} activities`);
  }
  io.out(summaryLine(report));
  return report.fatal ? 1 : 0;
}
