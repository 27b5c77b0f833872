import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

/** The home page: last year's national figures for visitors, and what needs doing for an officer. */
let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe('home page', () => {
  it("shows a visitor last year's national figures, the same as the public statistics API", async () => {
    const { page } = e2e;
    const year = new Date().getFullYear() - 1;
    const summary = await (await page.request.get(`/api/public/stats/summary?year=${year}`)).json();
    await page.goto('/');
    await page.getByRole('heading', { name: `Số liệu năm ${year}` }).waitFor();
    await expect(page.getByTestId('home-figure-active').locator('.home-card-value').textContent()).resolves.toBe(
      summary.activeOrganisations.toLocaleString('vi-VN'),
    );
    await page.getByTestId('home-figure-disbursed').getByRole('link').click();
    await page.waitForURL(new RegExp(`/statistics\\?year=${year}$`));
  });

  it("counts an officer's overdue dossiers and opens exactly that list", async () => {
    const { page } = e2e;
    await signIn(page, 'central');
    const overdue = await (await page.request.get('/api/dossiers?view=overdue&pageSize=1')).json();
    expect(overdue.total).toBeGreaterThan(0); // the demo data holds late dossiers
    await page.goto('/');
    const card = page.getByTestId('home-overdue');
    await card.locator('.home-card-value', { hasText: String(overdue.total) }).waitFor();
    await card.getByRole('link').click();
    await page.waitForURL(/\/dossiers\?view=overdue$/);
    await expect(page.getByLabel('Hiển thị').inputValue()).resolves.toBe('overdue');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(Math.min(overdue.total, 20));

    // The certificate alerts card opens the organisations page scrolled to its alerts panel.
    await page.goto('/');
    await page.getByTestId('home-alerts').getByRole('link').click();
    await page.waitForURL(/\/organisations#alerts$/);
    await page.locator('#alerts tbody tr').first().waitFor();
    await expect
      .poll(() => page.evaluate(() => Math.round(document.getElementById('alerts')!.getBoundingClientRect().top)))
      .toBeLessThan(900);
  });

  it("shows an NGO representative its certificate's expiry and its report of the year, linked to the report page", async () => {
    const { page } = e2e;
    await e2e.context.clearCookies();
    await signIn(page, 'ngo');
    const mine = await (await page.request.get('/api/my-organisation')).json();
    const until = mine.certificates
      .filter((c: { status: string; validUntil: string | null }) => c.status === 'ACTIVE' && c.validUntil)
      .map((c: { validUntil: string }) => c.validUntil)
      .sort()[0] as string;
    await page.goto('/');
    await page.getByTestId('home-certificate').getByText(until.split('-').reverse().join('/')).waitFor();
    await page
      .getByTestId('home-report')
      .getByText(/^Báo cáo năm \d{4} của tổ chức \(hạn 18\/12\/\d{4}\)$/)
      .waitFor();
    await page.getByTestId('home-report').getByRole('link').click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
  });
});
