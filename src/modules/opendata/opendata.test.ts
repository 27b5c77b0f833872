import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { runPendingJobs } from '../../jobs/worker';
import { approvedItem, useTempDataDir } from '../iati/iati.test-support';
import { fieldNames } from './opendata.fields';
import { ensureTodayBundle } from './opendata.job';
import { issue } from '@modules/registry/registry.fixtures';

let t: TestContext;
let dataDir: string;
let admin: Session;
let ngo: { id: string; code: string };

beforeAll(async () => {
  dataDir = useTempDataDir('vnaid-opendata-');
  t = await createTestContext();
  admin = await t.signInAs('admin');
  ngo = await buildOrganisation(t.db, { name: '=Formula "Aid", Ltd' });
  await t.db.updateTable('organisations').set({ name_vi: 'Tổ chức Cứu trợ', iati_org_id: 'GB-CHC-42' }).where('id', '=', ngo.id).execute();
  // The public directory lists organisations that hold or held a certificate.
  expect((await issue(t, admin, ngo.id)).statusCode).toBe(201);
  await approvedItem(t.db, {
    organisation_id: ngo.id,
    provinces: [
      ['old63:04', '60'],
      ['old63:02', '40'],
    ],
    sectors: [['YTE', '100']],
    money: [
      { kind: 'COMMITMENT', date: '2024-01-20', amount: '5000', currency: 'USD' },
      { kind: 'DISBURSEMENT', date: '2024-04-01', amount: '1234.56', currency: 'USD' },
    ],
  });
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (url: string) => t.call(null, { method: 'GET', url });
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('open-data bundle', () => {
  it('lets only an administrator ask for a rebuild (401, 403, 202)', async () => {
    expect((await t.call(null, { method: 'POST', url: '/api/opendata/bundles' })).statusCode).toBe(401);
    const central = await t.signInAs('central');
    expect((await t.call(central, { method: 'POST', url: '/api/opendata/bundles' })).statusCode).toBe(403);
    // The daily check queues today's bundle when it is missing; a request while it is queued answers that job.
    expect(await ensureTodayBundle(t.db)).toBe(true);
    const daily = await t.db.selectFrom('jobs').select('id').where('kind', '=', 'opendata.bundle').executeTakeFirstOrThrow();
    const first = await t.call(admin, { method: 'POST', url: '/api/opendata/bundles' });
    expect(first.statusCode).toBe(202);
    expect(first.json().jobId).toBe(daily.id);
    expect((await get('/api/public/opendata')).json().latest).toBeNull();
    expect(await runPendingJobs(t.db, dataDir)).toBe(1);
    expect(await ensureTodayBundle(t.db)).toBe(false);
  });

  it('lists the bundle: the directory, the statistics and the needs catalogue as CSV and JSON, with sizes and checksums', async () => {
    const index = (await get('/api/public/opendata')).json();
    expect(index.latest.files.map((f: { name: string }) => f.name).sort()).toEqual(
      ['directory', 'stats-by-province', 'stats-by-sector', 'stats-by-year', 'needs']
        .flatMap((n) => [`${n}.csv`, `${n}.json`])
        .concat('manifest.json')
        .sort(),
    );
    expect(index.iati.years).toContain(2024);
    expect(index.iati.pipeline).toBe('/api/public/iati/pipeline.xml');
    expect(index.documentation).toBe('/api/public/opendata/fields');
    const file = index.latest.files.find((f: { name: string }) => f.name === 'directory.csv');
    const response = await get(file.url);
    expect(response.statusCode).toBe(200);
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(file.sha256);
    expect(response.headers['x-content-sha256']).toBe(file.sha256);
  });

  it('writes the directory with codes and labels in both languages, safe for spreadsheets', async () => {
    const response = await get('/api/public/opendata/latest/directory.csv');
    expect(response.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = csvLines(response.body);
    expect(header).toBe(fieldNames('directory').join(','));
    const row = rows.find((r) => r.includes(ngo.code))!;
    expect(row).toContain(`"'=Formula ""Aid"", Ltd"`);
    expect(row).toContain(
      'ACTIVE,Còn hiệu lực,Valid,GDKHD,Giấy đăng ký hoạt động,Operation Registration Certificate,YTE,Y tế,Health,new34:04,Cao Bằng,Cao Bang,2027-01-10',
    );
    expect(row).toContain('GB-CHC-42');
    const json = (await get('/api/public/opendata/latest/directory.json')).json();
    expect(json).toMatchObject({ dataset: 'directory', fields: fieldNames('directory'), synthetic: false });
    expect(json.items.find((i: { code: string }) => i.code === ngo.code)).toMatchObject({
      nameVi: 'Tổ chức Cứu trợ',
      country: 'GB',
      countryVi: 'Vương quốc Anh',
      status: 'ACTIVE',
      provinces: ['new34:04'],
    });
  });

  it('writes the statistics the public statistics API gives, by year, province and sector', async () => {
    const years = (await get('/api/public/opendata/latest/stats-by-year.json')).json();
    const summary = (await get('/api/public/stats/summary?year=2024')).json();
    expect(years.items.find((y: { year: number }) => y.year === 2024)).toMatchObject({
      committedUsd: summary.committedUsd,
      disbursedUsd: summary.disbursedUsd,
      aidRecords: summary.aidRecords,
    });
    const provinces = (await get('/api/public/opendata/latest/stats-by-province.json'))
      .json()
      .items.filter((p: { year: number }) => p.year === 2024);
    const api = (await get('/api/public/stats/by-province?year=2024')).json().items;
    const caoBang = provinces.find((p: { province: string }) => p.province === 'new34:04');
    expect(caoBang).toMatchObject({
      provinceVi: 'Cao Bằng',
      provinceEn: 'Cao Bang',
      disbursedUsd: api.find((p: { code: string }) => p.code === '04').disbursedUsd,
    });
    expect(caoBang.disbursedUsd).toBe('740.74');
    const sectors = csvLines((await get('/api/public/opendata/latest/stats-by-sector.csv')).body);
    expect(sectors[0]).toBe(fieldNames('stats-by-sector').join(','));
    expect(sectors.find((l) => l.startsWith('2024,YTE,'))).toContain('12220,5000.00,1234.56,1,1');
  });

  it('is described in the OpenAPI document, with the IATI routes', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    for (const path of [
      '/api/public/opendata',
      '/api/public/opendata/fields',
      '/api/opendata/bundles',
      '/api/public/iati/activities.xml',
      '/api/public/iati/pipeline.xml',
      '/api/public/needs/{id}/documents/{documentId}',
      '/api/iati/imports',
      '/api/iati/gap/{organisationId}',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('documents every field, and refuses unknown files', async () => {
    const fields = (await get('/api/public/opendata/fields')).json();
    expect(fields.datasets.map((d: { name: string }) => d.name)).toEqual([
      'directory',
      'stats-by-year',
      'stats-by-province',
      'stats-by-sector',
      'needs',
    ]);
    expect(fields.datasets[0].fields[0]).toMatchObject({ name: 'id', description: { vi: expect.any(String), en: expect.any(String) } });
    expect((await get('/api/public/opendata/latest/secrets.csv')).statusCode).toBe(404);
    expect((await get('/api/public/opendata/2001-01-01/directory.csv')).statusCode).toBe(404);
    expect((await get('/api/public/opendata/latest/..%2Fpg-password')).statusCode).toBe(400);
  });
});
