/**
 * Helpers shared by the procedures module's integration tests (not a test file itself).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { procedureFor } from '@domain/procedures';
import { testConfig, type Session, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';

/** Points uploads at a fresh temporary VNAID_DATA_DIR; call before createTestContext(). */
export function useTempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-uploads-'));
  testConfig.dataDir = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A small valid PDF-looking file (the signature is what counts). */
export const pdf = (text = 'test') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** A multipart/form-data body with one file field. */
export function multipart(fileName: string, content: Buffer, contentType = 'application/pdf') {
  const boundary = `----vnaid${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let orgCounter = 0;
/** Inserts an organisation and returns its id. */
export async function createOrganisation(ctx: TestContext, name = 'Test NGO'): Promise<string> {
  const row = await ctx.db
    .insertInto('organisations')
    .values({
      code: `T-${process.pid}-${++orgCounter}-${Math.random().toString(36).slice(2, 6)}`,
      name_original: `${name} ${orgCounter}`,
      name_en: `${name} ${orgCounter}`,
      country_code: 'GB',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Uploads one file for a checklist item. */
export const upload = (
  ctx: TestContext,
  session: Session,
  dossierId: string,
  documentCode: string,
  content: Buffer = pdf(documentCode),
  fileName = `${documentCode}.pdf`,
) =>
  ctx.call(session, {
    method: 'POST',
    url: `/api/dossiers/${dossierId}/documents?documentCode=${documentCode}`,
    ...multipart(fileName, content),
  });

/** Acts on a dossier with the version the caller last saw. */
export async function act(ctx: TestContext, session: Session, dossierId: string, body: Record<string, unknown>) {
  const current = await ctx.call(session, { method: 'GET', url: `/api/dossiers/${dossierId}` });
  const version = current.statusCode === 200 ? current.json().version : 1;
  return ctx.call(session, { method: 'POST', url: `/api/dossiers/${dossierId}/actions`, payload: { version, ...body } });
}

/** Creates a draft and uploads every document the procedure requires (one of each group of alternatives). */
export async function draftWithDocuments(ctx: TestContext, ngo: Session, body: Record<string, unknown>): Promise<string> {
  const created = await ctx.call(ngo, { method: 'POST', url: '/api/dossiers', payload: body });
  if (created.statusCode !== 201) throw new Error(`draft: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const version = procedureFor(String(body.procedureCode), vietnamToday());
  const groups = new Set<string>();
  for (const d of version.documents) {
    if (d.oneOf) {
      if (groups.has(d.oneOf)) continue;
      groups.add(d.oneOf);
    } else if (!d.required) continue;
    const r = await upload(ctx, ngo, id, d.code);
    if (r.statusCode !== 201) throw new Error(`upload ${d.code}: ${r.statusCode} ${r.body}`);
  }
  return id;
}

/** A submitted, accepted NEW_GDKHD dossier for `organisationId`, in CONSULTING with the given agencies. */
export async function consultingDossier(ctx: TestContext, ngo: Session, comingo: Session, agencyIds: string[]): Promise<string> {
  const id = await draftWithDocuments(ctx, ngo, {
    procedureCode: 'NEW_GDKHD',
    application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] },
  });
  for (const [s, body] of [
    [ngo, { action: 'SUBMIT' }],
    [comingo, { action: 'ACCEPT' }],
    [comingo, { action: 'START_CONSULTATION', agencyIds }],
  ] as const) {
    const r = await act(ctx, s, id, body);
    if (r.statusCode !== 200) throw new Error(`${body.action}: ${r.statusCode} ${r.body}`);
  }
  return id;
}
