import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { approvedItem, parseExport } from './iati.test-support';
import { applyImport, dryRunImport } from './iati-import.run';
import { validateAgainstSchema } from './xml/validate-xsd';

/** Issue 15 §2: the needs catalogue's published, not yet funded proposals as IATI pipeline activities. */
let t: TestContext;
let central: Session;
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

const proposal = (overrides: Record<string, unknown>) => ({
  proposingAgencyId: 'UBND:new34:04',
  titleVi: 'Nâng cấp trạm y tế xã',
  titleEn: 'Upgrading commune health stations',
  summaryVi: 'Trang thiết bị cho 12 trạm y tế xã.',
  summaryEn: 'Equipment for 12 commune health stations.',
  sectorCode: 'YTE',
  provinceIds: ['new34:04'],
  budget: '450000.50',
  currency: 'USD',
  contactOffice: 'Sở Ngoại vụ Cao Bằng',
  contactEmail: 'songoaivu@caobang.gov.vn',
  ...overrides,
});

async function propose(key: string, overrides: Record<string, unknown>, publish = true) {
  const created = await t.call(central, { method: 'POST', url: '/api/needs', payload: proposal(overrides) });
  expect(created.statusCode, created.body).toBe(201);
  ids[key] = created.json().id;
  codes[key] = created.json().code;
  if (!publish) return;
  for (const action of ['submit', 'publish']) {
    const version = (await t.call(central, { method: 'GET', url: `/api/needs/${ids[key]}` })).json().version;
    expect(
      (await t.call(central, { method: 'POST', url: `/api/needs/${ids[key]}/actions`, payload: { action, version } })).statusCode,
    ).toBe(200);
  }
}

const source = (text: string) => ({ open: () => Readable.from([Buffer.from(text)]), bytes: Buffer.byteLength(text) });
const pipeline = () => t.call(null, { method: 'GET', url: '/api/public/iati/pipeline.xml' });
/** The XML of one activity of a document, by identifier. */
const activityXml = (xml: string, identifier: string) =>
  xml.split('<iati-activity ').find((part) => part.includes(`<iati-identifier>${identifier}</iati-identifier>`)) ?? '';

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  await propose('year', { durationMonths: 12 });
  await propose('long', {
    proposingAgencyId: 'MOH',
    titleEn: null,
    summaryVi: null,
    summaryEn: null,
    sectorCode: 'GDDT',
    provinceIds: ['new34:04', 'new34:01'],
    budget: '1200000',
    currency: 'EUR',
    durationMonths: 36,
  });
  await propose('draft', { titleVi: 'Bản nháp' }, false);
  await propose('funded', { titleVi: 'Đã có nhà tài trợ' });
  const item = await approvedItem(t.db);
  const funded = await t.call(central, {
    method: 'POST',
    url: `/api/needs/${ids.funded}/fundings`,
    payload: { aidItemId: item.id, amount: '100000' },
  });
  expect(funded.statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('GET /api/public/iati/pipeline.xml', () => {
  it('publishes the published, not yet funded proposals as pipeline activities, valid against the XSD and the Ruleset', async () => {
    const response = await pipeline();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(await validateAgainstSchema(response.body, 'activities')).toEqual({ valid: true, errors: [] });
    const activities = (await parseExport(response.body)).map((p) => p.activity);
    expect(activities.map((a) => a.identifier)).toEqual([`VN-COA-014-${codes.year}`, `VN-COA-014-${codes.long}`]);
    expect(response.headers['x-vnaid-iati-activities']).toBe('2');
    expect(response.body.match(/<activity-status code="1"\/>/g)).toHaveLength(2);
    for (const a of activities) {
      expect(a.status).toBe('PIPELINE');
      expect(a.reportingOrg).toMatchObject({ ref: 'VN-COA-014', secondaryReporter: true });
      expect(a.recipientCountries).toEqual([{ code: 'VN', percentage: '100' }]);
      expect(a.transactions).toEqual([]);
    }
    const [year, long] = activities;
    expect(year!.titles).toEqual({ vi: 'Nâng cấp trạm y tế xã', en: 'Upgrading commune health stations' });
    expect(year!.descriptions).toEqual({ vi: 'Trang thiết bị cho 12 trạm y tế xã.', en: 'Equipment for 12 commune health stations.' });
    expect(year!.locations.map((l) => l.provinceCode)).toEqual(['new34:04']);
    expect(year!.sectors.map((s) => [s.vocabulary, s.code, s.percentage])).toEqual([
      ['1', expect.stringMatching(/^\d{5}$/), '100'],
      ['99', 'YTE', '100'],
    ]);
    expect(year!.participatingOrgs).toEqual([expect.objectContaining({ role: 'ACCOUNTABLE', type: '11' })]);
    const today = vietnamToday();
    expect(year!.dates.plannedStart).toBe(today);
    // A title without English stays Vietnamese only (never an English narrative copied from it); no summary → the title.
    expect(long!.titles).toEqual({ vi: 'Nâng cấp trạm y tế xã' });
    expect(long!.descriptions).toEqual({ vi: 'Nâng cấp trạm y tế xã' });
    expect(long!.locations.map((l) => l.provinceCode)).toEqual(['new34:04', 'new34:01']);
    expect(long!.participatingOrgs).toEqual([expect.objectContaining({ role: 'ACCOUNTABLE', type: '10' })]);
  });

  it('states the budget sought as one indicative budget when the duration fits a year, and in the vnaid extension always', async () => {
    const xml = (await pipeline()).body;
    const year = activityXml(xml, `VN-COA-014-${codes.year}`);
    const start = vietnamToday();
    expect(year).toContain('<budget type="1" status="1">');
    expect(year).toContain(`<period-start iso-date="${start}"/>`);
    expect(year).toMatch(new RegExp(`<value currency="USD" value-date="${start}">450000.50</value>`));
    expect(year).toContain(`<vnaid:proposal code="${codes.year}" budget-sought="450000.50" currency="USD" duration-months="12"/>`);
    expect(year).toContain('<email>songoaivu@caobang.gov.vn</email>');
    const long = activityXml(xml, `VN-COA-014-${codes.long}`);
    // 36 months cannot be one IATI budget period (at most a year), and vnaid does not invent a yearly split.
    expect(long).not.toContain('<budget');
    expect(long).toContain('budget-sought="1200000" currency="EUR" duration-months="36"');
    expect(long).toContain('default-currency="EUR"');
  });
});

describe("re-importing vnaid's own IATI documents", () => {
  it('recognises the pipeline activities as its own proposals: nothing created, nothing changed', async () => {
    const xml = (await pipeline()).body;
    const countItems = async () =>
      (
        await t.db
          .selectFrom('aid_items')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await countItems();
    const dry = await dryRunImport(t.db, source(xml));
    expect(dry.counts).toMatchObject({ activities: 2, created: 0, updated: 0, skipped: 2 });
    const report = await applyImport(t.db, { actor: null, label: 'test' }, source(xml));
    expect(report.counts).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(report.skipped.map((s) => s.reason)).toEqual(['vnaid_proposal', 'vnaid_proposal']);
    expect(await countItems()).toBe(before);
  });

  it('still creates nothing from the public activity document now that proposals are published beside it', async () => {
    const year = Number(vietnamToday().slice(0, 4)) - 2;
    await approvedItem(t.db, { approval_date: `${year}-01-10`, actual_start: `${year}-02-01`, planned_start: `${year}-02-01` });
    const xml = (await t.call(null, { method: 'GET', url: '/api/public/iati/activities.xml' })).body;
    const published = await parseExport(xml);
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((p) => !p.activity.identifier.includes('-NC-'))).toBe(true);
    const report = await applyImport(t.db, { actor: null, label: 'test' }, source(xml));
    expect(report.skipped).toEqual([]);
    expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: published.length, skipped: 0 });
  });
});
