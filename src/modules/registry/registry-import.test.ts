import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { uploadList } from './registry-import.test-support';

let t: TestContext;
let central: Session;
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

const upload = (content: Buffer | string, filename: string, options: { dryRun?: boolean; lang?: string; session?: Session | null } = {}) =>
  uploadList(t, options.session === undefined ? central : options.session, content, filename, options);

const HEADER =
  'org_code,name_original,name_vi,country,certificate_type,certificate_number,issue_date,valid_until,provinces,sectors,office_province,decision_number,decision_date';
const GOOD = [
  HEADER,
  'IMP-001,Legacy Aid One,Tổ chức Viện trợ Một,GB,GDKHD,IMP/GDKHD/1,2024-02-01,2027-02-01,new34:04;new34:08,YTE,,12/QĐ-BNG,2024-01-25',
  'IMP-001,,,,GDKVPDD,IMP/VPDD/1,2024-02-01,2029-02-01,Hà Nội,Y tế,Hà Nội,13/QĐ-BNG,2024-01-25',
  'IMP-002,"Legacy Aid Two, Inc.",,US,GDKVPDA,IMP/VPDA/1,2019-05-01,2023-05-01,Cao Bằng,GDDT,old63:04,,',
  'IMP-003,Legacy Without Certificate,,FR,,,,,,,,,',
].join('\n');

const count = async (table: 'organisations' | 'certificates') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('legacy import', () => {
  it('refuses anonymous callers (401), agencies (403) and a request that is not an upload (415)', async () => {
    expect((await upload(GOOD, 'list.csv', { session: null })).statusCode).toBe(401);
    expect((await upload(GOOD, 'list.csv', { session: await t.signInAs('agency', { agencyId: 'MOH' }) })).statusCode).toBe(403);
    expect((await t.call(central, { method: 'POST', url: '/api/registry/import', payload: { rows: [] } })).statusCode).toBe(415);
  });

  it('serves a template whose header names every column and whose example row imports cleanly', async () => {
    const response = await t.call(central, { method: 'GET', url: '/api/registry/import/template.xlsx' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Danh sách', 'Hướng dẫn']);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('org_code');
    const report = await upload(response.rawPayload, 'template.xlsx', { dryRun: true });
    expect(report.json()).toMatchObject({
      valid: true,
      rows: 1,
      organisations: { created: 1 },
      certificates: { created: 1, decisions: 1 },
    });
  });

  it('checks a dry run without writing, then imports everything in one go, and re-imports harmlessly', async () => {
    const before = await count('organisations');
    const dry = await upload(GOOD, 'list.csv', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      valid: true,
      rows: 4,
      organisations: { created: 3, updated: 0 },
      certificates: { created: 3, skipped: 0 },
      errors: [],
    });
    expect(await count('organisations')).toBe(before);

    const applied = await upload(GOOD, 'list.csv');
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ dryRun: false, valid: true, certificates: { created: 3 } });
    const office = await t.db
      .selectFrom('certificates as c')
      .innerJoin('certificate_versions as v', 'v.certificate_id', 'c.id')
      .select(['v.office_province_id', 'v.province_ids', 'v.sector_codes'])
      .where('c.number', '=', 'IMP/VPDD/1')
      .executeTakeFirstOrThrow();
    expect(office).toEqual({ office_province_id: 'new34:01', province_ids: ['new34:01'], sector_codes: ['YTE'] });
    const legacy = await t.db
      .selectFrom('certificates as c')
      .innerJoin('certificate_status_periods as s', 's.certificate_id', 'c.id')
      .select('s.status')
      .where('c.number', '=', 'IMP/VPDA/1')
      .execute();
    expect(legacy.map((s) => s.status)).toEqual(['ACTIVE', 'EXPIRED']);
    const search = (await t.call(null, { method: 'GET', url: '/api/public/organisations?q=vien%20tro%20mot' })).json();
    expect(search.items[0].name).toBe('Legacy Aid One');

    const again = await upload(GOOD, 'list.csv');
    expect(again.json()).toMatchObject({ organisations: { created: 0, updated: 0 }, certificates: { created: 0, skipped: 3 } });
  });

  it('rejects a file with any bad row, lists every problem with row and column in the request language, and writes nothing', async () => {
    const bad = [
      HEADER,
      'BAD-001,Bad One,,ZZ,GDKHD,BAD/1,2024-02-30,2027-02-01,new34:04,YTE,,1,2024-01-01',
      'BAD-002,Bad Two,,GB,GDKHD,BAD/2,2024-02-01,2027-02-02,new34:04,YTE,,1,2024-01-01',
      'BAD-003,Bad Three,,GB,GDKVPDD,BAD/3,2024-02-01,2029-02-01,new34:04,YTE,new34:04,1,2024-01-01',
      'BAD-004,Bad Four,,GB,GDKVPDD,BAD/4,2024-02-01,2029-02-01,new34:01,YTE,new34:01,1,2024-01-01',
      'BAD-004,,,,GDKVPDD,BAD/5,2025-02-01,2030-02-01,new34:48,YTE,new34:48,1,2025-01-01',
      'BAD-005,Bad Five,,GB,GDKHD,BAD/4,2024-02-01,2027-02-01,Atlantis,XYZ,,1,2024-01-01',
      ',No Code,,GB,,,,,,,,,',
    ].join('\n');
    const before = { organisations: await count('organisations'), certificates: await count('certificates') };
    const response = await upload(bad, 'bad.csv', { lang: 'en' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('import_rejected');
    const errors: { row: number; column: string; code: string; message: string }[] = response.json().error.details.errors;
    const at = (row: number) =>
      errors
        .filter((e) => e.row === row)
        .map((e) => `${e.column}:${e.code}`)
        .sort();
    expect(at(2)).toEqual(['country:country', 'issue_date:date']);
    expect(at(3)).toEqual(['valid_until:certificate_validity_exceeds_cap']);
    expect(at(4)).toEqual(['office_province:certificate_office_city']);
    expect(at(5)).toEqual([]);
    expect(at(6)).toEqual(['certificate_type:certificate_second_office']);
    expect(at(7)).toEqual(['certificate_number:duplicateNumber', 'provinces:province', 'sectors:sector']);
    expect(at(8)).toEqual(['org_code:required']);
    expect(errors.find((e) => e.row === 3)!.message).toContain('3 years');
    expect(errors.find((e) => e.row === 7 && e.column === 'provinces')!.message).toBe('Unknown province code: Atlantis.');
    expect(await count('organisations')).toBe(before.organisations);
    expect(await count('certificates')).toBe(before.certificates);

    const dry = await upload(bad, 'bad.csv', { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().valid).toBe(false);
    expect(dry.json().errors[0].message).toBe('Mã quốc gia không có trong danh mục.');
  });

  it('reads an xlsx list with real date cells, and refuses an unreadable file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['Danh sách cũ (tiêu đề tự do)']);
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'XLS-001',
      'Excel Org',
      '',
      'JP',
      'GDKHD',
      'XLS/1',
      new Date(Date.UTC(2025, 0, 15)),
      new Date(Date.UTC(2028, 0, 15)),
      'new34:04',
      'YTE',
      '',
      '9/QĐ-BNG',
      new Date(Date.UTC(2025, 0, 10)),
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(buffer, 'list.xlsx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().certificates.created).toBe(1);
    const version = await t.db
      .selectFrom('certificates as c')
      .innerJoin('certificate_versions as v', 'v.certificate_id', 'c.id')
      .select(['v.issue_date', 'v.valid_until'])
      .where('c.number', '=', 'XLS/1')
      .executeTakeFirstOrThrow();
    expect(version).toEqual({ issue_date: '2025-01-15', valid_until: '2028-01-15' });

    const garbage = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx', { lang: 'en' });
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.details.errors[0]).toMatchObject({ code: 'unreadable' });
    const noHeader = await upload('a,b,c\n1,2,3', 'x.csv');
    expect(noHeader.json().error.details.errors[0].code).toBe('headers');
  });
});
