import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e.close());

/** `date` shifted by whole years and days, as YYYY-MM-DD (UTC: legal dates have no time zone). */
function shift(date: Date, years: number, days = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}
/** An ISO date as the screens show it. */
const shown = (iso: string) => iso.split('-').reverse().join('/');

describe('registry of foreign NGOs', () => {
  it('lets an anonymous visitor find an organisation typing without accents, and open its public profile', async () => {
    const { page } = e2e;
    await page.goto('/directory');
    await page.getByRole('heading', { level: 1, name: 'Danh bạ tổ chức phi chính phủ nước ngoài' }).waitFor();
    await page.getByLabel('Tìm theo tên hoặc tên viết tắt').fill('cuu tro tre em');
    await page.waitForURL(/q=cuu\+tro\+tre\+em/);
    const result = page.getByRole('link', { name: 'Tổ chức Cứu trợ trẻ em Bàn Tay (dữ liệu giả lập)' });
    await result.waitFor();
    await expect(page.getByRole('link', { name: /Xuất Excel/ }).getAttribute('href')).resolves.toContain(
      '/api/public/organisations/export.xlsx?q=cuu+tro+tre+em',
    );
    await result.click();
    await page.getByRole('heading', { level: 1, name: /Tổ chức Cứu trợ trẻ em Bàn Tay/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Giấy đăng ký đang có hiệu lực' }).waitFor();
    await expect(page.getByText(/Hộ chiếu|Người đại diện/).count()).resolves.toBe(0);
  });

  it('lets an officer create an organisation, issue a certificate, then extend it; the public profile shows the new expiry', async () => {
    const { page } = e2e;
    const today = new Date();
    const issueDate = shift(today, -2);
    const validUntil = shift(today, 1, -1);
    const extendedUntil = shift(today, 4, -1);
    const effective = shift(today, 0, -1);
    const name = `Quỹ Hỗ trợ Giáo dục Miền núi E2E ${Date.now()}`;

    await signIn(page, 'central');
    await page.goto('/organisations');
    await page.getByRole('heading', { level: 2, name: 'Thêm tổ chức' }).waitFor();
    await page.getByLabel('Tên bằng tiếng gốc').fill(`Mountain Education Fund E2E ${Date.now()}`);
    await page.getByLabel('Tên tiếng Việt').fill(name);
    await page.locator('#new-country').selectOption('DE');
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const organisationId = page.url().split('/').at(-1)!;

    const issue = page.getByRole('form', { name: 'Cấp mới Giấy đăng ký' });
    // Dates are typed as the screens show them (dd/mm/yyyy); ISO pasted from a file is read too.
    await issue.getByLabel('Ngày cấp').fill(shown(issueDate));
    const validUntilInput = issue.getByLabel('Hiệu lực đến');
    await validUntilInput.fill('31/02/2026');
    expect(await validUntilInput.evaluate((el: HTMLInputElement) => el.validationMessage)).toContain('Ngày không hợp lệ');
    await validUntilInput.fill(validUntil);
    await issue.getByLabel('Địa bàn hoạt động').selectOption(['new34:04']);
    await issue.getByLabel('Lĩnh vực hoạt động').selectOption(['GDDT']);
    await issue.getByLabel('Số quyết định').fill('101/QĐ-BNG');
    await issue.getByLabel('Ngày ký quyết định').fill(issueDate);
    await issue.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText(/Đã cấp Giấy đăng ký số GDKHD-/).waitFor();
    // Forms take ISO dates; screens show them as Vietnamese readers write them.
    await page
      .getByTestId('certificate-valid-until')
      .filter({ hasText: shown(validUntil) })
      .waitFor();

    const action = page.getByRole('form', { name: 'Ghi nhận quyết định' });
    await action.getByLabel('Thao tác').selectOption('EXTENDED');
    await action.getByLabel('Số quyết định').fill('202/QĐ-BNG');
    await action.getByLabel('Ngày ký quyết định').fill(effective);
    await action.getByLabel('Ngày có hiệu lực').fill(effective);
    await action.getByLabel('Hiệu lực đến (mới)').fill(extendedUntil);
    await action.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Đã ghi nhận: Gia hạn.').waitFor();
    await page
      .getByTestId('certificate-valid-until')
      .filter({ hasText: shown(extendedUntil) })
      .waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Quyết định số 202/QĐ-BNG' }).first().waitFor();

    const visitor = await openBrowser();
    try {
      await visitor.page.goto(`/directory/${organisationId}`);
      await visitor.page.getByRole('heading', { level: 1, name }).waitFor();
      await expect(visitor.page.getByTestId('valid-until').textContent()).resolves.toBe(shown(extendedUntil));
    } finally {
      await visitor.close();
    }
  });

  it('asks for confirmation before a self-termination and shows the refusal of an action on a terminated certificate', async () => {
    const { page } = e2e; // still signed in as the central officer of the previous test
    await page.goto('/organisations?q=mountain+education+fund+e2e');
    await page
      .getByRole('link', { name: /Quỹ Hỗ trợ Giáo dục Miền núi E2E/ })
      .first()
      .click();
    const action = page.getByRole('form', { name: 'Ghi nhận quyết định' });
    await action.waitFor();
    const today = shift(new Date(), 0);
    await action.getByLabel('Thao tác').selectOption('SELF_TERMINATED');
    await action.getByLabel('Số quyết định').fill('303/QĐ-BNG');
    await action.getByLabel('Ngày ký quyết định').fill(today);
    await action.getByLabel('Ngày có hiệu lực').fill(today);
    await action.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByRole('dialog').getByText('Thao tác "Tự chấm dứt hoạt động" không thể hoàn tác. Tiếp tục?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã ghi nhận: Tự chấm dứt hoạt động.').waitFor();
    await page.getByTestId('certificate-status').filter({ hasText: 'Tự chấm dứt' }).waitFor();

    await action.getByLabel('Thao tác').selectOption('REISSUED');
    await action.getByLabel('Số quyết định').fill('404/QĐ-BNG');
    await action.getByLabel('Ngày ký quyết định').fill(today);
    await action.getByLabel('Ngày có hiệu lực').fill(today);
    await action.getByRole('button', { name: 'Ghi nhận' }).click();
    await action.getByRole('alert').filter({ hasText: 'Giấy đăng ký đã chấm dứt hiệu lực' }).waitFor();
  });

  it('lets the administrator create an NGO account by picking its organisation, typed without accents', async () => {
    const admin = await openBrowser();
    try {
      const { page } = admin;
      await signIn(page, 'admin');
      await page.goto('/admin/users');
      const username = `ngo.e2e.${Date.now()}`;
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Họ tên').fill('Đại diện Bàn Tay E2E');
      await page.locator('#new-role').selectOption('ngo');
      await page.getByLabel('Tìm theo tên, tên viết tắt hoặc mã (có dấu hoặc không dấu)').fill('cuu tro tre em ban tay');
      const pick = page.getByLabel('Tổ chức', { exact: true });
      await pick.locator('option', { hasText: 'Tổ chức Cứu trợ trẻ em Bàn Tay' }).first().waitFor({ state: 'attached' });
      const option = await pick.locator('option', { hasText: 'Tổ chức Cứu trợ trẻ em Bàn Tay' }).first().getAttribute('value');
      await pick.selectOption(option!);
      await page.getByLabel('Mật khẩu ban đầu').fill('E2e-password-2026');
      await page.getByRole('button', { name: 'Tạo mới' }).click();
      await page.getByText(`Đã tạo tài khoản ${username}.`).waitFor();
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(username);
      await page
        .getByRole('row')
        .filter({ hasText: username })
        .filter({ hasText: /Cứu trợ trẻ em Bàn Tay|Ban Tay/ })
        .waitFor();
    } finally {
      await admin.close();
    }
  });

  it('lets an NGO representative edit its contact details, and explains a stale edit made in another tab', async () => {
    const ngo = await openBrowser();
    try {
      await signIn(ngo.page, 'ngo');
      const other = await ngo.context.newPage();
      await ngo.page.goto('/my-organisation');
      await other.goto('/my-organisation');
      await ngo.page.getByRole('heading', { level: 2, name: 'Thông tin liên hệ' }).waitFor();
      await other.getByRole('heading', { level: 2, name: 'Thông tin liên hệ' }).waitFor();

      await ngo.page.getByLabel('Điện thoại').fill('+84 24 3826 0000');
      await ngo.page.getByRole('button', { name: 'Lưu' }).click();
      await ngo.page.getByText('Đã lưu thông tin liên hệ.').waitFor();

      await other.getByLabel('Thư điện tử').fill('lienhe@example.org');
      await other.getByRole('button', { name: 'Lưu' }).click();
      const notice = other.getByRole('alert').filter({ hasText: 'Thông tin đã bị người khác thay đổi' });
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toContain('Điện thoại');
      await notice.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
      await expect.poll(() => other.getByLabel('Điện thoại').inputValue()).toBe('+84 24 3826 0000');
    } finally {
      await ngo.close();
    }
  });
});
