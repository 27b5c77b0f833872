import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip, writeZip } from '@files/test-support/zip-writer';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { uploadList } from './registry-import.test-support';

/**
 * Hostile spreadsheets (issue 11, defect 2): each is built here from the real template, never committed. Before the
 * bounds, the first one kept the event loop busy for about 100 s and ended in "JavaScript heap out of memory".
 */
let t: TestContext;
let central: Session;
let template: Buffer;
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  template = (await t.call(central, { method: 'GET', url: '/api/registry/import/template.xlsx' })).rawPayload;
});
afterAll(async () => t.close());

const organisations = async () =>
  Number(
    (
      await t.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The template with one more cell, in the last row a spreadsheet has (ExcelJS declares the range A1:AC1048576). */
async function templateWithLastRow(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  workbook.worksheets[0]!.getCell('A1048576').value = 'x';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('hostile spreadsheets on POST /api/registry/import', () => {
  it('refuses the template with a cell at row 1,048,576 by its declared dimension (422), naming the bound, writing nothing', async () => {
    const before = await organisations();
    const file = await templateWithLastRow();
    expect(file.length).toBeLessThan(20_000);
    const response = await uploadList(t, central, file, 'list.xlsx', { dryRun: true, lang: 'en' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'spreadsheet_dimension_too_large',
      details: { bound: 'dimension', found: 'A1:AC1048576' },
    });
    expect(response.json().error.message).toContain('10000 rows');
    const vi = await uploadList(t, central, file, 'list.xlsx', { lang: 'vi' });
    expect(vi.json().error.message).toContain('vượt giới hạn 10000 dòng');
    expect(await organisations()).toBe(before);
  });

  it('refuses a zip bomb (a small xlsx that unpacks to 60 MB) with 413 before inflating it, writing nothing', async () => {
    const before = await organisations();
    const padding = ' '.repeat(60 * 1024 * 1024);
    const bomb = writeZip([
      ...(await readZip(template)).filter((e) => e.name !== 'xl/worksheets/sheet1.xml'),
      { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet>${padding}</worksheet>` },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await uploadList(t, central, bomb, 'bomb.xlsx', { lang: 'en' });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'file_unpacked_too_large', details: { bound: 'unpacked', limit: 48 } });
    expect(response.json().error.message).toContain('limit of 48 MB');
    expect(await organisations()).toBe(before);
  });

  it('keeps answering other requests while a hostile sheet without a declared dimension is being read (422 on its rows)', async () => {
    const entries = await readZip(await templateWithLastRow());
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    sheet.data = sheet.data.toString().replace(/<dimension [^>]*\/>/, '');
    const file = writeZip(entries);
    const finished: string[] = [];
    const importing = uploadList(t, central, file, 'list.xlsx', { dryRun: true, lang: 'en' }).then((response) => {
      finished.push('import');
      return response;
    });
    // Before the fix the whole sheet (1,048,576 rows) was built on the main thread: health could not answer first.
    const health = await t.call(null, { method: 'GET', url: '/api/health' });
    finished.push('health');
    expect(health.statusCode).toBe(200);
    const response = await importing;
    expect(finished).toEqual(['health', 'import']);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'spreadsheet_too_many_rows', details: { limit: 10000, found: 1048576 } });
  });

  it('refuses an upload in another form field than "file" (400)', async () => {
    const boundary = '----vnaidfield';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from('org_code,name_original,country\nA-1,Alpha,GB\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.call(central, {
      method: 'POST',
      url: '/api/registry/import?dryRun=1',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'upload_field_unexpected',
      message: 'The upload must be sent in the form field "file" (received "upload").',
    });
  });
});
