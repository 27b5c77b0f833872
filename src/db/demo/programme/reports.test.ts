import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';
import { DEMO_REPORT_YEAR, seedProgrammeReportsDemo } from './reports';

let t: TestContext;
let central: Session;

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  const org = await buildOrganisation(t.db, { synthetic: true });
  const item = await buildAidItem(t.db, { organisation_id: org.id, provinces: [['new34:01', '100']] });
  await t.db
    .insertInto('aid_transactions')
    .values({
      aid_item_id: item.id,
      kind: 'DISBURSEMENT',
      tx_date: '2025-04-04',
      amount: '321.09',
      currency: 'USD',
      amount_usd: '321.09',
      amount_vnd: '1',
    })
    .execute();
  await t.db.transaction().execute((trx) => seedProgrammeReportsDemo(trx));
});
afterAll(async () => t?.close());

describe('Programme reports demo step', () => {
  it('leaves the 2025 list with submitted, returned, draft and missing reports, the submitted ones with their figures', async () => {
    const list = (await t.call(central, { method: 'GET', url: `/api/programme-reports?year=${DEMO_REPORT_YEAR}` })).json();
    expect(list.counts.submitted).toBeGreaterThanOrEqual(6);
    expect(list.counts.returned).toBe(1);
    expect(list.counts.draft).toBe(1);
    expect(list.counts.notStarted).toBeGreaterThan(list.counts.submitted);
    const haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
    const report = (await t.call(haNoi, { method: 'GET', url: `/api/programme-reports/${DEMO_REPORT_YEAR}/UBND:new34:01` })).json();
    const dash = (await t.call(haNoi, { method: 'GET', url: `/api/stats/dashboard?year=${DEMO_REPORT_YEAR}` })).json();
    expect(report).toMatchObject({ status: 'SUBMITTED', synthetic: true, actions: [] });
    expect(report.figures.disbursedUsd).toBe(dash.summary.disbursedUsd);
    expect(report.figures.disbursedUsd).toBe('321.09');
    // The demo province account (Cao Bằng) has a draft it can finish and submit.
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const draft = (await t.call(caoBang, { method: 'GET', url: `/api/programme-reports/${DEMO_REPORT_YEAR}/UBND:new34:04` })).json();
    expect(draft).toMatchObject({ status: 'DRAFT', actions: ['save', 'submit'] });
  });
});
