import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeActivities } from '../../src/domain/iati/serialize';
import { activitiesForEveryModality, complexActivity } from '../fixtures/iati/activities';
import { openBrowser, signIn, type E2E } from './support/harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e.close());

describe('open data', () => {
  it('offers the IATI document of a year on the public open-data page, and the file downloads', async () => {
    const { page } = e2e;
    await page.goto('/');
    await page.getByRole('link', { name: 'Dữ liệu mở' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Dữ liệu mở' }).waitFor();
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2022');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải tệp IATI năm 2022' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vnaid-iati-activities-2022.xml');
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('<iati-activities version="2.03"');
    expect(xml).toContain('vnaid:synthetic="true"');
    expect(xml.match(/<iati-activity /g)!.length).toBeGreaterThan(100);
    // The field documentation is there, in the page's language.
    await page.getByText('directory.csv, directory.json').click();
    await page.getByRole('cell', { name: 'provincesVi' }).waitFor();
  });

  it('lets a national officer upload an IATI file and read the dry run before anything changes', async () => {
    const other = await openBrowser({ locale: 'en-GB' });
    try {
      const { page } = other;
      await signIn(page, 'admin');
      const total = async () => (await (await page.request.get('/api/aid?pageSize=1')).json()).total as number;
      const before = await total();
      await page.goto('/open-data/iati-import');
      const file = serializeActivities([...activitiesForEveryModality(), complexActivity()], { generatedAt: '2026-11-01T00:00:00Z' });
      await page
        .getByLabel(/Tệp IATI \(XML\)|IATI file \(XML\)/)
        .setInputFiles({ name: 'example.xml', mimeType: 'application/xml', buffer: Buffer.from(file) });
      await page.getByRole('button', { name: /Tải lên và chạy thử|Upload and dry-run/ }).click();
      const report = page.getByTestId('iati-import-report');
      await report.waitFor();
      await expect(report.getByTestId('count-created').locator('dd').textContent()).resolves.toBe('5');
      await expect(report.getByTestId('count-skipped').locator('dd').textContent()).resolves.toBe('0');
      await report
        .getByText(/Loại giao dịch vnaid không lưu|Transaction type vnaid does not keep/)
        .first()
        .waitFor();
      // Nothing is applied: discard it, and the aid list has no imported item.
      await report.getByRole('button', { name: /Hủy lần nhập|Discard/ }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Xác nhận|Confirm/ })
        .click();
      await report.getByText(/Đã hủy|Discarded/).waitFor();
      expect(await total()).toBe(before);
    } finally {
      await other.close();
    }
  });
});
