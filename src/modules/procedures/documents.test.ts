import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@files/test-support/zip-writer';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, multipart, pdf, upload, useTempDataDir } from './procedures.test-support';

let ctx: TestContext;
let dataDir: string;
let ngo: Session;
let otherNgo: Session;
let comingo: Session;
let dossierId: string;

beforeAll(async () => {
  dataDir = useTempDataDir();
  ctx = await createTestContext();
  const org = await createOrganisation(ctx);
  ngo = await ctx.signInAs('ngo', { organisationId: org });
  otherNgo = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx) });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  const draft = await ctx.call(ngo, {
    method: 'POST',
    url: '/api/dossiers',
    payload: { procedureCode: 'NEW_GDKHD', application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] } },
  });
  dossierId = draft.json().id;
});
afterAll(async () => ctx?.close());

describe('dossier documents', () => {
  it('stores a PDF under VNAID_DATA_DIR/uploads/<yyyy>/<uuid> with its SHA-256', async () => {
    const content = pdf('charter');
    const response = await upload(ctx, ngo, dossierId, 'CHARTER_COPY', content, 'Điều lệ.pdf');
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.mediaType).toBe('application/pdf');
    expect(body.fileName).toBe('Điều lệ.pdf');
    expect(body.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const row = await ctx.db.selectFrom('dossier_documents').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.storage_path).toMatch(/^uploads\/\d{4}\/[0-9a-f-]{36}$/);
    expect(readFileSync(path.join(dataDir, row.storage_path)).equals(content)).toBe(true);
  });

  it('detects the type from the content: a renamed executable is refused with 415', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const response = await ctx.call(ngo, {
      method: 'POST',
      url: `/api/dossiers/${dossierId}/documents?documentCode=CHARTER_COPY`,
      ...multipart('charter.pdf', exe, 'application/pdf'),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('accepts DOCX and XLSX by their zip parts', async () => {
    const docx = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    const response = await ctx.call(ngo, {
      method: 'POST',
      url: `/api/dossiers/${dossierId}/documents?documentCode=PROGRAMME_LIST_3Y`,
      ...multipart('list.docx', docx, 'application/octet-stream'),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses a file over 20 MB with 413 and stores nothing', async () => {
    const before = await ctx.db
      .selectFrom('dossier_documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const big = Buffer.concat([pdf(), Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const response = await ctx.call(ngo, {
      method: 'POST',
      url: `/api/dossiers/${dossierId}/documents?documentCode=LEGAL_ENTITY_PROOF`,
      ...multipart('big.pdf', big),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    const after = await ctx.db
      .selectFrom('dossier_documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses unknown checklist items, other organisations and a missing file', async () => {
    expect((await upload(ctx, ngo, dossierId, 'NOT_A_DOCUMENT')).statusCode).toBe(400);
    expect((await upload(ctx, otherNgo, dossierId, 'CHARTER_COPY')).statusCode).toBe(404);
    expect((await upload(ctx, comingo, dossierId, 'CHARTER_COPY')).statusCode).toBe(403);
    const json = await ctx.call(ngo, {
      method: 'POST',
      url: `/api/dossiers/${dossierId}/documents?documentCode=CHARTER_COPY`,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('downloads only for those who may see the dossier', async () => {
    const detail = (await ctx.call(ngo, { method: 'GET', url: `/api/dossiers/${dossierId}` })).json();
    const doc = detail.documents.find((d: { documentCode: string }) => d.documentCode === 'CHARTER_COPY');
    const url = `/api/dossiers/${dossierId}/documents/${doc.id}`;
    const own = await ctx.call(ngo, { method: 'GET', url });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(own.headers['x-content-sha256']).toBe(doc.sha256);
    expect((await ctx.call(otherNgo, { method: 'GET', url })).statusCode).toBe(404);
    // COMINGO sees no drafts, hence none of their files.
    expect((await ctx.call(comingo, { method: 'GET', url })).statusCode).toBe(404);
    expect((await ctx.call(null, { method: 'GET', url })).statusCode).toBe(401);
    expect(existsSync(dataDir)).toBe(true);
  });
});
