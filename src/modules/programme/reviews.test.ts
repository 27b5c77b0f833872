import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';
import { centsToString, toCents } from '@domain/money/decimal';
import { buildAidItem, buildOrganisation, buildMoney } from '@modules/aid/aid.fixtures';

/** Issue 15 §4: review reports (mid-term, final) over any period, equal to the statistics API's own figures. */

let t: TestContext;
let central: Session;
const FROM = 2019;
const TO = 2022;
type Part = { code: string; committedUsd: string; disbursedUsd: string; aidRecords: number; organisations: number };

const get = (s: Session | null, url: string, headers: Record<string, string> = {}) => t.call(s, { method: 'GET', url, headers });
const ok = async (s: Session | null, url: string, headers: Record<string, string> = {}) => {
  const r = await get(s, url, headers);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const sum = (values: string[]) => centsToString(values.reduce((a, v) => a + toCents(v), 0n));

const money = (itemId: string, date: string, committed: string, disbursed: string) => buildMoney(t.db, itemId, date, committed, disbursed);

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  const orgs = [await buildOrganisation(t.db), await buildOrganisation(t.db), await buildOrganisation(t.db)];
  // Shares of a third split the cents: the parts must still add up to the totals.
  const split = await buildAidItem(t.db, {
    organisation_id: orgs[0]!.id,
    provinces: [
      ['new34:04', '33.33'],
      ['new34:01', '33.33'],
      ['new34:44', '33.34'],
    ],
    sectors: [
      ['YTE', '50'],
      ['TNMT', '50'],
    ],
  });
  // Phú Thọ merged provinces of three former regions: unallocated in the historic scheme.
  const merged = await buildAidItem(t.db, { organisation_id: orgs[1]!.id, provinces: [['new34:25', '100']], sectors: [['GDDT', '100']] });
  const old = await buildAidItem(t.db, { organisation_id: orgs[2]!.id, provinces: [['old63:04', '100']], sectors: [['KHCN', '100']] });
  const nowhere = await buildAidItem(t.db, { organisation_id: orgs[0]!.id, provinces: [], sectors: [] });
  await money(split.id, '2019-05-01', '1000.01', '333.33');
  await money(split.id, '2021-02-03', '0', '777.77');
  await money(merged.id, '2020-07-07', '5000', '2500.50');
  await money(old.id, '2022-12-31', '120.40', '120.40');
  await money(nowhere.id, '2021-09-09', '10', '9.99');
  await money(old.id, '2023-01-01', '999', '999');
});
afterAll(async () => t?.close());

describe('review over a period', () => {
  it('gives the period summary, the regions of both schemes and provinces that add up, equal to the statistics API', async () => {
    const review = await ok(central, `/api/programme-reviews?from=${FROM}&to=${TO}`);
    const period = await ok(null, `/api/public/stats/summary?from=${FROM}&to=${TO}`);
    for (const key of ['committedUsd', 'disbursedUsd', 'aidRecords', 'activeOrganisations', 'registeredOrganisations'])
      expect(review.totals[key], key).toEqual(period[key]);
    expect(review.totals.disbursedUsd).toBe('3741.99');
    expect([review.programme.code, review.kind]).toEqual(['NP-2019-2025', 'mid_term']);

    for (const scheme of ['current', 'historic']) {
      const regions = await ok(null, `/api/public/stats/by-region?from=${FROM}&to=${TO}&scheme=${scheme}`);
      expect(review.regions[scheme].items).toEqual(regions.items);
      expect(review.regions[scheme].unallocated).toEqual(regions.unallocated);
    }
    expect(review.regions.historic.unallocated.disbursedUsd).toBe('2510.49');

    expect(review.provinces).toHaveLength(34);
    const provinces: Part[] = review.provinces;
    expect(sum([...provinces.map((p) => p.disbursedUsd), review.provincesUnallocated.disbursedUsd])).toBe(review.totals.disbursedUsd);
    expect(sum([...provinces.map((p) => p.committedUsd), review.provincesUnallocated.committedUsd])).toBe(review.totals.committedUsd);
    // Cao Bằng: a third of the split item in 2019 and 2021, and the old Cao Bằng item rolled up; two NGOs counted once.
    expect(provinces.find((p) => p.code === '04')).toMatchObject({ aidRecords: 3, organisations: 2 });
    expect(review.provincesUnallocated.disbursedUsd).toBe('9.99');
  });

  it('over one year gives exactly the by-province and by-sector figures of that year', async () => {
    const review = await ok(central, '/api/programme-reviews?from=2021&to=2021');
    const provinces = await ok(null, '/api/public/stats/by-province?year=2021');
    const sectors = await ok(null, '/api/public/stats/by-sector?year=2021');
    for (const p of provinces.items as (Part & { id: string })[]) {
      const mine = review.provinces.find((x: { id: string }) => x.id === p.id);
      expect([mine.committedUsd, mine.disbursedUsd, mine.aidRecords, mine.organisations], p.id).toEqual([
        p.committedUsd,
        p.disbursedUsd,
        p.aidRecords,
        p.organisations,
      ]);
    }
    const sector = (code: string) => sectors.items.find((s: Part) => s.code === code);
    const priority = (code: string) => review.priorities.find((p: Part) => p.code === code);
    expect(priority('HEALTH')).toMatchObject({ disbursedUsd: sector('YTE').disbursedUsd, aidRecords: 1, organisations: 1, shared: false });
    expect(priority('CLIMATE')).toMatchObject({ disbursedUsd: sector('TNMT').disbursedUsd, shared: true });
    // Sectors by name, as people read them: the same names the by-sector figures give.
    expect(priority('HEALTH').sectorNames).toEqual([sector('YTE').name]);
  });

  it("counts priorities through the sector mapping, the rest outside, and measures the programme's indicators", async () => {
    const review = await ok(central, `/api/programme-reviews?from=${FROM}&to=${TO}`);
    const p = (code: string) => review.priorities.find((x: Part) => x.code === code);
    // Sectors once (TNMT is shared by ENV and CLIMATE) plus what lies outside make the total.
    const once = ['HEALTH', 'ENV', 'EDU', 'AGRI', 'SOCIAL', 'DISASTER', 'WAR'].map((c) => p(c).disbursedUsd);
    expect(sum([...once, review.outsidePriorities.disbursedUsd])).toBe(review.totals.disbursedUsd);
    expect(p('EDU').disbursedUsd).toBe('2500.50');
    expect(p('HEALTH').aidRecords).toBe(2);
    const lastYear = await ok(null, `/api/public/stats/summary?year=${TO}`);
    const indicator = (code: string) => review.indicators.find((i: { code: string }) => i.code === code);
    expect(indicator('AID_PER_YEAR')).toMatchObject({ target: '220', achieved: '0.00', basis: 'mean_yearly_disbursed' });
    expect(indicator('ACTIVE_NGOS')).toMatchObject({ achieved: String(lastYear.activeOrganisations), basis: 'active_last_year' });
  });

  it('is for central only, and refuses a reversed period', async () => {
    const agency = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const ngo = await t.signInAs('ngo', { organisationId: (await buildOrganisation(t.db)).id });
    for (const s of [agency, ngo]) expect((await get(s, '/api/programme-reviews?from=2019&to=2022')).statusCode).toBe(403);
    expect((await get(null, '/api/programme-reviews/export.xlsx?from=2019&to=2022')).statusCode).toBe(401);
    const long = await get(central, '/api/programme-reviews?from=2000&to=2100');
    expect([long.statusCode, long.json().error.code]).toEqual([400, 'validation_failed']);
    const reversed = await get(central, '/api/programme-reviews?from=2022&to=2019');
    expect([reversed.statusCode, reversed.json().error.code]).toEqual([400, 'stats_period_reversed']);
  });
});

describe('downloads', () => {
  it('writes an xlsx whose numeric cells, with number formats, equal the API figures', async () => {
    const review = await ok(central, `/api/programme-reviews?from=${FROM}&to=${TO}`, { 'accept-language': 'en' });
    const file = await get(central, `/api/programme-reviews/export.xlsx?from=${FROM}&to=${TO}`, { 'accept-language': 'en' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rowOf = (sheet: ExcelJS.Worksheet, first: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === first || row.getCell(2).value === first) found ??= row;
      });
      return found!;
    };
    const totals = workbook.worksheets[0]!;
    const disbursed = rowOf(totals, 'Disbursed (USD)').getCell(2);
    expect(disbursed.value).toBe(Number(review.totals.disbursedUsd));
    expect(disbursed.numFmt).toBe('#,##0.00');
    const records = rowOf(totals, 'Aid items').getCell(2);
    expect([records.value, records.numFmt]).toEqual([review.totals.aidRecords, '#,##0']);

    const byProvince = workbook.worksheets.find((s) => s.name.includes('province'))!;
    const caoBang = review.provinces.find((p: { code: string }) => p.code === '04');
    const row = rowOf(byProvince, caoBang.name);
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]).toEqual([
      Number(caoBang.committedUsd),
      Number(caoBang.disbursedUsd),
      caoBang.aidRecords,
      caoBang.organisations,
    ]);
    const historic = workbook.worksheets.find((s) => s.name.includes('traditional'))!;
    expect(rowOf(historic, 'No location recorded').getCell(4).value).toBe(Number(review.regions.historic.unallocated.disbursedUsd));
  });

  it('writes a PDF whose text carries the same figures, in Vietnamese', async () => {
    const review = await ok(central, `/api/programme-reviews?from=${FROM}&to=${TO}`);
    const file = await get(central, `/api/programme-reviews/export.pdf?from=${FROM}&to=${TO}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'review-pdf-'));
    try {
      const pdf = path.join(dir, 'review.pdf');
      writeFileSync(pdf, file.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      // Vietnamese number format (1.234.567,89) and the Decree 30 frame of the Ministry's report.
      const grouped = (v: string) => v.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      const [int, frac] = review.totals.committedUsd.split('.');
      expect(text).toContain(`${grouped(int)},${frac}`);
      const [dint, dfrac] = review.totals.disbursedUsd.split('.');
      expect(text).toContain(`${grouped(dint)},${dfrac}`);
      const [y, m, d] = vietnamToday().split('-');
      expect(text).toMatch(/BỘ NGOẠI GIAO\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain(`Hà Nội, ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`);
      expect(text).toMatch(/Số:\s+\/BC-BNG/);
      expect(text).toMatch(new RegExp(`Lập lúc \\d{2}:\\d{2} ngày ${d}/${m}/${y}`));
      expect(text).not.toContain('UTC');
      expect(text).toContain('Theo vùng (8 vùng truyền thống, 63 tỉnh cũ)');
      expect(text).toContain('Báo cáo sơ kết giữa kỳ Chương trình, giai đoạn 2019–2022');
      expect(text).toContain('Cao Bằng');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
