import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

/** Issue 14 §3: the Cao Bằng officer records a field visit with a finding on screen; it shows on the NGO's record. */
let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe('inspections', () => {
  it('the province records a visit with a finding and a follow-up action, and sees the finding on the NGO’s record', async () => {
    const { page } = e2e;
    await signIn(page, 'agency', 'caobang');
    await page.goto('/supervision/inspections');
    await page.getByRole('heading', { name: 'Thanh tra, kiểm tra, giám sát' }).waitFor();
    // The demo check with an overdue follow-up action is in the list.
    await page
      .getByText(/1 quá hạn/)
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Ghi nhận cuộc kiểm tra' }).click();
    await page.getByLabel('Tổ chức').fill('Helping Hands');
    await page.getByRole('button', { name: /Helping Hands for Children/ }).click();
    await page.getByTestId('chosen-organisation').waitFor();
    await page.getByLabel('Hình thức').selectOption('FIELD_VISIT');
    await page.getByLabel('Thành phần đoàn').fill('Nông Văn Hải – Sở Ngoại vụ Cao Bằng');
    await page.getByLabel('Ngày bắt đầu').fill('10/03/2026');
    await page.getByLabel('Nội dung, phạm vi').fill('Đi thực tế dự án trường học');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/supervision\/inspections\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Đi thực tế: Helping Hands/ }).waitFor();

    await page.getByLabel('Phát hiện', { exact: true }).fill('Chưa gửi kế hoạch triển khai cho Sở Ngoại vụ');
    await page.getByLabel('Kiến nghị').fill('Gửi kế hoạch trong 10 ngày');
    await page.getByRole('button', { name: 'Thêm phát hiện' }).click();
    await page.getByTestId('inspection-finding').filter({ hasText: 'Chưa gửi kế hoạch triển khai' }).waitFor();

    await page.getByLabel('Nội dung', { exact: true }).fill('Tổ chức gửi kế hoạch triển khai');
    await page.getByLabel('Cơ quan thực hiện').selectOption('UBND:new34:04');
    await page.getByLabel('Hạn').fill('20/03/2026');
    await page.getByLabel('Theo phát hiện').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Giao việc' }).click();
    const action = page.getByTestId('inspection-action').filter({ hasText: 'Tổ chức gửi kế hoạch triển khai' });
    await action.getByText('Quá hạn').waitFor();

    // Closing is refused while the action is open, in words.
    await page.getByLabel('Kết luận').fill('Đã làm việc với tổ chức');
    await page.getByRole('button', { name: 'Kết thúc cuộc kiểm tra' }).click();
    await page.getByText(/việc cần làm sau kiểm tra chưa hoàn thành/).waitFor();

    await page.getByRole('link', { name: /Helping Hands for Children/ }).click();
    await page.waitForURL(/\/supervision\/organisations\//);
    const finding = page.getByTestId('record-finding').filter({ hasText: 'Chưa gửi kế hoạch triển khai' });
    await finding.waitFor();
    expect(await finding.textContent()).toContain('1 việc chưa xong');
    // From the finding, the officer can propose a sanction for this NGO (the sanctions screen).
    await page.getByRole('link', { name: /Đề xuất xử lý/ }).click();
    await page.waitForURL(/\/supervision\/sanctions\/new\?organisationId=[0-9a-f-]{36}$/);
  });
});
