import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, pageAs, type E2E } from './support/harness';

/** Issue 15 §4 in the browser: a province files its yearly Programme report; central follows up and reviews. */

let e2e: E2E;

beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe('yearly Programme reports and reviews in the browser', () => {
  it('lets Cao Bằng finish and submit its 2025 report, and central see it submitted, remind another and download a review', async () => {
    const province = await pageAs(e2e.browser, 'agency', 'caobang');
    await province.goto('/programmes');
    await province.getByRole('link', { name: 'Báo cáo hằng năm về thực hiện Chương trình' }).click();
    await province.getByRole('heading', { name: 'Báo cáo thực hiện Chương trình' }).waitFor();
    await province.goto('/programme-reports?year=2025');
    await province.getByRole('heading', { name: /Báo cáo năm 2025 của .*Cao Bằng/ }).waitFor();
    expect(await province.locator('main').innerText()).toContain('Đang soạn');
    await province.getByLabel('Đề xuất, kiến nghị').fill('Tăng vận động cho y tế cơ sở vùng cao');
    await province.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await province.getByText(/Đã gửi báo cáo ngày/).waitFor();
    expect(await province.getByLabel('Đề xuất, kiến nghị').getAttribute('readonly')).not.toBeNull();
    expect(await province.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);

    const central = await pageAs(e2e.browser, 'central');
    await central.goto('/programme-reports/status?year=2025');
    await central.getByRole('heading', { name: 'Tình hình báo cáo thực hiện Chương trình' }).waitFor();
    // Only those that have not submitted: Cao Bằng has left the list; Tuyên Quang has not started.
    const table = central.locator('table');
    await table.waitFor();
    expect(await table.innerText()).not.toContain('Cao Bằng');
    const tuyenQuang = central.getByRole('row', { name: /Tuyên Quang/ });
    await tuyenQuang.getByRole('button', { name: 'Gửi nhắc nhở' }).click();
    await tuyenQuang.getByText(/Đã nhắc \d+ người dùng/).waitFor();
    await tuyenQuang.getByText(/Nhắc lần cuối/).waitFor();
    await central.getByLabel('Chỉ hiện cơ quan chưa gửi').uncheck();
    await central
      .getByRole('row', { name: /Cao Bằng/ })
      .getByText('Đã gửi')
      .waitFor();

    await central.goto('/programme-reviews');
    await central.getByRole('button', { name: 'Tổng kết (2019–2025)' }).click();
    await central.getByRole('heading', { name: 'Báo cáo tổng kết Chương trình, giai đoạn 2019–2025' }).waitFor();
    const [download] = await Promise.all([
      central.waitForEvent('download'),
      central.getByRole('link', { name: 'Tải về Excel (xlsx)' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(download.suggestedFilename()).toBe('programme-review-2019-2025.xlsx');
  });
});
