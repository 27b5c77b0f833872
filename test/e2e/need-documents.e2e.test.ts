import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

let e2e: E2E;
const title = 'Bếp ăn bán trú cho trường vùng cao (tài liệu E2E)';
const pdf = Buffer.from('%PDF-1.4\n% vnaid e2e budget\n%%EOF\n');

beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe("a proposal's documents in the browser", () => {
  it('the province attaches a budget to its draft; the public cannot fetch it, and reads a published proposal’s in English', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.baseUrl, locale: 'vi-VN' });
    const province = await context.newPage();
    province.setDefaultTimeout(15_000);
    await signIn(province, 'agency', 'caobang');
    await province.goto('/needs/new');
    await province.getByLabel('Lĩnh vực', { exact: true }).selectOption('GDDT');
    await province.getByLabel('Tên dự án (tiếng Việt)').fill(title);
    await province.getByLabel('Kinh phí cần vận động').fill('80000');
    await province.getByRole('button', { name: 'Lưu' }).click();
    await province.getByRole('heading', { name: title }).waitFor();

    await province.getByRole('heading', { name: 'Tài liệu', exact: true }).waitFor();
    await province.getByText('Chưa có tài liệu đính kèm.').waitFor();
    await province.getByLabel('Loại tài liệu').selectOption('BUDGET');
    await province.getByLabel('Tệp').setInputFiles({ name: 'Dự toán.pdf', mimeType: 'application/pdf', buffer: pdf });
    await province.getByRole('button', { name: 'Đính kèm' }).click();
    const link = province.getByRole('link', { name: 'Dự toán.pdf' });
    await link.waitFor();
    expect(await province.locator('.need-documents').textContent()).toContain('Dự toán kinh phí');
    const href = (await link.getAttribute('href'))!;
    const own = await province.request.get(href);
    expect(own.status()).toBe(200);
    expect((await own.body()).equals(pdf)).toBe(true);
    // A visitor: the draft's document does not exist for the public, by either route.
    const documentId = href.split('/').pop()!;
    const proposalId = new URL(province.url()).pathname.split('/').pop()!;
    expect((await e2e.page.request.get(`/api/public/needs/${proposalId}/documents/${documentId}`)).status()).toBe(404);
    expect((await e2e.page.request.get(href)).status()).toBe(401);
    await context.close();

    const english = await e2e.browser.newContext({ baseURL: e2e.baseUrl, locale: 'en-GB' });
    const visitor = await english.newPage();
    visitor.setDefaultTimeout(15_000);
    const found = await (await visitor.request.get('/api/public/needs?q=NC-2026-0001')).json();
    await visitor.goto(`/needs/${found.items[0].id}`);
    await visitor.locator('.language-switch button[lang="en"]').click();
    await visitor.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
    expect(await visitor.locator('.need-documents').textContent()).toContain('Budget estimate');
    const concept = visitor.getByRole('link', { name: 'De-cuong-du-an.pdf' });
    const response = await visitor.request.get((await concept.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await english.close();
  });
});
