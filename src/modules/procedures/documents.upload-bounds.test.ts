import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@files/test-support/zip-writer';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, multipart, pdf, useTempDataDir } from './procedures.test-support';

/** Uploads are held to their declared form field, their stored names are cleaned, Office zips are bounded (issue 11). */
let ctx: TestContext;
let ngo: Session;
let dossierId: string;

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  ngo = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx) });
  const draft = await ctx.call(ngo, {
    method: 'POST',
    url: '/api/dossiers',
    payload: { procedureCode: 'NEW_GDKHD', application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] } },
  });
  dossierId = draft.json().id;
});
afterAll(async () => ctx?.close());

const documents = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('dossier_documents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('dossier_id', '=', dossierId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const post = (body: { payload: Buffer; headers: Record<string, string> }, documentCode = 'CHARTER_COPY') =>
  ctx.call(ngo, {
    method: 'POST',
    url: `/api/dossiers/${dossierId}/documents?documentCode=${documentCode}`,
    ...body,
    headers: { ...body.headers, 'accept-language': 'en' },
  });

describe('dossier uploads', () => {
  it('accepts the file only in the declared field "file": another field name is 400 and nothing is stored', async () => {
    const before = await documents();
    const body = multipart('charter.pdf', pdf());
    body.payload = Buffer.from(body.payload.toString('latin1').replace('name="file"', 'name="attachment"'), 'latin1');
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'upload_field_unexpected',
      details: { issues: [{ path: 'body.attachment' }] },
    });
    expect(await documents()).toBe(before);
  });

  it('stores the file name without right-to-left overrides, other bidi or control characters', async () => {
    const response = await post(multipart('hop-dong\u202Efdp.exe\u2066\u0007.pdf', pdf()));
    expect(response.statusCode).toBe(201);
    expect(response.json().fileName).toBe('hop-dongfdp.exe.pdf');
    const row = await ctx.db
      .selectFrom('dossier_documents')
      .select('file_name')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row.file_name).toBe('hop-dongfdp.exe.pdf');
    const download = await ctx.call(ngo, { method: 'GET', url: `/api/dossiers/${dossierId}/documents/${response.json().id}` });
    expect(download.headers['content-disposition']).not.toMatch(/%E2%80%AE/i);
  });

  it('refuses a DOCX that is a zip bomb (413) and a damaged one (415), storing nothing', async () => {
    const before = await documents();
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await post(multipart('bomb.docx', bomb, 'application/octet-stream'), 'PROGRAMME_LIST_3Y');
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'file_compression_ratio', details: { limit: 200 } });
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml', 'latin1')]);
    expect((await post(multipart('broken.docx', damaged, 'application/octet-stream'), 'PROGRAMME_LIST_3Y')).statusCode).toBe(415);
    expect(await documents()).toBe(before);
  });
});
