import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSanctionsDemo } from '@db/demo/sanctions';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '../registry/registry.fixtures';

let t: TestContext;
let central: Session;

// Three synthetic NGOs in Cao Bằng with a certificate valid from 2024 into 2027.
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const org = await createOrganisation(t, central);
    const issued = await issue(t, central, org.id, { validUntil: '2027-01-09' });
    expect(issued.statusCode, issued.body).toBe(201);
    ids.push(org.id);
  }
  await t.db.updateTable('organisations').set({ synthetic: true }).where('id', 'in', ids).execute();
  await t.db.transaction().execute((trx) => seedSanctionsDemo(trx));
});
afterAll(async () => t.close());

type Item = { id: string; procedureCode: string; status: string; outcome: string | null; organisationId: string };

describe('sanctions demo step', () => {
  it('plays one suspension still in its remedy period and one termination settled, as the province sees them', async () => {
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const list = await t.call(caoBang, { method: 'GET', url: '/api/sanctions' });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Item[];
    expect(items.map((i) => [i.procedureCode, i.status, i.outcome]).sort()).toEqual([
      ['FORCED_TERMINATION', 'CLOSED', 'SETTLED'],
      ['SUSPENSION', 'REMEDY', null],
    ]);
    const suspension = items.find((i) => i.procedureCode === 'SUSPENSION')!;
    const view = (await t.call(central, { method: 'GET', url: `/api/sanctions/${suspension.id}` })).json();
    expect(view.meetingHeldOn).not.toBeNull();
    expect(view.steps.find((s: { code: string }) => s.code === 'P6_REMEDY').clock.state).toBe('RUNNING');
    const statusOf = async (id: string) => (await t.call(central, { method: 'GET', url: `/api/organisations/${id}` })).json().status;
    expect(await statusOf(suspension.organisationId)).toBe('SUSPENDED');
    expect(await statusOf(items.find((i) => i.procedureCode === 'FORCED_TERMINATION')!.organisationId)).toBe('TERMINATED');
  });
});
