import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { approvedItem } from './iati.test-support';

/**
 * Issue 11, defect 6: the gap report read every item of the organisation whoever asked, so a province officer saw
 * another province's items (cancelled ones included). Each role must see exactly the items of its aid scope.
 */
let t: TestContext;
let org: { id: string };
let other: { id: string };
const codes = { caoBang: 'GAP-CB', hanoiMoh: 'GAP-HN-MOH', cancelled: 'GAP-CB-CANCELLED' };

beforeAll(async () => {
  t = await createTestContext();
  org = await buildOrganisation(t.db, { name: 'Gap Scope NGO' });
  other = await buildOrganisation(t.db, { name: 'Another NGO' });
  const money = (amount: string) => [{ kind: 'DISBURSEMENT' as const, date: '2024-03-01', amount, currency: 'USD' }];
  // Cao Bằng, governed by its province; Hà Nội, governed by the Ministry of Health; a cancelled one in Cao Bằng.
  await approvedItem(t.db, {
    code: codes.caoBang,
    organisation_id: org.id,
    governing_agency_id: 'UBND:new34:04',
    provinces: [['new34:04', '100']],
    money: money('100'),
  });
  await approvedItem(t.db, {
    code: codes.hanoiMoh,
    organisation_id: org.id,
    governing_agency_id: 'MOH',
    provinces: [['new34:01', '100']],
    money: money('200'),
  });
  const cancelled = await approvedItem(t.db, {
    code: codes.cancelled,
    organisation_id: org.id,
    governing_agency_id: 'UBND:new34:04',
    provinces: [['new34:04', '100']],
    money: money('400'),
  });
  await t.db.updateTable('aid_items').set({ status: 'CANCELLED' }).where('id', '=', cancelled.id).execute();
});

afterAll(async () => t?.close());

/** The report as `session` reads it: its status, the Viet Nam disbursements of 2024 and the items listed. */
async function gapAs(session: Session | null) {
  const response = await t.call(session, { method: 'GET', url: `/api/iati/gap/${org.id}` });
  if (response.statusCode !== 200) return { status: response.statusCode };
  const gap = response.json() as {
    years: { year: number; vietnam: { disbursedUsd: string; activities: number } }[];
    onlyVietnam: { code: string }[];
  };
  return {
    status: 200,
    disbursed2024: gap.years.find((y) => y.year === 2024)?.vietnam.disbursedUsd,
    codes: gap.onlyVietnam.map((i) => i.code).sort(),
  };
}

describe('GET /api/iati/gap/:organisationId reads only the caller’s aid scope', () => {
  it('admin and central: every item of the organisation, cancelled ones left out', async () => {
    const all = { status: 200, disbursed2024: '300.00', codes: [codes.caoBang, codes.hanoiMoh].sort() };
    expect(await gapAs(await t.signInAs('admin'))).toEqual(all);
    expect(await gapAs(await t.signInAs('central'))).toEqual(all);
  });

  it('a province officer: its province’s items only', async () => {
    expect(await gapAs(await t.signInAs('agency', { agencyId: 'UBND:new34:04' }))).toEqual({
      status: 200,
      disbursed2024: '100.00',
      codes: [codes.caoBang],
    });
    expect(await gapAs(await t.signInAs('agency', { agencyId: 'UBND:new34:01' }))).toEqual({
      status: 200,
      disbursed2024: '200.00',
      codes: [codes.hanoiMoh],
    });
    // A province where the organisation has no aid: not even its name.
    expect(await gapAs(await t.signInAs('agency', { agencyId: 'UBND:new34:08' }))).toEqual({ status: 404 });
  });

  it('a ministry officer and a reviewer: the items their agency governs only', async () => {
    const moh = { status: 200, disbursed2024: '200.00', codes: [codes.hanoiMoh] };
    expect(await gapAs(await t.signInAs('agency', { agencyId: 'MOH' }))).toEqual(moh);
    expect(await gapAs(await t.signInAs('reviewer', { agencyId: 'MOH' }))).toEqual(moh);
    expect(await gapAs(await t.signInAs('reviewer', { agencyId: 'MOET' }))).toEqual({ status: 404 });
  });

  it('an NGO: its own organisation only; anonymous: sign in first', async () => {
    expect(await gapAs(await t.signInAs('ngo', { organisationId: org.id }))).toEqual({
      status: 200,
      disbursed2024: '300.00',
      codes: [codes.caoBang, codes.hanoiMoh].sort(),
    });
    expect(await gapAs(await t.signInAs('ngo', { organisationId: other.id }))).toEqual({ status: 404 });
    expect(await gapAs(null)).toEqual({ status: 401 });
  });
});
