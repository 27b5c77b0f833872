import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@domain/calendar/iso-date';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '../registry/registry.fixtures';

let t: TestContext;
let central: Session;
let ngo: Session;
let org: { id: string };
const today = vietnamToday();

type Item = { kind: string; key: string; status: string; dueDate: string; doneOn: string | null; canFulfil: boolean };
const dataUpdates = async (): Promise<Item[]> => {
  const response = await t.call(central, { method: 'GET', url: `/api/organisations/${org.id}/obligations` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as Item[]).filter((o) => o.kind === 'DATA_UPDATE');
};
const version = async () => (await t.call(central, { method: 'GET', url: `/api/organisations/${org.id}` })).json().version as number;

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  org = await createOrganisation(t, central);
  expect((await issue(t, central, org.id)).statusCode).toBe(201);
  ngo = await t.signInAs('ngo', { organisationId: org.id });
});
afterAll(async () => t.close());

describe('data-update obligations from contact edits (O4)', () => {
  it('an NGO recording its new office address has met the obligation that day', async () => {
    expect(await dataUpdates()).toEqual([]);
    const edit = await t.call(ngo, {
      method: 'PATCH',
      url: '/api/my-organisation/contacts',
      payload: { version: await version(), contactAddress: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const [o] = await dataUpdates();
    expect(o).toMatchObject({ status: 'DONE', doneOn: today, dueDate: addDays(today, 10) });
    // The same address again is no change.
    await t.call(ngo, {
      method: 'PATCH',
      url: '/api/my-organisation/contacts',
      payload: { version: await version(), contactAddress: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội' },
    });
    expect(await dataUpdates()).toHaveLength(1);
  });

  it('a new address or representative an officer records is owed by the NGO, due 10 days later, until it records the update', async () => {
    const edit = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      payload: {
        version: await version(),
        contactAddress: '5 Nguyễn Du, Hai Bà Trưng, Hà Nội',
        representative: { role: 'REPRESENTATIVE', fullName: 'Jane Doe' },
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const open = (await dataUpdates()).filter((o) => o.status === 'DUE');
    expect(open).toHaveLength(2);
    expect(open.every((o) => o.dueDate === addDays(today, 10))).toBe(true);
    const mine = await t.call(ngo, { method: 'GET', url: `/api/organisations/${org.id}/obligations` });
    const fulfillable = (mine.json().items as Item[]).filter((o) => o.kind === 'DATA_UPDATE' && o.canFulfil);
    expect(fulfillable).toHaveLength(2);
    const done = await t.call(ngo, {
      method: 'POST',
      url: `/api/organisations/${org.id}/obligations/${encodeURIComponent(fulfillable[0]!.key)}/fulfil`,
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(201);
    expect((await dataUpdates()).filter((o) => o.status === 'DUE')).toHaveLength(1);
  });

  it('an organisation without a certificate owes nothing', async () => {
    const other = await createOrganisation(t, central);
    const v = (await t.call(central, { method: 'GET', url: `/api/organisations/${other.id}` })).json().version;
    await t.call(central, { method: 'PATCH', url: `/api/organisations/${other.id}`, payload: { version: v, contactAddress: 'Đà Nẵng' } });
    const rows = await sql`select id from organisation_data_changes where organisation_id = ${other.id}`.execute(t.db);
    expect(rows.rows).toEqual([]);
  });
});
