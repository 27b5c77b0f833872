import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

/** Issue 14: the NGO files its implementation plan for Cao Bằng on screen; the Cao Bằng officer sees it, and only its own. */
let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

const PDF = Buffer.from('%PDF-1.4\n% synthetic implementation plan\n%%EOF\n');

describe('obligations', () => {
  it('the NGO files the Cao Bằng implementation plan from its home, in Vietnamese, and reads it in English', async () => {
    const { page } = e2e;
    await signIn(page, 'ngo');
    await page.goto('/');
    await page.getByTestId('home-obligations').getByRole('link').click();
    await page.waitForURL(/\/my-obligations$/);
    await page.getByRole('heading', { name: 'Nghĩa vụ của tổ chức tôi' }).waitFor();
    const row = page.locator('tr[data-kind="IMPLEMENTATION_PLAN"][data-province="new34:04"]').filter({ hasText: 'Chưa đến hạn' }).first();
    await row.getByRole('button', { name: 'Ghi nhận đã thực hiện' }).click();
    await row.getByLabel(/Tệp kế hoạch/).setInputFiles({ name: 'ke-hoach-cao-bang.pdf', mimeType: 'application/pdf', buffer: PDF });
    await row.getByRole('button', { name: 'Lưu' }).click();
    const filed = page.locator('tr[data-kind="IMPLEMENTATION_PLAN"][data-province="new34:04"]').filter({ hasText: 'Tải kế hoạch' }).last();
    await filed.getByText('Đã thực hiện').waitFor();

    const language = page.getByRole('group', { name: /Ngôn ngữ|Language/ });
    await language.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { name: "My organisation's obligations" }).waitFor();
    await page.getByText(/^Score = 100 − 10 × late obligations/).waitFor();
    await language.getByRole('button', { name: /^VI/ }).click();
    await page.getByRole('heading', { name: 'Nghĩa vụ của tổ chức tôi' }).waitFor();
  });

  it('the Cao Bằng officer finds the NGO in its compliance list and sees the plan addressed to it, not the Hà Nội one', async () => {
    const { page } = e2e;
    await e2e.context.clearCookies();
    await signIn(page, 'agency', 'caobang');
    await page.goto('/supervision');
    await page.getByRole('heading', { name: 'Giám sát việc thực hiện nghĩa vụ' }).waitFor();
    await page.getByRole('link', { name: 'Helping Hands for Children (synthetic)' }).click();
    await page.waitForURL(/\/supervision\/organisations\//);
    const plans = page.locator('tr[data-kind="IMPLEMENTATION_PLAN"]');
    await plans.first().waitFor();
    const provinces = await plans.evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-province')))]);
    expect(provinces.every((p) => p === 'new34:04' || p?.startsWith('old63:'))).toBe(true);
    expect(provinces).not.toContain('new34:01');
    const filed = plans.filter({ hasText: 'Tải kế hoạch' }).filter({ hasText: 'Đã thực hiện' });
    await filed.first().waitFor();
    const download = await page.request.get((await filed.first().getByRole('link', { name: 'Tải kế hoạch' }).getAttribute('href'))!);
    expect(download.status()).toBe(200);
  });
});
