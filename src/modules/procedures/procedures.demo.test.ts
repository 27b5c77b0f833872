import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '@domain/procedures';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { proceduresDemo } from './procedures.demo';

let ctx: TestContext;
let central: Session;
let ngo: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  const orgs = Array.from({ length: 14 }, (_, i) => ({
    code: `DEMO-${String(i + 1).padStart(4, '0')}`,
    name_original: `Synthetic NGO ${i + 1}`,
    country_code: 'GB',
    synthetic: true,
  }));
  await ctx.db.insertInto('organisations').values(orgs).execute();
  await ctx.db.transaction().execute((trx) => proceduresDemo.run(trx));
  const own = await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'DEMO-0001').executeTakeFirstOrThrow();
  central = await ctx.signInAs('central');
  ngo = await ctx.signInAs('ngo', { organisationId: own.id });
});
afterAll(async () => ctx?.close());

describe('procedures demo step', () => {
  it('creates dossiers in every state of the graph', async () => {
    const rows = await ctx.db.selectFrom('dossiers').select('status').distinct().execute();
    expect(rows.map((r) => r.status).sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('issues certificates for the approved ones and shows consistent clocks', async () => {
    const approved = await ctx.db
      .selectFrom('dossiers')
      .select(['id', 'certificate_result_id'])
      .where('status', 'in', ['APPROVED', 'DELIVERED'])
      .execute();
    expect(approved.every((d) => d.certificate_result_id !== null)).toBe(true);
    const list = (await ctx.call(central, { method: 'GET', url: '/api/dossiers?pageSize=50' })).json();
    expect(list.total).toBeGreaterThanOrEqual(13);
    const sla = (await ctx.call(central, { method: 'GET', url: '/api/procedures/sla' })).json();
    const gdkhd = sla.byProcedure.find((p: { procedureCode: string }) => p.procedureCode === 'NEW_GDKHD');
    expect(gdkhd.finishedOnTime).toBeGreaterThanOrEqual(2);
    expect(gdkhd.finished - gdkhd.finishedOnTime).toBeGreaterThanOrEqual(1);
    expect(sla.overdue.some((o: { kind: string }) => o.kind === 'CONSULTATION')).toBe(true);
  });

  it('gives the demo NGO a draft, a dossier awaiting its supplement and a delivered one, with downloadable documents', async () => {
    const mine = (await ctx.call(ngo, { method: 'GET', url: '/api/dossiers' })).json();
    expect(mine.items.map((d: { status: string }) => d.status).sort()).toEqual(['DELIVERED', 'DRAFT', 'INCOMPLETE']);
    const incomplete = mine.items.find((d: { status: string }) => d.status === 'INCOMPLETE');
    const detail = (await ctx.call(ngo, { method: 'GET', url: `/api/dossiers/${incomplete.id}` })).json();
    // Sending the supplement is the NGO's next step, offered once the documents asked for are uploaded.
    expect(detail.actionChecks).toContainEqual({ action: 'SUPPLEMENT', available: false, reason: 'dossier_documents_missing' });
    expect(detail.allowedActions).not.toContain('SUPPLEMENT');
    const doc = detail.documents[0];
    const file = await ctx.call(ngo, { method: 'GET', url: `/api/dossiers/${incomplete.id}/documents/${doc.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
