import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { seedAidApprovalsDemo } from './aid-approvals';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.db
    .insertInto('organisations')
    .values({ code: 'DEMO-0001', name_original: 'Synthetic donor', country_code: 'GB', synthetic: true })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await ctx.db.transaction().execute((trx) => seedAidApprovalsDemo(trx));
});
afterAll(async () => ctx?.close());

const listAs = async (agencyId: string) => {
  const s = await ctx.signInAs('agency', { agencyId });
  const items = (await ctx.call(s, { method: 'GET', url: '/api/dossiers?procedureCode=AID_APPROVAL' })).json().items as {
    id: string;
    status: string;
  }[];
  return { s, items };
};

describe('demo aid approvals at each level', () => {
  it("gives Cao Bằng's Department of Finance a dossier to receive and one in appraisal, MOF the PM-level one, MOH its own", async () => {
    const stc = await listAs('STC:new34:04');
    expect(stc.items.map((d) => d.status).sort()).toEqual(['APPRAISING', 'SUBMITTED']);
    const submitted = stc.items.find((d) => d.status === 'SUBMITTED')!;
    const detail = (await ctx.call(stc.s, { method: 'GET', url: `/api/dossiers/${submitted.id}` })).json();
    expect(detail.allowedActions).toContain('ACCEPT');
    expect((await listAs('MOF')).items.map((d) => d.status)).toEqual(['SUBMITTED']);
    expect((await listAs('MOH')).items.map((d) => d.status)).toEqual(['ACCEPTED_COMPLETE']);
    expect((await listAs('STC:new34:01')).items).toEqual([]);
  });
});
