import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInspectionsDemo } from '@db/demo/inspections';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '../registry/registry.fixtures';

let t: TestContext;
let central: Session;
let caoBang: Session;

// Three synthetic NGOs working in Cao Bằng, then the inspections demo step.
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const org = await createOrganisation(t, central);
    expect((await issue(t, central, org.id, { provinceIds: ['new34:04'] })).statusCode).toBe(201);
    ids.push(org.id);
  }
  await t.db.updateTable('organisations').set({ synthetic: true }).where('id', 'in', ids).execute();
  await t.db.transaction().execute((trx) => seedInspectionsDemo(trx));
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
});
afterAll(async () => t.close());

describe('inspections demo', () => {
  it('gives Cao Bằng a yearly plan, one closed inspection and one open with an overdue follow-up action', async () => {
    const plans = (await t.call(caoBang, { method: 'GET', url: '/api/supervision/inspection-plans' })).json();
    expect(plans.total).toBe(1);
    expect(plans.items[0]).toMatchObject({ synthetic: true });
    expect(plans.items[0].entries).toBeGreaterThanOrEqual(1);
    const list = (await t.call(caoBang, { method: 'GET', url: '/api/supervision/inspections' })).json();
    expect(list.total).toBe(2);
    const closed = list.items.filter((i: { closedOn: string | null }) => i.closedOn);
    const open = list.items.filter((i: { closedOn: string | null }) => !i.closedOn);
    expect(closed).toHaveLength(1);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ openActions: 2, overdueActions: 1, findings: 2 });
    const detail = (await t.call(caoBang, { method: 'GET', url: `/api/supervision/inspections/${closed[0].id}` })).json();
    expect(detail).toMatchObject({ canEdit: false, closureSummary: expect.any(String) });
    const doc = await t.call(caoBang, {
      method: 'GET',
      url: `/api/supervision/inspections/${closed[0].id}/documents/${detail.documents[0].id}`,
    });
    expect(doc.statusCode).toBe(200);
    // The participating ministry sees the open check, not the closed field visit.
    const moh = await t.signInAs('agency', { agencyId: 'MOH' });
    const forMoh = (await t.call(moh, { method: 'GET', url: '/api/supervision/inspections' })).json();
    expect(forMoh.items.map((i: { id: string }) => i.id)).toEqual([open[0].id]);
  });
});
