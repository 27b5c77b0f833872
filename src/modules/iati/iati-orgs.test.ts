import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeActivities } from '@domain/iati/serialize';
import type { IatiActivity } from '@domain/iati/model';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildActivity } from '../../../test/fixtures/iati/activities';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { applyImport, dryRunImport } from './iati-import.run';
import { approvedItem } from './iati.test-support';

const ctx = { actor: null, label: 'test' };
const file = (activities: IatiActivity[]) => {
  const text = serializeActivities(activities, { generatedAt: '2026-11-01T00:00:00Z' });
  return { open: () => Readable.from([Buffer.from(text)]), bytes: text.length };
};
/** An activity published by `org` (name, optional IATI identifier) with one disbursement. */
const published = (identifier: string, org: { ref: string; name: string }, money: Partial<IatiActivity['transactions'][number]> = {}) =>
  buildActivity({
    identifier,
    reportingOrg: { ref: org.ref, type: '21', nameEn: org.name },
    participatingOrgs: [{ role: 'IMPLEMENTING', nameVi: 'UBND tỉnh Cao Bằng', type: '11' }],
    approval: undefined,
    transactions: [{ type: 'DISBURSEMENT', date: '2024-05-01', amount: '2000', currency: 'USD', ...money }],
  });

let t: TestContext;
let admin: Session;
let alpha: { id: string };
let relief: { id: string };
let green: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
  alpha = await buildOrganisation(t.db, { name: 'Alpha Aid' });
  relief = await buildOrganisation(t.db, { name: 'Cứu Trợ Trẻ Em Quốc Tế' });
  green = await buildOrganisation(t.db, { name: 'Green Earth Foundation Vietnam' });
  // Shares only generic words ("International", "Tổ chức … Quốc tế") with the fixtures' publisher: not a duplicate.
  const harmony = await buildOrganisation(t.db, { name: 'Harmony International' });
  await t.db.updateTable('organisations').set({ name_vi: 'Tổ chức Hòa Hợp Quốc tế' }).where('id', '=', harmony.id).execute();
  await t.db.updateTable('organisations').set({ iati_org_id: 'XI-IATI-AAA' }).where('id', '=', alpha.id).execute();
  // Alpha reported one item to Viet Nam that it also publishes, and one it does not publish.
  await approvedItem(t.db, { code: 'GAP-BOTH', organisation_id: alpha.id, iati_identifier: 'XI-IATI-AAA-1' });
  await approvedItem(t.db, {
    code: 'GAP-VN',
    organisation_id: alpha.id,
    money: [{ kind: 'COMMITMENT', date: '2023-02-01', amount: '700', currency: 'USD' }],
  });
});
afterAll(async () => t?.close());

describe('matching IATI publishers to registered organisations', () => {
  it('matches by IATI identifier, then by exact name (accents and case aside), flags close names, names the rest in clear', async () => {
    const report = await dryRunImport(
      t.db,
      file([
        published('XI-IATI-AAA-1', { ref: 'XI-IATI-AAA', name: 'Alpha Aid International' }),
        published(
          'XI-IATI-AAA-2',
          { ref: 'XI-IATI-AAA', name: 'Alpha Aid' },
          { type: 'COMMITMENT', amount: '5000', currency: 'EUR', date: '2024-02-01' },
        ),
        published('XX-CRI-1', { ref: 'XX-CRI', name: 'CUU TRO TRE EM QUOC TE' }),
        published('GB-CHC-777-1', { ref: 'GB-CHC-777', name: 'Green Earth Foundation' }),
        published('XX-OTHER-1', { ref: 'XX-OTHER', name: 'Completely Different Donor' }),
        buildActivity({ identifier: 'XI-IATI-EXAMPLE-1', approval: undefined }),
      ]),
    );
    const donor = (id: string) => [...report.created, ...report.updated].find((e) => e.identifier === id)!.donor!;
    expect(donor('XI-IATI-AAA-2')).toMatchObject({ match: 'ref', organisationId: alpha.id });
    expect(donor('XX-CRI-1')).toMatchObject({ match: 'name', organisationId: relief.id });
    expect(donor('GB-CHC-777-1')).toMatchObject({ match: 'likely', organisationId: green.id });
    expect(donor('XX-OTHER-1')).toMatchObject({ match: 'none', organisationId: null });
    expect(donor('XI-IATI-EXAMPLE-1')).toMatchObject({ name: 'Example Relief International', match: 'none' });
    expect(report.likelyDuplicates).toEqual([
      expect.objectContaining({ ref: 'GB-CHC-777', name: 'Green Earth Foundation', organisationId: green.id, activities: 1 }),
    ]);
    // The item Alpha reported keeps its money; the published figures are kept for the gap report only.
    const both = report.updated.find((e) => e.identifier === 'XI-IATI-AAA-1')!;
    expect(both.leftOut).toEqual([{ reason: 'transaction_money_reported_in_vietnam', detail: 'DISBURSEMENT 2024-05-01 2000 USD' }]);
  });

  it('applies: links exact matches, names likely duplicates in clear and records them for a person', async () => {
    await applyImport(
      t.db,
      ctx,
      file([
        published('XI-IATI-AAA-1', { ref: 'XI-IATI-AAA', name: 'Alpha Aid International' }),
        published(
          'XI-IATI-AAA-2',
          { ref: 'XI-IATI-AAA', name: 'Alpha Aid' },
          { type: 'COMMITMENT', amount: '5000', currency: 'EUR', date: '2024-02-01' },
        ),
        published('GB-CHC-777-1', { ref: 'GB-CHC-777', name: 'Green Earth Foundation' }),
        published('GB-CHC-777-2', { ref: 'GB-CHC-777', name: 'Green Earth Foundation' }),
      ]),
    );
    const items = await t.db
      .selectFrom('aid_items')
      .select(['iati_identifier', 'organisation_id', 'other_donor_name', 'donor_country_code'])
      .where('iati_identifier', 'like', 'GB-CHC-777-%')
      .execute();
    expect(items).toEqual([
      { iati_identifier: 'GB-CHC-777-1', organisation_id: null, other_donor_name: 'Green Earth Foundation', donor_country_code: 'GB' },
      { iati_identifier: 'GB-CHC-777-2', organisation_id: null, other_donor_name: 'Green Earth Foundation', donor_country_code: 'GB' },
    ]);
    const list = await t.call(admin, { method: 'GET', url: '/api/iati/org-candidates?status=OPEN' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ iatiRef: 'GB-CHC-777', organisationId: green.id, aidItems: 2, status: 'OPEN' }],
    });
  });

  it('lets only national officers decide, refuses a stale version, and links everything on confirmation', async () => {
    const candidate = (await t.call(admin, { method: 'GET', url: '/api/iati/org-candidates' })).json().items[0];
    const agency = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    expect(
      (
        await t.call(agency, {
          method: 'POST',
          url: `/api/iati/org-candidates/${candidate.id}`,
          payload: { decision: 'confirm', version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const stale = await t.call(admin, {
      method: 'POST',
      url: `/api/iati/org-candidates/${candidate.id}`,
      payload: { decision: 'confirm', version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const response = await t.call(admin, {
      method: 'POST',
      url: `/api/iati/org-candidates/${candidate.id}`,
      payload: { decision: 'confirm', version: candidate.version },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'CONFIRMED', organisationIatiId: 'GB-CHC-777', aidItems: 0 });
    const linked = await t.db.selectFrom('aid_items').select('organisation_id').where('iati_identifier', 'like', 'GB-CHC-777-%').execute();
    expect(linked.every((i) => i.organisation_id === green.id)).toBe(true);
    // The next import now matches the publisher exactly.
    const again = await dryRunImport(t.db, file([published('GB-CHC-777-3', { ref: 'GB-CHC-777', name: 'Green Earth Foundation' })]));
    expect(again.created[0]!.donor).toMatchObject({ match: 'ref', organisationId: green.id });
    expect(
      (
        await t.call(admin, {
          method: 'POST',
          url: `/api/iati/org-candidates/${candidate.id}`,
          payload: { decision: 'reject', version: candidate.version + 1 },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('GET /api/iati/gap/:organisationId', () => {
  it('compares, by year, what an NGO publishes to IATI with what it reported to Viet Nam', async () => {
    const response = await t.call(admin, { method: 'GET', url: `/api/iati/gap/${alpha.id}` });
    expect(response.statusCode).toBe(200);
    const gap = response.json();
    expect(gap.organisation).toMatchObject({ id: alpha.id, iatiOrgId: 'XI-IATI-AAA' });
    expect(gap.years).toEqual([
      {
        year: 2023,
        iati: { activities: 0, committedUsd: '0.00', disbursedUsd: '0.00', unconverted: 0 },
        vietnam: { activities: 1, committedUsd: '700.00', disbursedUsd: '0.00' },
        disbursedDifferenceUsd: '0.00',
      },
      // EUR 5000 on 2024-02-01 at the 2024 reference rate 1.1 = 5500 USD; Alpha reported 1000.50 USD disbursed.
      {
        year: 2024,
        iati: { activities: 2, committedUsd: '5500.00', disbursedUsd: '2000.00', unconverted: 0 },
        vietnam: { activities: 1, committedUsd: '0.00', disbursedUsd: '1000.50' },
        disbursedDifferenceUsd: '999.50',
      },
    ]);
    expect(gap.activities).toEqual({ both: 1, onlyIati: 1, onlyVietnam: 1 });
    expect(gap.onlyIati.map((i: { iatiIdentifier: string }) => i.iatiIdentifier)).toEqual(['XI-IATI-AAA-2']);
    expect(gap.onlyVietnam.map((i: { code: string }) => i.code)).toEqual(['GAP-VN']);
  });

  it('shows an NGO its own report only, and needs a session', async () => {
    expect((await t.call(null, { method: 'GET', url: `/api/iati/gap/${alpha.id}` })).statusCode).toBe(401);
    const own = await t.signInAs('ngo', { organisationId: alpha.id });
    expect((await t.call(own, { method: 'GET', url: `/api/iati/gap/${alpha.id}` })).statusCode).toBe(200);
    const other = await t.signInAs('ngo', { organisationId: green.id });
    expect((await t.call(other, { method: 'GET', url: `/api/iati/gap/${alpha.id}` })).statusCode).toBe(404);
    // Alpha's aid is in Cao Bằng: Hà Nội's officers do not see it, Cao Bằng's do.
    const hanoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
    expect((await t.call(hanoi, { method: 'GET', url: `/api/iati/gap/${alpha.id}` })).statusCode).toBe(404);
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    expect((await t.call(caoBang, { method: 'GET', url: `/api/iati/gap/${alpha.id}` })).statusCode).toBe(200);
  });
});
