import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { vietnamYear } from '@common/time/vietnam-today';
import { demoAccount, openBrowser, pageAs, type E2E } from './support/harness';

/**
 * Issue 13 §1 in the browser: the aid owner (Vietnam Red Cross, demo account `owner`) records counterpart funds on
 * its item, finds last year's annual report late on its list, starts it pre-filled from the registry and files it;
 * the list then shows it filed.
 */
async function adminCall<T>(method: string, path: string, payload?: unknown): Promise<T> {
  const account = demoAccount('admin');
  const base = inject('e2eBaseUrl');
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const lastYear = vietnamYear() - 1;
let e2e: E2E;
let item: { id: string; code: string };

beforeAll(async () => {
  item = await adminCall('POST', '/api/aid', {
    modality: 'PROJECT',
    titleVi: 'Nước sạch cho trường học (thử nghiệm E2E báo cáo)',
    otherDonorName: 'Quỹ thử nghiệm',
    donorCountryCode: 'GB',
    governingAgencyId: 'MOH',
    aidOwnerName: 'Hội Chữ thập đỏ Việt Nam',
    status: 'IMPLEMENTING',
    approvalDecisionNumber: '15/QĐ-BYT',
    approvalDate: `${lastYear}-07-02`,
    actualStart: `${lastYear}-07-05`,
    plannedEnd: `${lastYear + 3}-12-31`,
    locations: [{ provinceId: 'new34:04', share: '100' }],
    sectors: [{ code: 'YTE', share: '100' }],
  });
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe('aid reports on their clocks in the browser', () => {
  it('the owner records counterpart funds, then files its late annual report pre-filled from the registry', async () => {
    const owner = await pageAs(e2e.browser, 'owner');
    await owner.goto(`/aid/${item.id}`);
    const funds = owner.getByRole('region', { name: 'Vốn đối ứng' });
    await funds.getByLabel('Số tiền').fill('150000000');
    await funds.getByLabel('Nguồn').fill('Ngân sách tỉnh Cao Bằng');
    await funds.getByRole('button', { name: 'Thêm' }).click();
    await funds.getByText('Ngân sách tỉnh Cao Bằng').waitFor();

    await owner.goto(`/aid-reports?year=${lastYear}&aidItemId=${item.id}&kind=OWNER_ANNUAL`);
    const row = owner.getByRole('row', { name: new RegExp(item.code) });
    await row.getByText('Quá hạn').waitFor();
    await row.getByRole('button', { name: 'Lập báo cáo' }).click();
    await owner.getByRole('heading', { name: `Báo cáo năm của chủ khoản viện trợ – ${item.code}` }).waitFor();
    expect(await owner.locator('dl.aid-facts').last().textContent()).toContain('Ngân sách tỉnh Cao Bằng');
    await owner.getByLabel('Nội dung báo cáo (kết quả, khó khăn, kiến nghị)').fill('Đã lắp đặt 12 hệ thống lọc nước.');
    await owner.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await owner.getByText('Đã gửi', { exact: true }).waitFor();

    await owner.getByRole('link', { name: 'Về danh sách' }).click();
    await owner
      .getByRole('row', { name: new RegExp(item.code) })
      .getByText('Đã gửi')
      .waitFor();
    await owner.context().close();
  });
});
