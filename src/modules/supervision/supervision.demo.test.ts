import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSupervisionDemo } from '@db/demo/supervision';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '../registry/registry.fixtures';

let t: TestContext;
let central: Session;
const ids: string[] = [];

// Twelve synthetic NGOs with a certificate for two provinces issued in 2024, the first one the demo NGO account's.
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  for (let i = 0; i < 12; i++) {
    const org = await createOrganisation(t, central);
    const issued = await issue(t, central, org.id, { provinceIds: ['new34:04', 'new34:01'] });
    expect(issued.statusCode, issued.body).toBe(201);
    ids.push(org.id);
  }
  await t.db.updateTable('organisations').set({ synthetic: true }).where('id', 'in', ids).execute();
  await t.db.updateTable('organisations').set({ code: 'DEMO-0001' }).where('id', '=', ids[0]!).execute();
  await t.db.transaction().execute((trx) => seedSupervisionDemo(trx));
});
afterAll(async () => t.close());

type Item = { kind: string; status: string; record: { documentUrl: string | null } | null };
const itemsOf = async (id: string): Promise<Item[]> => {
  const response = await t.call(central, { method: 'GET', url: `/api/organisations/${id}/obligations` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};

describe('supervision demo step', () => {
  it('gives every demo certificate its obligations, some done and some late', async () => {
    const all = (await Promise.all(ids.map(itemsOf))).flat();
    const plans = all.filter((o) => o.kind === 'IMPLEMENTATION_PLAN');
    expect(plans).toHaveLength(24);
    const statuses = new Set(all.map((o) => o.status));
    expect(statuses.has('DONE')).toBe(true);
    expect(statuses.has('LATE')).toBe(true);
    expect(plans.filter((o) => o.status === 'DONE').every((o) => o.record?.documentUrl)).toBe(true);
  });

  it('leaves the demo NGO account one filed plan, with a downloadable demo file, and the rest to fulfil on screen', async () => {
    const own = await itemsOf(ids[0]!);
    const plans = own.filter((o) => o.kind === 'IMPLEMENTATION_PLAN');
    expect(plans.map((o) => o.status).sort()).toEqual(['DONE', 'LATE']);
    const done = plans.find((o) => o.status === 'DONE')!;
    const file = await t.call(central, { method: 'GET', url: done.record!.documentUrl! });
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('%PDF')).toBe(true);
    expect(own.find((o) => o.kind === 'BANK_ACCOUNT_NOTICE')!.status).toBe('LATE');
  });
});
