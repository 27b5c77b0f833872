import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';
import { isCountedAidStatus } from '@domain/statistics/definitions';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';
import { aidStatuses } from '@modules/aid/aid-items.schemas';

/**
 * Issue 11, defect 1: only approved aid (approved, ongoing, completed) moves the public figures. Each aid status
 * either moves the anonymous summary, breakdowns and records, and appears in the public aid list, or does none of it.
 */

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const today = vietnamToday();
const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return response.json();
};
const cents = (usd: string) => BigInt(usd.replace('.', ''));

/** What each status must do to the public figures (the specification, written out). */
const expected: Record<(typeof aidStatuses)[number], boolean> = {
  PIPELINE: false,
  APPROVED: true,
  IMPLEMENTING: true,
  COMPLETED: true,
  CANCELLED: false,
  REVOKED: false,
};

async function addTransactions(itemId: string, year: number) {
  const tx = (kind: 'COMMITMENT' | 'DISBURSEMENT', date: string, usd: string) => ({
    aid_item_id: itemId,
    kind,
    tx_date: date,
    amount: usd,
    currency: 'USD',
    amount_usd: usd,
    amount_vnd: '1',
  });
  await t.db
    .insertInto('aid_transactions')
    .values([tx('COMMITMENT', `${year}-02-01`, '1000.50'), tx('DISBURSEMENT', `${year}-03-01`, '400.25')])
    .execute();
}

/** Everything an anonymous caller can read about a year, reduced to what an item can move. */
async function publicView(year: number) {
  const [summary, provinces, sectors, trend, records, region] = await Promise.all([
    get(`/api/public/stats/summary?year=${year}`),
    get(`/api/public/stats/by-province?year=${year}`),
    get(`/api/public/stats/by-sector?year=${year}`),
    get(`/api/public/stats/trend?year=${year}`),
    get(`/api/stats/records?year=${year}&pageSize=200`),
    get(`/api/public/stats/by-region?from=${year}&to=${year}&scheme=historic`),
  ]);
  return {
    summary,
    caoBang: provinces.items.find((p: { id: string }) => p.id === 'new34:04'),
    health: sectors.items.find((s: { code: string }) => s.code === 'YTE'),
    trendYear: trend.find((y: { year: number }) => y.year === year),
    recordIds: records.items.map((r: { id: string }) => r.id) as string[],
    northEast: region.items.find((r: { code: string }) => r.code === 'DB'),
  };
}

describe('statistics count approved aid only', () => {
  it('defines "counted" once: the SQL function agrees with the TypeScript rule for every aid status', async () => {
    for (const status of aidStatuses) {
      const { rows } = await sql<{ counted: boolean }>`select stats_counted_status(${status}) as counted`.execute(t.db);
      expect(rows[0]!.counted, status).toBe(isCountedAidStatus(status));
      expect(isCountedAidStatus(status), status).toBe(expected[status]);
    }
  });

  it.each(aidStatuses.map((status, i) => [status, 2031 + i] as const))(
    'an item %s moves the public summary, breakdowns and records only if it counts (year %i)',
    async (status, year) => {
      const before = await publicView(year);
      const org = await buildOrganisation(t.db);
      const approved = status !== 'PIPELINE';
      const item = await buildAidItem(t.db, {
        organisation_id: org.id,
        status,
        approval_date: approved ? today : null,
        approval_decision_number: approved ? '12/QĐ-UBND' : null,
      });
      await addTransactions(item.id, year);
      const after = await publicView(year);
      const counts = expected[status];
      const moved = (a: string, b: string) => cents(b) - cents(a);

      expect(moved(before.summary.committedUsd, after.summary.committedUsd)).toBe(counts ? 100050n : 0n);
      expect(moved(before.summary.disbursedUsd, after.summary.disbursedUsd)).toBe(counts ? 40025n : 0n);
      expect(after.summary.aidRecords - before.summary.aidRecords).toBe(counts ? 1 : 0);
      expect(after.summary.activeOrganisations - before.summary.activeOrganisations).toBe(counts ? 1 : 0);
      expect(moved(before.caoBang.disbursedUsd, after.caoBang.disbursedUsd)).toBe(counts ? 40025n : 0n);
      expect(moved(before.health.committedUsd, after.health.committedUsd)).toBe(counts ? 100050n : 0n);
      expect(moved(before.northEast.disbursedUsd, after.northEast.disbursedUsd)).toBe(counts ? 40025n : 0n);
      expect((after.trendYear?.aidRecords ?? 0) - (before.trendYear?.aidRecords ?? 0)).toBe(counts ? 1 : 0);
      expect(after.recordIds.includes(item.id)).toBe(counts);

      // The public aid list agrees: what the figures count is what anyone can look up.
      const listed = await get(`/api/public/aid?pageSize=200`);
      expect(listed.items.some((i: { id: string }) => i.id === item.id)).toBe(counts);
    },
  );

  it('an approved item not started six months after approval stays approved: counted and listed alike (D80 Art. 4.7)', async () => {
    const org = await buildOrganisation(t.db);
    const year = Number(today.slice(0, 4)) - 1;
    const item = await buildAidItem(t.db, {
      organisation_id: org.id,
      status: 'APPROVED',
      approval_decision_number: '7/QĐ-UBND',
      approval_date: `${year}-01-05`,
      approval_legal_basis: 'D80_2020',
      planned_start: `${year}-01-10`,
      actual_start: null,
    });
    await addTransactions(item.id, year);
    const view = await publicView(year);
    expect(view.recordIds).toContain(item.id);
    const listed = await get(`/api/public/aid?pageSize=200`);
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('follows status changes in the transaction that makes them: approval enters, cancellation leaves', async () => {
    const year = 2040;
    const org = await buildOrganisation(t.db);
    const item = await buildAidItem(t.db, { organisation_id: org.id, status: 'PIPELINE' });
    await addTransactions(item.id, year);
    expect((await get(`/api/public/stats/summary?year=${year}`)).disbursedUsd).toBe('0.00');

    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('aid_items').set({ status: 'APPROVED', approval_date: today }).where('id', '=', item.id).execute();
      const inside = await sql<{
        d: string;
      }>`select coalesce(sum(disbursed_usd), 0)::text as d from stats_org_year where year = ${year}`.execute(trx);
      expect(Number(inside.rows[0]!.d)).toBe(400.25);
    });
    const approved = await get(`/api/public/stats/summary?year=${year}`);
    expect([approved.committedUsd, approved.disbursedUsd, approved.aidRecords, approved.activeOrganisations]).toEqual([
      '1000.50',
      '400.25',
      1,
      1,
    ]);

    await t.db.updateTable('aid_items').set({ status: 'IMPLEMENTING' }).where('id', '=', item.id).execute();
    expect((await get(`/api/public/stats/summary?year=${year}`)).disbursedUsd).toBe('400.25');

    await t.db.updateTable('aid_items').set({ status: 'CANCELLED' }).where('id', '=', item.id).execute();
    const cancelled = await get(`/api/public/stats/summary?year=${year}`);
    expect([cancelled.committedUsd, cancelled.disbursedUsd, cancelled.aidRecords, cancelled.activeOrganisations]).toEqual([
      '0.00',
      '0.00',
      0,
      0,
    ]);
    expect((await get(`/api/stats/records?year=${year}`)).total).toBe(0);
    const left = await sql<{ n: number }>`select count(*)::int as n from stats_item_cell where aid_item_id = ${item.id}`.execute(t.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('an NGO draft with a 999,999,999,999,999 USD commitment does not move the national figures (issue 11)', async () => {
    const org = await buildOrganisation(t.db);
    const ngo = await t.signInAs('ngo', { organisationId: org.id });
    const before = await get('/api/public/stats/summary?year=2026');
    const created = await t.call(ngo, {
      method: 'POST',
      url: '/api/aid',
      payload: {
        modality: 'PROJECT',
        titleVi: 'Dự án nháp',
        organisationId: org.id,
        locations: [{ provinceId: 'new34:04', share: '100' }],
        sectors: [{ code: 'YTE', share: '100' }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe('PIPELINE');
    for (const kind of ['COMMITMENT', 'DISBURSEMENT']) {
      const tx = await t.call(ngo, {
        method: 'POST',
        url: `/api/aid/${created.json().id}/transactions`,
        payload: { kind, date: '2026-03-01', amount: '999999999999999', currency: 'USD' },
      });
      expect(tx.statusCode, tx.body).toBe(201);
    }
    expect(await get('/api/public/stats/summary?year=2026')).toEqual(before);
    const records = await get('/api/stats/records?year=2026&pageSize=200');
    expect(records.items.some((r: { id: string }) => r.id === created.json().id)).toBe(false);
  });
});
