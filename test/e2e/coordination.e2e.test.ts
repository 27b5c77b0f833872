import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openBrowser, pageAs, apiGetAs, type E2E } from './support/harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await openBrowser({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => e2e?.close());

describe('coordination meetings and awards in the browser', () => {
  it('shows a visitor the public conference and an NGO profile its awards, on a phone', async () => {
    const { page } = e2e;
    await page.goto('/programme/meetings');
    await page.getByRole('heading', { name: /Hội nghị quốc tế lần thứ 5/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain('04/12/2025');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The demo's decided awards go to demo NGOs: open the public profile of one that is listed.
    const base = inject('e2eBaseUrl');
    const decided = await apiGetAs<{ items: { organisationId: string | null }[] }>('central', '/api/programme/awards?status=DECIDED');
    let shown: { id: string; awards: unknown[] } | undefined;
    for (const id of new Set(decided.items.map((a) => a.organisationId).filter(Boolean))) {
      const response = await fetch(`${base}/api/public/organisations/${id}`);
      if (response.ok) shown = { id: id!, ...((await response.json()) as { awards: unknown[] }) };
      if (shown) break;
    }
    expect(shown?.awards.length).toBeGreaterThan(0);
    await page.goto(`/directory/${shown!.id}`);
    await page.getByRole('heading', { name: 'Khen thưởng' }).waitFor();
    expect(await page.getByTestId('profile-award').count()).toBe(shown!.awards.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("lets Cao Bằng mark its overdue task done, and shows central the meeting's editor and the awards to decide", async () => {
    const province = await pageAs(e2e.browser, 'agency', 'caobang');
    await province.goto('/programme/meetings');
    await province.getByRole('link', { name: /Hội nghị quốc tế lần thứ 5/ }).click();
    const ownRow = province.getByTestId('meeting-task').filter({ hasText: 'Gửi báo cáo nhu cầu viện trợ' });
    await ownRow.getByText('Quá hạn').waitFor();
    expect(await province.getByRole('button', { name: 'Đánh dấu đã hoàn thành' }).count()).toBe(1);
    await ownRow.getByRole('button', { name: 'Đánh dấu đã hoàn thành' }).click();
    await ownRow.getByText(/^Đã hoàn thành \(/).waitFor();
    expect(await ownRow.getByText('Quá hạn').count()).toBe(0);

    const central = await pageAs(e2e.browser, 'central');
    await central.goto('/programme/meetings');
    await central.getByRole('link', { name: 'Ghi nhận hội nghị' }).waitFor();
    await central.getByRole('link', { name: /Hội nghị quốc tế lần thứ 5/ }).click();
    await central.getByRole('link', { name: 'Sửa hội nghị' }).click();
    // The editor fills in once the meeting has loaded.
    await expect.poll(() => central.getByLabel('Tên (tiếng Việt)').inputValue()).toMatch(/Hội nghị quốc tế lần thứ 5/);
    await central.goto('/programme/awards');
    await central.getByText('Ghi nhận quyết định').first().waitFor();
    expect(await central.getByTestId('award').count()).toBeGreaterThanOrEqual(4);
  });
});
