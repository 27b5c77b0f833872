/**
 * Issue 13 §2: the NGO's annual report (Mẫu 05) applies the aid rules. Errors where the law forbids (a withdrawn
 * currency code, a disbursement dated after today); warnings, shown and not blocking, where it allows (more than the
 * commitment, after the project's end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildMoney, buildOrganisation } from './aid.fixtures';
import { vietnamToday } from '@common/time/vietnam-today';

let t: TestContext;
let ngo: Session;
let item: { id: string; code: string };
let reportId: string;

beforeAll(async () => {
  t = await createTestContext();
  const org = await buildOrganisation(t.db, { name: 'Rules NGO' });
  ngo = await t.signInAs('ngo', { organisationId: org.id });
  item = await buildAidItem(t.db, {
    organisation_id: org.id,
    status: 'IMPLEMENTING',
    approval_date: '2024-08-01',
    approval_decision_number: '7/QĐ',
    actual_start: '2024-09-01',
    planned_end: '2025-06-30',
    provinces: [['new34:04', '100']],
  });
  await buildMoney(t.db, item.id, '2024-10-01', '10000', '6000');
  const created = await t.call(ngo, { method: 'POST', url: '/api/reports/ngo', payload: { year: 2025 } });
  reportId = created.json().id;
});
afterAll(async () => t?.close());

const put = (lines: Record<string, unknown>[], version: number) =>
  t.call(ngo, { method: 'PUT', url: `/api/reports/ngo/${reportId}`, payload: { version, lines } });

describe('Mẫu 05 lines under the aid rules', () => {
  it('refuses a currency code withdrawn before the disbursement and names the successor; nothing is saved', async () => {
    const refused = await put([{ aidItemId: item.id, disbursedAmount: '100', currency: 'HRK', disbursementDate: '2025-03-01' }], 1);
    expect(refused.statusCode).toBe(400);
    const issues = refused.json().error.details.issues as { path: string; message: string }[];
    expect(issues).toEqual([{ path: 'body.lines.0.currency', message: expect.stringContaining('EUR') }]);
    const report = (await t.call(ngo, { method: 'GET', url: `/api/reports/ngo/${reportId}` })).json();
    expect(report.version).toBe(1);
    expect(report.lines.filter((l: { filed: boolean }) => l.filed)).toHaveLength(0);
  });

  it('refuses a disbursement dated after today', async () => {
    const tomorrow = new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const refused = await t.call(ngo, {
      method: 'PUT',
      url: `/api/reports/ngo/${reportId}`,
      payload: { version: 1, lines: [{ aidItemId: item.id, disbursedAmount: '100', currency: 'USD', disbursementDate: tomorrow }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('body.lines.0.disbursementDate');
  });

  it('saves a disbursement over the commitment and after the project end, with both warnings shown', async () => {
    const saved = await put([{ aidItemId: item.id, disbursedAmount: '5000', currency: 'USD', disbursementDate: '2025-09-15' }], 1);
    expect(saved.statusCode).toBe(200);
    const paths = (saved.json().warnings as { path: string; message: string }[]).map((w) => w.path);
    expect(paths).toEqual(['lines.0.disbursedAmount', 'lines.0.disbursementDate']);
    expect(saved.json().warnings[0]).toMatchObject({ code: 'over_commitment', params: { item: item.code } });
    expect(saved.json().warnings[1]).toMatchObject({ code: 'after_project_end', params: { date: '2025-09-15', end: '2025-06-30' } });
    // Within the commitment and the project's time: no warning.
    const fine = await put([{ aidItemId: item.id, disbursedAmount: '1000', currency: 'USD', disbursementDate: '2025-01-15' }], 2);
    expect(fine.statusCode).toBe(200);
    expect(fine.json().warnings).toEqual([]);
  });
});
