import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, pageAs, apiGetAs, type E2E } from './support/harness';

let e2e: E2E;
const title = 'Phòng khám lưu động cho xã biên giới (thử nghiệm E2E)';

beforeAll(async () => {
  e2e = await openBrowser({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => e2e?.close());

describe('needs catalogue in the browser', () => {
  it('is readable on a phone: cards, folded filters, accent-free search', async () => {
    const { page } = e2e;
    await page.goto('/needs');
    await expect.poll(() => page.locator('.need-card').count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('details.needs-filters').getAttribute('open')).toBeNull();
    await page.getByLabel(/Tìm theo tên/).fill('rung ngap man');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect.poll(() => page.locator('.need-card').count()).toBe(1);
    expect(await page.locator('.need-card h2').textContent()).toContain('rừng ngập mặn');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('goes from a province proposal to publication, an NGO interest and the funded link', async () => {
    const province = await pageAs(e2e.browser, 'agency', 'caobang');
    await province.goto('/needs/new');
    await province.getByLabel('Lĩnh vực ưu tiên').selectOption('HEALTH');
    await province.getByLabel('Lĩnh vực', { exact: true }).selectOption('YTE');
    await province.getByLabel('Tên dự án (tiếng Việt)').fill(title);
    await province.getByLabel('Tên dự án (tiếng Anh)').fill('Mobile clinics for border communes (E2E)');
    await province.getByLabel('Kinh phí cần vận động').fill('120000');
    await province.getByRole('button', { name: 'Lưu' }).click();
    await province.getByRole('heading', { name: title }).waitFor();
    await province.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await province.getByText('Chờ thẩm định').first().waitFor();
    const proposalUrl = province.url();

    const central = await pageAs(e2e.browser, 'central');
    await central.goto('/needs/work');
    await central.getByRole('link', { name: title }).click();
    await central.getByRole('button', { name: 'Công bố' }).click();
    await central.getByText('Đã công bố').first().waitFor();

    const ngo = await pageAs(e2e.browser, 'ngo');
    await ngo.goto('/needs');
    await ngo.getByLabel(/Tìm theo tên/).fill('phong kham luu dong');
    await ngo.getByRole('button', { name: 'Tìm', exact: true }).click();
    await ngo.getByRole('link', { name: title }).click();
    await ngo.getByRole('button', { name: 'Tổ chức quan tâm đến dự án này' }).click();
    await ngo.getByLabel('Nội dung').fill('Chúng tôi có thể tài trợ xe và thuốc.');
    await ngo.getByLabel('Người liên hệ').fill('Ms E2E');
    await ngo.getByRole('button', { name: 'Gửi' }).click();
    await ngo.getByText(/Đã gửi/).waitFor();

    await province.goto(proposalUrl);
    await province.getByText('Chúng tôi có thể tài trợ xe và thuốc.').waitFor();
    await province.getByLabel('Tình trạng').selectOption('IN_TALKS');
    await expect.poll(async () => await province.getByLabel('Tình trạng').inputValue()).toBe('IN_TALKS');

    const aid = await apiGetAs<{ items: { id: string }[] }>('central', '/api/aid?province=new34:04&status=IMPLEMENTING&pageSize=1');
    await central.goto(proposalUrl);
    await central.getByLabel('Mã định danh khoản viện trợ (id)').fill(aid.items[0]!.id);
    await central.getByLabel(/Số tiền vận động được/).fill('50000');
    await central.getByRole('button', { name: 'Liên kết khoản viện trợ' }).click();
    await central.getByText('Đã có nhà tài trợ').first().waitFor();

    const visitor = e2e.page;
    await visitor.goto(proposalUrl);
    await visitor.getByText('Đã có nhà tài trợ').first().waitFor();
    expect(await visitor.locator('.need-facts').textContent()).toMatch(/50[.,]000.*\(42 %\)/);
    await visitor.locator('.language-switch button[lang="en"]').click();
    await visitor.getByRole('heading', { name: 'Mobile clinics for border communes (E2E)' }).waitFor();
    await visitor.getByText('Funded').first().waitFor();
  });
});
