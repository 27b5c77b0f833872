import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@db/types';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { applyImport, applySettings, runSettings } from './iati-import.run';

/**
 * An apply defers the statistics and totals upkeep to one recompute before it commits (issue 16, Speed; migration
 * 20261208160000_stats_deferred_upkeep.sql). The same files are applied to two databases, once through the
 * per-statement triggers and once deferred: every aggregate the public statistics and the aid list read must be
 * the same, and so must the public answers.
 */
const ctx = { actor: null, label: 'test' };
const source = (xml: string) => {
  const bytes = Buffer.from(xml, 'utf8');
  return { open: () => Readable.from([bytes]), bytes: bytes.length };
};

type Tx = [type: string, date: string, value: string];
type Activity = { id: string; status: string; donor: string; places: string[]; sectors: [string, string][]; txs: Tx[] };

/** vnaid's own status (its IATI extension) beside the IATI code; an approved item carries its decision. */
const STATUS: Record<string, string> = { '1': 'PIPELINE', '2': 'IMPLEMENTING', '3': 'COMPLETED' };

function activityXml(a: Activity): string {
  const places = a.places.map((name) => `<location><name><narrative xml:lang="vi">${name}</narrative></name></location>`).join('');
  return `
 <iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>${a.id}</iati-identifier>
  <reporting-org ref="${a.donor}" type="10"><narrative>Donor ${a.donor}</narrative></reporting-org>
  <title><narrative>Activity ${a.id}</narrative></title>
  <participating-org role="1" ref="${a.donor}" type="10"><narrative>Donor ${a.donor}</narrative></participating-org>
  <activity-status code="${a.status}"/>
  <activity-date type="2" iso-date="2021-03-01"/>${a.status === '3' ? '<activity-date type="4" iso-date="2024-06-30"/>' : ''}
  <recipient-country code="VN" percentage="100"/>
  ${places}
  ${a.sectors.map(([code, pct]) => `<sector vocabulary="1" code="${code}" percentage="${pct}"/>`).join('')}
  ${a.txs
    .map(
      ([type, date, value]) =>
        `<transaction><transaction-type code="${type}"/><transaction-date iso-date="${date}"/><value value-date="${date}">${value}</value></transaction>`,
    )
    .join('')}
  <vnaid:modality code="PROJECT"/><vnaid:status code="${STATUS[a.status]}"/>${a.status === '1' ? '' : '<vnaid:approval decision-number="12/QĐ-TTg" date="2021-01-10"/>'}
 </iati-activity>`;
}
const file = (activities: Activity[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z" xmlns:vnaid="urn:vnaid:iati:1">${activities.map(activityXml).join('')}\n</iati-activities>\n`;

// First file: counted items (status 2, 3) with locations, several sectors, money over three years (negative
// corrections, an expenditure-only year), and a pipeline item (status 1) that must not count.
const FIRST: Activity[] = [
  {
    id: 'XI-DEF-1',
    status: '2',
    donor: 'XI-DONOR-A',
    places: ['Hà Nội', 'Tỉnh Quảng Nam'],
    sectors: [
      ['12220', '60'],
      ['31161', '40'],
    ],
    txs: [
      ['2', '2021-03-01', '900000'],
      ['3', '2021-06-01', '250000.25'],
      ['3', '2022-02-01', '300000'],
      ['3', '2022-05-01', '-20000.5'],
      ['4', '2023-01-10', '5000'],
    ],
  },
  {
    id: 'XI-DEF-2',
    status: '3',
    donor: 'XI-DONOR-B',
    places: ['Hà Nội'],
    sectors: [['11220', '100']],
    txs: [
      ['2', '2021-01-15', '120000'],
      ['3', '2022-07-01', '60000'],
      ['4', '2024-03-01', '7000'],
    ],
  },
  { id: 'XI-DEF-3', status: '1', donor: 'XI-DONOR-A', places: [], sectors: [['12220', '100']], txs: [['2', '2022-01-01', '500000']] },
];
// Second file: locations, sectors and money of item 1 change, item 3 starts counting, item 2 is unchanged.
const SECOND: Activity[] = [
  {
    ...FIRST[0]!,
    places: ['Thừa Thiên Huế'],
    sectors: [
      ['31161', '25'],
      ['11220', '75'],
    ],
    txs: [
      ['2', '2021-03-01', '950000'],
      ['3', '2023-04-01', '410000'],
    ],
  },
  FIRST[1]!,
  {
    ...FIRST[2]!,
    status: '2',
    txs: [
      ['2', '2022-01-01', '500000'],
      ['3', '2022-09-01', '125000'],
    ],
  },
];

/** The aggregates, keyed by what both databases share (IATI identifier, organisation code), in a stable order. */
async function snapshot(db: Kysely<Database>) {
  const q = async (table: string, columns: string, order: string) =>
    (await sql.raw<Record<string, unknown>>(`select ${columns} from ${table} t order by ${order}`).execute(db)).rows;
  const it = (cols: string) => `(select iati_identifier from aid_items i where i.id = t.aid_item_id) as item, ${cols}`;
  return {
    itemYear: await q(
      'stats_item_year',
      it(`year, (select code from organisations o where o.id = t.organisation_id) as org,
      committed_usd::text, disbursed_usd::text, commitments, disbursements`),
      '1, 2',
    ),
    orgYear: await q(
      'stats_org_year',
      `(select code from organisations o where o.id = t.organisation_id) as org, year,
      committed_usd::text, disbursed_usd::text, commitments, disbursements, aid_records`,
      '1, 2',
    ),
    places: await q('stats_item_place', it('province_id, region_code, fraction::text'), '1, 2'),
    sectors: await q('stats_item_sector', it('sector_code, fraction::text'), '1, 2'),
    historic: await q('stats_item_historic_region', it('region_code, fraction::text'), '1, 2'),
    cells: await q(
      'stats_item_cell',
      it(`year, country_code, governing_agency_id, province_id, region_code, sector_code,
      committed_usd::text, disbursed_usd::text, disbursements`),
      '1, 2, 5, 7',
    ),
    totals: await q(
      'aid_item_totals',
      it(`committed_usd::text, disbursed_usd::text, committed_vnd::text, disbursed_vnd::text,
      first_tx_date::text, last_tx_date::text, tx_count`),
      '1',
    ),
    yearTotals: await q(
      'aid_item_year_totals',
      it(`year, committed_usd::text, disbursed_usd::text, committed_vnd::text,
      disbursed_vnd::text, tx_count`),
      '1, 2',
    ),
  };
}

const PUBLIC = ['summary?year=2022', 'by-province?year=2022', 'by-sector?year=2022', 'by-region?year=2022', 'trend'];
async function publicAnswers(t: TestContext) {
  const out: Record<string, unknown> = {};
  for (const path of PUBLIC) {
    const r = await t.app.inject({ method: 'GET', url: `/api/public/stats/${path}` });
    out[path] = { status: r.statusCode, body: r.json() };
  }
  return out;
}

let triggers: TestContext;
let deferred: TestContext;
beforeAll(async () => {
  [triggers, deferred] = await Promise.all([createTestContext(), createTestContext()]);
  for (const t of [triggers, deferred]) {
    await sql`insert into organisations (code, name_original, country_code, iati_org_id)
      values ('DONOR-A', 'Donor A', 'JP', 'XI-DONOR-A'), ('DONOR-B', 'Donor B', 'KR', 'XI-DONOR-B')`.execute(t.db);
  }
});
afterAll(async () => Promise.all([triggers?.close(), deferred?.close()]));
const defaults = { ...applySettings, batch: runSettings.batch };
afterEach(() => {
  Object.assign(applySettings, { deferStatistics: defaults.deferStatistics, recomputeEvery: defaults.recomputeEvery });
  runSettings.batch = defaults.batch;
});

/** Applies `xml` through the triggers, then deferred; `chunked`: one item per batch, rebuilt after each batch. */
async function applyBoth(xml: string, chunked: boolean) {
  applySettings.deferStatistics = false;
  const a = await applyImport(triggers.db, ctx, source(xml));
  applySettings.deferStatistics = true;
  if (chunked) {
    runSettings.batch = 1;
    applySettings.recomputeEvery = 1;
  }
  const b = await applyImport(deferred.db, ctx, source(xml));
  expect(b.counts).toEqual(a.counts);
  return b;
}

/** Sets the provinces of items by hand (a write outside the import, through the triggers). */
async function placeItems(db: Kysely<Database>, ids: string[], shares: [string, string][]) {
  await sql`delete from aid_locations where aid_item_id in (select id from aid_items where iati_identifier = any(${ids}::text[]))`.execute(
    db,
  );
  for (const [province, share] of shares) {
    await sql`insert into aid_locations (aid_item_id, province_id, share)
      select id, ${province}, ${share}::numeric from aid_items where iati_identifier = any(${ids}::text[])`.execute(db);
  }
}

describe('IATI apply: deferred statistics upkeep', () => {
  it('leaves the same aggregates and public answers as the per-statement triggers, on creates (rebuilt item by item) and on updates (at the end)', async () => {
    const first = await applyBoth(file(FIRST), true);
    expect(first.counts).toMatchObject({ created: 3, skipped: 0 });
    const before = await snapshot(deferred.db);
    expect(before).toEqual(await snapshot(triggers.db));
    // Not vacuous: both sectors, both provinces and several years of the counted items are in the aggregates.
    expect(before.sectors.map((r) => `${r.item} ${r.sector_code}`)).toEqual([
      'XI-DEF-1 NLNN',
      'XI-DEF-1 YTE',
      'XI-DEF-2 GDDT',
      'XI-DEF-3 YTE',
    ]);
    expect(before.places.filter((r) => r.item === 'XI-DEF-1')).toHaveLength(2);
    expect(before.itemYear.map((r) => `${r.item} ${r.year}`)).toEqual(['XI-DEF-1 2021', 'XI-DEF-1 2022', 'XI-DEF-2 2021', 'XI-DEF-2 2022']);
    expect(before.cells.length).toBeGreaterThan(before.itemYear.length);

    const second = await applyBoth(file(SECOND), false);
    expect(second.counts).toMatchObject({ created: 0, skipped: 0 });
    const after = await snapshot(deferred.db);
    expect(after).toEqual(await snapshot(triggers.db));
    expect(after.itemYear.map((r) => `${r.item} ${r.year}`)).toEqual([
      'XI-DEF-1 2021',
      'XI-DEF-1 2023',
      'XI-DEF-2 2021',
      'XI-DEF-2 2022',
      'XI-DEF-3 2022',
    ]);
    expect(after.places.filter((r) => r.item === 'XI-DEF-1')).toHaveLength(1);
    expect(after.sectors.filter((r) => r.item === 'XI-DEF-1').map((r) => r.sector_code)).toEqual(['GDDT', 'NLNN']);
    expect(await publicAnswers(deferred)).toEqual(await publicAnswers(triggers));
  });

  it('ends the deferral in the transaction: later writes of the same connection keep the statistics again', async () => {
    const { rows } = await sql<{ deferred: boolean }>`select stats_deferred() as deferred`.execute(deferred.db);
    expect(rows[0]!.deferred).toBe(false);
    await placeItems(deferred.db, ['XI-DEF-3'], [['old63:79', '100']]);
    const places = await sql<{ province_id: string }>`select province_id from stats_item_place p join aid_items i on i.id = p.aid_item_id
      where i.iati_identifier = 'XI-DEF-3'`.execute(deferred.db);
    expect(places.rows).toHaveLength(1);
  });
});
