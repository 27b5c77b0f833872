import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

let e2e: E2E;
const pageErrors: string[] = [];
beforeAll(async () => {
  e2e = await openBrowser();
  e2e.page.on('pageerror', (error) => pageErrors.push(`${error.message} ${error.stack ?? ''}`));
  e2e.page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
});
afterAll(async () => e2e.close());

describe('statistics dashboard', () => {
  it('shows the published 2022 figures, filters by a sector, and opens a province from the map', async () => {
    const { page } = e2e;
    await page.goto('/statistics?year=2022');
    const active = page.getByTestId('figure-activeOrganisations');
    await expect(active.locator('.value').textContent()).resolves.toBe('436');
    // A headline in words of its size; the exact figure stays on the figure for a hover or a copy.
    await expect(page.getByTestId('figure-disbursedUsd').locator('.value').textContent()).resolves.toBe('223,7 triệu USD');
    await expect(page.getByTestId('figure-disbursedUsd').locator('[data-exact]').getAttribute('title')).resolves.toBe('223.700.000,00');
    await page.getByRole('note').filter({ hasText: 'giả lập' }).first().waitFor();

    await page.getByRole('combobox', { name: /^Lĩnh vực/ }).selectOption('YTE');
    await page.waitForURL(/sector=YTE/);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="figure-disbursedUsd"] .value')?.textContent !== '223,7 triệu USD',
    );
    const healthOnly = await page.getByTestId('figure-disbursedUsd').locator('.value').textContent();
    expect(healthOnly).not.toBe('223,7 triệu USD');

    // Click Cao Bằng where the map draws it (the map publishes each province's centre in pixels).
    const map = page.locator('.stats-map');
    await page.waitForFunction(() => (document.querySelector('.stats-map')?.getAttribute('data-points') ?? '').includes('"04"'));
    const points = JSON.parse((await map.getAttribute('data-points'))!) as Record<string, [number, number]>;
    await page.getByTestId('province-map').scrollIntoViewIfNeeded();
    const box = (await page.getByTestId('province-map').boundingBox())!;
    await page.mouse.click(box.x + points['04']![0], box.y + points['04']![1]);
    await page.waitForURL(/\/statistics\/province\/04\?.*sector=YTE/);
    await page.getByRole('heading', { level: 1, name: /Cao Bằng/ }).waitFor();
    await page.getByTestId('figure-aidRecords').waitFor();
    // Leaving the map by a click threw "Cannot read properties of null (reading '0')" from its resize handler.
    await page.waitForTimeout(500);
    expect(pageErrors).toEqual([]);
  });

  it('switches the regions table to the 8 former regions of the 63 provinces', async () => {
    const { page } = e2e;
    await page.goto('/statistics?year=2021');
    const table = page.getByTestId('table-regions');
    await table.getByRole('rowheader', { name: 'Đồng bằng sông Hồng' }).waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBe(8); // 6 regions, unallocated, total
    await page.getByRole('combobox', { name: 'Cách chia vùng' }).selectOption('historic');
    await table.getByRole('heading', { name: /8 vùng truyền thống/ }).waitFor();
    await table.getByRole('rowheader', { name: 'Bắc Trung Bộ' }).waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBe(10); // 8 regions, not mappable, total
  });

  it('gives the Cao Bằng 2022 summary on the province page', async () => {
    const { page } = e2e;
    await page.goto('/statistics/province/04?year=2022');
    await expect(page.getByTestId('figure-aidRecords').locator('.value').textContent()).resolves.toBe('28');
    await expect(page.getByTestId('figure-committedUsd').locator('[data-exact]').getAttribute('title')).resolves.toBe('1.720.153,00');
    await expect(page.getByTestId('figure-committedUsd').locator('.change').textContent()).resolves.toContain('+19,3');
    await page.getByTestId('figure-disbursedUsd').getByRole('link').click();
    await page.waitForURL(/\/statistics\/records\?.*province=04/);
    await page
      .getByRole('cell', { name: /Cao Bằng/ })
      .first()
      .waitFor();
  });

  it('shows a province officer only the province, with the reports panel', async () => {
    const other = await openBrowser();
    try {
      await signIn(other.page, 'agency', 'caobang');
      await other.page.goto('/statistics?year=2022');
      await other.page.getByTestId('stats-scope').filter({ hasText: 'Cao Bằng' }).waitFor();
      await expect(other.page.getByTestId('figure-disbursedUsd').locator('.value').textContent()).resolves.toBe('1,3 triệu USD');
      await expect(other.page.getByTestId('figure-disbursedUsd').locator('[data-exact]').getAttribute('title')).resolves.toBe(
        '1.295.162,00',
      );
      await other.page.getByTestId('reports-panel').waitFor();
      // The 33 other provinces have no figures in this scope: their colour is explained, and the scale has its unit.
      await other.page.getByTestId('map-no-data').waitFor();
      await expect(other.page.locator('.stats-map').getAttribute('data-legend-max')).resolves.toBe('1,3 triệu USD');
      // Its own scope is one province: no province or region to pick, until it switches to the national view.
      await expect(other.page.getByRole('combobox', { name: /^Tỉnh, thành phố/ }).count()).resolves.toBe(0);
      await other.page.getByRole('button', { name: 'Xem số liệu toàn quốc' }).click();
      await other.page.getByRole('combobox', { name: /^Tỉnh, thành phố/ }).waitFor();
    } finally {
      await other.close();
    }
  });

  it('links a number to the records behind it, a record to its aid page, and the list to the aid registry', async () => {
    const other = await openBrowser();
    try {
      const page = other.page;
      await signIn(page, 'central');
      await page.goto('/statistics?year=2022');
      // A number in a breakdown opens the records behind it; a record opens its aid detail page, and the list
      // opens in the aid registry with the same filters.
      await page.getByTestId('table-sectors').getByRole('link').first().click();
      await page.waitForURL(/\/statistics\/records\?.*sector=/);
      const sector = new URL(page.url()).searchParams.get('sector')!;
      // The records table, not the dashboard's tables still on screen while the records load.
      const first = page.getByTestId('records-table').locator('tbody tr td a').first();
      const code = (await first.textContent())!;
      await first.click();
      await page.waitForURL(/\/aid\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
      await page.goBack();
      await page.getByRole('link', { name: /danh sách khoản viện trợ/ }).click();
      await page.waitForURL(new RegExp(`/aid\\?.*sector=${sector}`));
      // The aid list applies the same filters (the record is among them, not necessarily on its first page).
      await expect(page.getByRole('combobox', { name: 'Lĩnh vực' }).inputValue()).resolves.toBe(sector);
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(code);
      await page.getByRole('link', { name: code }).first().waitFor();
    } finally {
      await other.close();
    }
  });
});
