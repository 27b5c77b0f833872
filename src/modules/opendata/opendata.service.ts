import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { vietnamToday } from '@common/time/vietnam-today';
import { hasSyntheticData } from '@modules/stats/stats.service';
import { directoryDataset, statisticsDatasets, statisticsYears, type Row } from './opendata.datasets';
import { DATASETS } from './opendata.fields';
import { needsDataset } from '@modules/programme/needs-opendata';
import { writeDataset, writeJson, type JsonHead } from './opendata.files';
import type { BundleFile } from './opendata.tables';

/** Bundles kept on disk and listed; older ones are deleted when a new one is built. */
export const KEEP_BUNDLES = 30;
/** Where the field documentation is served. */
export const FIELDS_URL = '/api/public/opendata/fields';

/** A bundle as the index lists it. */
export type BundleView = { date: string; createdAt: string; synthetic: boolean; files: (BundleFile & { url: string })[] };

async function* once(rows: Row[]): AsyncGenerator<Row[]> {
  yield rows;
}

/**
 * Builds the open-data bundle of `date` (Vietnam's today by default) under `<dataDir>/opendata/<date>/`: the
 * directory, the statistics by year, province and sector, and the needs catalogue's public proposals, each as CSV
 * and JSON, and a manifest. Files are
 * written to a temporary folder first, so a download never sees half a bundle; rebuilding a day replaces it.
 * Bundles beyond the {@link KEEP_BUNDLES} newest are deleted.
 */
export async function buildBundle(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  options: { date?: string; jobId?: string | null } = {},
): Promise<BundleView> {
  const date = options.date ?? vietnamToday();
  const root = path.join(dataDir, 'opendata');
  await fs.mkdir(root, { recursive: true });
  const tmp = path.join(root, `.${date}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(tmp);
  try {
    const head: JsonHead = {
      bundleDate: date,
      generatedAt: new Date().toISOString(),
      synthetic: await hasSyntheticData(db),
      documentation: FIELDS_URL,
    };
    const files: BundleFile[] = [];
    const doc = (name: (typeof DATASETS)[number]['name']) => DATASETS.find((d) => d.name === name)!;
    files.push(...(await writeDataset(tmp, doc('directory'), directoryDataset(db, date), head)));
    const stats = await statisticsDatasets(db, await statisticsYears(db, date));
    for (const name of ['stats-by-year', 'stats-by-province', 'stats-by-sector'] as const)
      files.push(...(await writeDataset(tmp, doc(name), once(stats[name]), head)));
    files.push(...(await writeDataset(tmp, doc('needs'), needsDataset(db), head)));
    files.push(
      await writeJson(tmp, 'manifest.json', {
        ...head,
        publisher: {
          vi: 'Bộ Ngoại giao – Hệ thống thông tin về tổ chức phi chính phủ nước ngoài (vnaid)',
          en: 'Ministry of Foreign Affairs – vnaid',
        },
        datasets: DATASETS.map((d) => ({ name: d.name, description: { vi: d.vi, en: d.en }, files: [`${d.name}.csv`, `${d.name}.json`] })),
        files,
      }),
    );
    const final = path.join(root, date);
    await fs.rm(final, { recursive: true, force: true });
    await fs.rename(tmp, final);
    await db.transaction().execute(async (trx) => {
      const values = {
        directory: final,
        files: JSON.stringify(files),
        synthetic: head.synthetic,
        job_id: options.jobId ?? null,
        created_at: new Date(),
      };
      await trx
        .insertInto('opendata_bundles')
        .values({ bundle_date: date, ...values })
        .onConflict((oc) => oc.column('bundle_date').doUpdateSet(values))
        .execute();
      await writeAudit(trx, ctx, {
        action: 'opendata.bundle',
        entityType: 'opendata_bundle',
        entityId: date,
        after: { files: files.map((f) => ({ name: f.name, rows: f.rows, sha256: f.sha256 })) },
      });
    });
    await prune(db, root);
    return (await listBundles(db, 1))[0]!;
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes bundles beyond the newest {@link KEEP_BUNDLES}, and folders left by an interrupted build. */
async function prune(db: Kysely<Database>, root: string): Promise<void> {
  const old = await db
    .selectFrom('opendata_bundles')
    .select(['bundle_date', 'directory'])
    .orderBy('bundle_date', 'desc')
    .offset(KEEP_BUNDLES)
    .limit(1000)
    .execute();
  for (const b of old) {
    await fs.rm(b.directory, { recursive: true, force: true });
    await db.deleteFrom('opendata_bundles').where('bundle_date', '=', b.bundle_date).execute();
  }
  for (const entry of await fs.readdir(root)) {
    const stat = await fs.stat(path.join(root, entry)).catch(() => undefined);
    if (entry.startsWith('.') && stat && Date.now() - stat.mtimeMs > 6 * 3_600_000)
      await fs.rm(path.join(root, entry), { recursive: true, force: true });
  }
}

/** The newest bundles with their files and download addresses. */
export async function listBundles(db: Kysely<Database>, limit = KEEP_BUNDLES): Promise<BundleView[]> {
  const rows = await db
    .selectFrom('opendata_bundles')
    .select(['bundle_date', 'created_at', 'synthetic', sql<BundleFile[]>`files`.as('files')])
    .orderBy('bundle_date', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    date: r.bundle_date,
    createdAt: r.created_at.toISOString(),
    synthetic: r.synthetic,
    files: r.files.map((f) => ({ ...f, url: `/api/public/opendata/${r.bundle_date}/${f.name}` })),
  }));
}

/**
 * A file of a bundle (`latest` = the newest bundle), opened for streaming.
 * @throws AppError not_found for an unknown bundle or file (only names listed in the bundle are served)
 */
export async function openBundleFile(
  db: Kysely<Database>,
  date: string,
  name: string,
): Promise<{ stream: Readable; file: BundleFile; date: string }> {
  let query = db.selectFrom('opendata_bundles').select(['bundle_date', 'directory', sql<BundleFile[]>`files`.as('files')]);
  query = date === 'latest' ? query.orderBy('bundle_date', 'desc').limit(1) : query.where('bundle_date', '=', date);
  const bundle = await query.executeTakeFirst();
  const file = bundle?.files.find((f) => f.name === name);
  if (!bundle || !file) throw notFound('opendata_file');
  const handle = await fs.open(path.join(bundle.directory, file.name)).catch(() => undefined);
  if (!handle) throw notFound('opendata_file');
  return { stream: handle.createReadStream(), file, date: bundle.bundle_date };
}
