import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { multipart, pdf } from '@modules/procedures/procedures.test-support';
import { approvedItem, useTempDataDir } from '../iati/iati.test-support';
import { fieldNames } from './opendata.fields';
import { buildBundle } from './opendata.service';

/** Issue 15 §2: the needs catalogue's published proposals in the open-data bundle, as the public API shows them. */
let t: TestContext;
let dataDir: string;
let central: Session;
const ids: Record<string, string> = {};

async function propose(key: string, overrides: Record<string, unknown>, steps: string[]) {
  const created = await t.call(central, {
    method: 'POST',
    url: '/api/needs',
    payload: {
      proposingAgencyId: 'UBND:new34:04',
      programmeCode: 'NP-2026-2030',
      priorityCode: 'HEALTH',
      titleVi: 'Nâng cấp trạm y tế xã',
      titleEn: 'Upgrading commune health stations',
      summaryVi: 'Trang thiết bị, "đào tạo"; 12 trạm',
      sectorCode: 'YTE',
      provinceIds: ['new34:04'],
      budget: '450000.50',
      currency: 'USD',
      durationMonths: 24,
      counterpartAmount: '-5',
      contactOffice: '=Sở Ngoại vụ',
      ...overrides,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  ids[key] = created.json().id;
  for (const action of steps) {
    const version = (await t.call(central, { method: 'GET', url: `/api/needs/${ids[key]}` })).json().version;
    expect(
      (await t.call(central, { method: 'POST', url: `/api/needs/${ids[key]}/actions`, payload: { action, version } })).statusCode,
    ).toBe(200);
  }
}

beforeAll(async () => {
  dataDir = useTempDataDir('vnaid-opendata-needs-');
  t = await createTestContext();
  central = await t.signInAs('central');
  await propose('health', { counterpartAmount: '45000' }, []);
  const upload = await t.call(central, {
    method: 'POST',
    url: `/api/needs/${ids.health}/documents?kind=CONCEPT_NOTE`,
    ...multipart('Đề cương.pdf', pdf('concept')),
  });
  expect(upload.statusCode).toBe(201);
  for (const action of ['submit', 'publish']) {
    const version = (await t.call(central, { method: 'GET', url: `/api/needs/${ids.health}` })).json().version;
    await t.call(central, { method: 'POST', url: `/api/needs/${ids.health}/actions`, payload: { action, version } });
  }
  await propose(
    'school',
    {
      proposingAgencyId: 'MOET',
      titleVi: 'Trường bán trú',
      titleEn: null,
      priorityCode: 'EDU_HR',
      sectorCode: 'GDDT',
      counterpartAmount: null,
    },
    ['submit', 'publish'],
  );
  await propose('draft', { titleVi: 'Bản nháp không công bố', counterpartAmount: null }, []);
  await propose('waiting', { titleVi: 'Đang chờ thẩm định', counterpartAmount: null }, ['submit']);
  const item = await approvedItem(t.db);
  const funded = await t.call(central, {
    method: 'POST',
    url: `/api/needs/${ids.school}/fundings`,
    payload: { aidItemId: item.id, amount: '1000' },
  });
  expect(funded.statusCode).toBe(200);
  await buildBundle(t.db, { actor: null, label: 'test' }, dataDir);
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (url: string) => t.call(null, { method: 'GET', url });

describe('open-data dataset `needs`', () => {
  it('holds the published and funded proposals only, each row saying what its public page says', async () => {
    const json = (await get('/api/public/opendata/latest/needs.json')).json();
    expect(json.fields).toEqual(fieldNames('needs'));
    expect(json.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.health, ids.school].sort());
    for (const row of json.items) {
      const page = (await get(`/api/public/needs/${row.id}`)).json();
      expect(row).toMatchObject({
        code: page.code,
        status: page.status,
        titleVi: page.titleVi,
        titleEn: page.titleEn,
        summaryVi: page.summaryVi,
        proposedBy: page.proposedBy,
        proposedByVi: page.proposedByNameVi,
        sector: page.sectorCode,
        provinces: page.provinceIds,
        programme: page.programmeCode,
        priority: page.priorityCode,
        budget: page.budget,
        currency: page.currency,
        durationMonths: page.durationMonths,
        counterpartAmount: page.counterpartAmount,
        contactOffice: page.contactOffice,
        mobilised: page.mobilised,
        fundedBy: page.fundings.map((f: { aidItemCode: string }) => f.aidItemCode),
        documents: page.documents.map((d: { id: string }) => `/api/public/needs/${row.id}/documents/${d.id}`),
        publishedOn: vietnamToday(),
        synthetic: false,
      });
    }
    const health = json.items.find((r: { id: string }) => r.id === ids.health);
    expect(health).toMatchObject({
      statusVi: 'Đã công bố',
      statusEn: 'Published',
      provincesVi: ['Cao Bằng'],
      sectorVi: expect.stringMatching(/Y tế/),
      budget: '450000.50',
      counterpartAmount: '45000',
    });
    expect(health.documents).toHaveLength(1);
    expect((await get(health.documents[0])).statusCode).toBe(200);
    const school = json.items.find((r: { id: string }) => r.id === ids.school);
    expect(school).toMatchObject({ status: 'FUNDED', statusEn: 'Funded', mobilised: '1000', titleEn: null });
  });

  it('writes the CSV with the documented header, lists joined and formulas defused', async () => {
    const csv = (await get('/api/public/opendata/latest/needs.csv')).body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe(fieldNames('needs').join(','));
    expect(csv).toHaveLength(3);
    const health = csv.find((line) => line.includes(ids.health!))!;
    expect(health).toContain(`"Trang thiết bị, ""đào tạo""; 12 trạm"`);
    expect(health).toContain("'=Sở Ngoại vụ");
    expect(csv.join('\n')).not.toContain('Bản nháp không công bố');
    expect(csv.join('\n')).not.toContain('Đang chờ thẩm định');
  });
});
