import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { multipart, pdf, useTempDataDir } from '@modules/procedures/procedures.test-support';
import { needDocumentsDb } from './needs-documents.service';

let t: TestContext;
let dataDir: string;
let central: Session;
let caoBang: Session;
let haNoi: Session;
let ngo: Session;

const proposal = {
  titleVi: 'Trường bán trú vùng cao',
  titleEn: 'Upland boarding school',
  sectorCode: 'GDDT',
  provinceIds: ['new34:04'],
  budget: '300000',
  currency: 'USD',
};

const get = (session: Session | null, url: string) => t.call(session, { method: 'GET', url });
const upload = (session: Session, id: string, content: Buffer, name = 'Đề cương.pdf', kind = 'CONCEPT_NOTE') =>
  t.call(session, { method: 'POST', url: `/api/needs/${id}/documents?kind=${kind}`, ...multipart(name, content) });
const act = async (session: Session, id: string, action: string) => {
  const version = (await get(central, `/api/needs/${id}`)).json().version;
  return t.call(session, { method: 'POST', url: `/api/needs/${id}/actions`, payload: { action, version } });
};
const rows = (proposalId: string) =>
  needDocumentsDb(t.db).selectFrom('need_documents').selectAll().where('proposal_id', '=', proposalId).execute();
const audits = async (proposalId: string) =>
  (await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', proposalId).orderBy('id').execute()).map((a) => a.action);

beforeAll(async () => {
  dataDir = useTempDataDir();
  t = await createTestContext();
  central = await t.signInAs('central');
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
  ngo = await t.signInAs('ngo', { organisationId: (await buildOrganisation(t.db, { name: 'Tổ chức C' })).id });
});
afterAll(async () => t?.close());

describe("a proposal's documents", () => {
  it('are attached by the proposing body to its draft, stored with their SHA-256, listed on the proposal and audited', async () => {
    const id = (await t.call(caoBang, { method: 'POST', url: '/api/needs', payload: proposal })).json().id;
    const content = pdf('concept note');
    const response = await upload(caoBang, id, content);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'CONCEPT_NOTE',
      fileName: 'Đề cương.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const [row] = await rows(id);
    expect(row!.storage_path).toMatch(/^uploads\/\d{4}\/[0-9a-f-]{36}$/);
    expect(readFileSync(path.join(dataDir, row!.storage_path)).equals(content)).toBe(true);
    expect((await get(caoBang, `/api/needs/${id}`)).json().documents).toEqual([response.json()]);
    expect(await audits(id)).toEqual(['need_proposal.create', 'need_proposal.document.upload']);
  });

  it("keeps a draft's documents from the public, another province and NGOs (404); the proposer and central download them", async () => {
    const id = (await t.call(caoBang, { method: 'POST', url: '/api/needs', payload: proposal })).json().id;
    const content = pdf('budget');
    const doc = (await upload(caoBang, id, content, 'Dự toán.pdf', 'BUDGET')).json();
    const own = `/api/needs/${id}/documents/${doc.id}`;
    expect((await get(null, `/api/public/needs/${id}/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await get(null, own)).statusCode).toBe(401);
    expect((await get(haNoi, own)).statusCode).toBe(404);
    expect((await get(ngo, own)).statusCode).toBe(404);
    for (const session of [caoBang, central]) {
      const response = await get(session, own);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(content)).toBe(true);
      expect(response.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Dự toán.pdf')}`);
    }
    // Nor may another province attach to it, or remove its documents: the draft does not exist for it.
    expect((await upload(haNoi, id, pdf('x'))).statusCode).toBe(404);
    expect((await t.call(haNoi, { method: 'DELETE', url: own })).statusCode).toBe(404);
    expect(await rows(id)).toHaveLength(1);
  });

  it('are downloadable by anyone once the proposal is published, and can no longer change (422)', async () => {
    const id = (await t.call(caoBang, { method: 'POST', url: '/api/needs', payload: proposal })).json().id;
    const content = pdf('published concept note');
    const doc = (await upload(caoBang, id, content)).json();
    expect((await act(caoBang, id, 'submit')).statusCode).toBe(200);
    // Submitted: still not public.
    expect((await get(null, `/api/public/needs/${id}/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await act(central, id, 'publish')).statusCode).toBe(200);

    const response = await get(null, `/api/public/needs/${id}/documents/${doc.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers['x-content-sha256']).toBe(doc.sha256);
    expect((await get(null, `/api/public/needs/${id}`)).json().documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await get(haNoi, `/api/needs/${id}/documents/${doc.id}`)).statusCode).toBe(200);

    const late = await upload(caoBang, id, pdf('late'));
    expect(late.statusCode).toBe(422);
    expect(late.json().error.details.rule).toBe('transition_not_allowed');
    // Another province sees the published proposal but is not its proposing body.
    const other = await upload(haNoi, id, pdf('other'));
    expect(other.statusCode).toBe(403);
    expect((await t.call(caoBang, { method: 'DELETE', url: `/api/needs/${id}/documents/${doc.id}` })).statusCode).toBe(422);
    expect(await rows(id)).toHaveLength(1);
  });

  it('refuses what is not a PDF, Office file or image by its content (415) or is over 20 MB (413), keeping no row and no file', async () => {
    const id = (await t.call(caoBang, { method: 'POST', url: '/api/needs', payload: proposal })).json().id;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const response = await upload(caoBang, id, exe, 'concept.pdf');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
    expect(await rows(id)).toHaveLength(0);
    expect(await audits(id)).toEqual(['need_proposal.create']);
    // Over 20 MB: 413 before anything is read into a document.
    const big = Buffer.concat([pdf('big'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const tooLarge = await upload(caoBang, id, big, 'big.pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(await rows(id)).toHaveLength(0);
    const ngoTry = await t.call(ngo, { method: 'POST', url: `/api/needs/${id}/documents?kind=OTHER`, ...multipart('a.pdf', pdf()) });
    expect(ngoTry.statusCode).toBe(403);
  });

  it('are removed from a draft (no longer listed nor served, audited) and bounded to 20 per proposal (409)', async () => {
    const id = (await t.call(caoBang, { method: 'POST', url: '/api/needs', payload: proposal })).json().id;
    const first = (await upload(caoBang, id, pdf('first'))).json();
    const removed = await t.call(caoBang, { method: 'DELETE', url: `/api/needs/${id}/documents/${first.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await get(caoBang, `/api/needs/${id}`)).json().documents).toEqual([]);
    expect((await get(caoBang, `/api/needs/${id}/documents/${first.id}`)).statusCode).toBe(404);
    expect(await audits(id)).toEqual(['need_proposal.create', 'need_proposal.document.upload', 'need_proposal.document.remove']);

    for (let i = 0; i < 20; i++) expect((await upload(central, id, pdf(`n${i}`), `annex-${i}.pdf`, 'OTHER')).statusCode).toBe(201);
    const body = multipart('one-more.pdf', pdf('21'));
    const full = await t.call(caoBang, {
      method: 'POST',
      url: `/api/needs/${id}/documents?kind=OTHER`,
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': 'en' },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'need_documents_full', details: { max: 20 } });
    expect(full.json().error.message).toMatch(/at most 20 documents/);
    expect((await rows(id)).filter((r) => !r.removed_at)).toHaveLength(20);
    // The refused file was written before the check in the transaction, and removed from the disk again.
    const all = await needDocumentsDb(t.db).selectFrom('need_documents').select('storage_path').execute();
    const files = readdirSync(path.join(dataDir, 'uploads'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files).toHaveLength(all.length);
    expect(all.every((r) => existsSync(path.join(dataDir, r.storage_path)))).toBe(true);
  });
});
