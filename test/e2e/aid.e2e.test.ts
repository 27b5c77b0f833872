import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { defaultReportYear } from '../../web/src/features/aid/format';
import { demoAccount, openBrowser, signIn, type E2E } from './support/harness';

/** Signs a demo account in through the API (for setting up data the scenario starts from). */
async function apiSession(role: 'admin' | 'ngo') {
  const account = demoAccount(role);
  const response = await fetch(`${inject('e2eBaseUrl')}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await response.json()) as { csrfToken: string; user: { organisationId: string | null } };
  const call = async <T>(method: string, path: string, payload?: unknown): Promise<T> => {
    const r = await fetch(`${inject('e2eBaseUrl')}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { user: body.user, call };
}

let e2e: E2E;
const year = defaultReportYear();
let code = '';

beforeAll(async () => {
  // The scenario starts from an aid item of the demo NGO located in Cao Bằng, running in the report year.
  const ngo = await apiSession('ngo');
  const admin = await apiSession('admin');
  const item = await admin.call<{ code: string }>('POST', '/api/aid', {
    modality: 'PROJECT',
    titleVi: 'Nước sạch cho trường bán trú Cao Bằng (thử nghiệm E2E)',
    titleEn: 'Clean water for Cao Bang boarding schools (E2E)',
    organisationId: ngo.user.organisationId,
    donorCountryCode: 'GB',
    governingAgencyId: 'UBND:new34:04',
    status: 'IMPLEMENTING',
    approvalDecisionNumber: '101/QĐ-UBND',
    approvalDate: `${year}-01-10`,
    actualStart: `${year}-02-01`,
    locations: [{ provinceId: 'new34:04', share: '100' }],
    sectors: [{ code: 'YTE', share: '100' }],
  });
  code = item.code;
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe('aid registry in the browser', () => {
  it('an NGO files its annual report for an aid item; the province officer sees the disbursement in the province list', async () => {
    const { page } = e2e;
    await signIn(page, 'ngo');
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: `Lịch báo cáo năm ${year}` }).waitFor();
    // Demo data may already hold this year's draft; otherwise the NGO opens it.
    const open = page.getByRole('button', { name: `Lập báo cáo năm ${year}` });
    await page
      .getByRole('button', { name: new RegExp(`^(Lập báo cáo năm ${year}|Nộp báo cáo)$`) })
      .first()
      .waitFor();
    if (await open.isVisible()) await open.click();

    const block = page.locator('section.report-line', { has: page.getByRole('link', { name: code }) });
    // Typed as the Vietnamese screen shows money; it reaches the registry as the exact 12500.50.
    await block.getByLabel('Số tiền giải ngân').fill('12.500,50');
    await block.getByLabel('Đồng tiền').selectOption('USD');
    await block.getByLabel('Tổng số người hưởng lợi').fill('300');
    await block.getByLabel('Trong đó: nữ').fill('301');
    await block.getByLabel('Kết quả đạt được').fill('Lắp đặt hệ thống lọc nước cho 4 điểm trường');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await block.getByText('Không được lớn hơn tổng số người hưởng lợi.').waitFor();
    await block.getByLabel('Trong đó: nữ').fill('160');

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã nộp báo cáo. Số tiền giải ngân đã được ghi vào các khoản viện trợ.').waitFor();
    await expect(block.getByLabel('Số tiền giải ngân').isDisabled()).resolves.toBe(true);

    const officer = await openBrowser();
    try {
      await signIn(officer.page, 'agency', 'caobang');
      await officer.page.getByRole('link', { name: 'Viện trợ', exact: true }).click();
      await officer.page.getByLabel('Năm').selectOption(String(year));
      const row = officer.page.getByRole('row', { name: new RegExp(code) });
      await row.waitFor();
      await expect(row.getByRole('cell').last().textContent()).resolves.toBe('12.500,50');
      await row.getByRole('link', { name: code }).click();
      await officer.page.getByRole('cell', { name: 'Báo cáo năm' }).first().waitFor();
      await expect(officer.page.getByRole('heading', { name: 'Báo cáo hằng năm' }).isVisible()).resolves.toBe(true);
    } finally {
      await officer.close();
    }
  });
});
