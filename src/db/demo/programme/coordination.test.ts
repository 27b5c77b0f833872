import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../../test/support/test-app';
import { seedCoordinationDemo } from './coordination';
import { buildDemoOrganisations } from '@modules/aid/aid.fixtures';

let t: TestContext;
let central: Session;

beforeAll(async () => {
  t = await createTestContext();
  await buildDemoOrganisations(t.db, 4);
  await t.db.transaction().execute((trx) => seedCoordinationDemo(trx));
  central = await t.signInAs('central');
});
afterAll(async () => t?.close());

describe('coordination demo step', () => {
  it('records the 5th International Conference (public) with tasks done, overdue and open, and decided awards', async () => {
    const pub = (await t.call(null, { method: 'GET', url: '/api/public/meetings' })).json();
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ meetingDate: '2025-12-04', synthetic: true });
    const detail = (await t.call(central, { method: 'GET', url: `/api/programme/meetings/${pub.items[0].id}` })).json();
    expect(detail.tasks.length).toBeGreaterThanOrEqual(3);
    expect(detail.tasks.filter((x: { status: string }) => x.status === 'DONE')).toHaveLength(1);
    // Cao Bằng's task was due on 30/06/2026 and is still open: late from then on.
    expect(detail.tasks.filter((x: { late: boolean }) => x.late).map((x: { ownerAgency: { id: string } }) => x.ownerAgency.id)).toEqual([
      'UBND:new34:04',
    ]);
    expect(detail.organisations).toHaveLength(4);
    const awards = (await t.call(central, { method: 'GET', url: '/api/programme/awards?status=DECIDED' })).json();
    expect(awards.total).toBe(3);
    expect(awards.items.every((a: { synthetic: boolean }) => a.synthetic)).toBe(true);
  });
});
