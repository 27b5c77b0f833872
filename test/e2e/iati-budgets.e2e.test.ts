import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

/** Issue 16 #4, #7: an activity that publishes only budgets shows them on its aid page, with its exact DAC code. */
const FIXTURE = fileURLToPath(new URL('../fixtures/iati/budgets-2.03.xml', import.meta.url));

let e2e: E2E;
let itemId = '';

beforeAll(async () => {
  e2e = await openBrowser();
  const { page } = e2e;
  await signIn(page, 'admin');
  const csrf = ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
  // A fresh identifier, so the scenario does not depend on what earlier runs left in the database.
  const identifier = `XI-IATI-BUDGET-E2E-${Date.now()}`;
  const xml = readFileSync(FIXTURE, 'utf8').replace('XI-IATI-BUDGET-ONLY-1', identifier);
  const upload = await page.request.post('/api/iati/imports', {
    headers: { 'x-csrf-token': csrf },
    multipart: { file: { name: 'budgets.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) } },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const applied = await page.request.post(`/api/iati/imports/${id}/apply`, { headers: { 'x-csrf-token': csrf }, data: { confirm: true } });
  expect(applied.ok()).toBe(true);
  const list = await page.request.get(`/api/aid?q=${encodeURIComponent('School meals in upland communes')}&pageSize=50`);
  const items = ((await list.json()) as { items: { id: string; iatiIdentifier?: string | null }[] }).items;
  itemId = (
    await Promise.all(
      items.map(async (i) => (await (await page.request.get(`/api/aid/${i.id}`)).json()) as { id: string; iatiIdentifier: string }),
    )
  ).find((d) => d.iatiIdentifier === identifier)!.id;
});
afterAll(async () => e2e?.close());

describe('IATI budgets on the aid page', () => {
  it('shows the budgets, the planned disbursement and the exact DAC code of an activity with no transaction', async () => {
    const { page } = e2e;
    await page.goto(`/aid/${itemId}`);
    // An earlier browser test may leave the demo administrator on English (the choice is kept): read it in Vietnamese.
    await page.getByRole('button', { name: /^VI/ }).click();
    const section = page.getByRole('region', { name: 'Ngân sách và giải ngân dự kiến (IATI)' });
    await section.waitFor();
    const first = section.getByRole('row').filter({ hasText: '01/01/2024 – 31/12/2024' });
    await expect(first.getByRole('cell').allTextContents()).resolves.toEqual(expect.arrayContaining(['Ban đầu', 'Dự kiến']));
    await section.getByRole('cell', { name: 'UBND thành phố Hà Nội' }).waitFor();
    await section.getByText(/11220 \(100 %\), thuộc lĩnh vực Giáo dục/).waitFor();
  });
});
