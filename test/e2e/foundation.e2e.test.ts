import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type E2E } from './support/harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e.close());

describe('web shell', () => {
  it('signs in with a printed demo account in Vietnamese, then switches to English and keeps it', async () => {
    const { page } = e2e;
    await page.goto('/');
    await page.getByText('Dữ liệu minh họa (giả lập)').first().waitFor();
    await signIn(page, 'admin');
    // The home page replaces the sign-in page once the session has loaded.
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await expect(page.getByRole('link', { name: 'Người dùng' }).isVisible()).resolves.toBe(true);

    // The choice is saved on the account; wait for that before reloading.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: /^EN/ }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('link', { name: 'Users' }).waitFor();
    await page.reload();
    // After a reload the session and the remembered language load asynchronously: wait, then check.
    await page.getByRole('link', { name: 'Users' }).waitFor();
    await expect(page.getByRole('link', { name: 'Audit trail' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('lets the administrator create an account and browse the audit trail of that change', async () => {
    const { page } = e2e;
    await page.goto('/admin/users');
    const username = `e2e.${Date.now()}`;
    await page.getByLabel(/^(Tên đăng nhập|User name)$/).fill(username);
    await page.getByLabel(/^(Họ tên|Full name)$/).fill('E2E Central Officer');
    await page.getByLabel(/^(Mật khẩu ban đầu|Initial password)$/).fill('E2e-password-2026');
    await page.getByRole('button', { name: /^(Tạo mới|Create)$/ }).click();
    await page
      .getByText(new RegExp(`${username}`))
      .first()
      .waitFor();
    await page.goto('/admin/audit');
    await page.getByLabel(/Thao tác bắt đầu bằng|Action starts with/).fill('user.create');
    // Each action reads in words (its code only on hover, for whoever filters by it); the type is picked from a list.
    await page
      .getByRole('cell', { name: /^(Tạo tài khoản|Account created)$/ })
      .first()
      .waitFor();
    await page.locator('td span[title="user.create"]').first().waitFor();
    await page.getByLabel(/Loại đối tượng|Record type/).selectOption('user');
    await page
      .getByRole('cell', { name: /^(Tài khoản|Account) [0-9a-f]{8}$/ })
      .first()
      .waitFor();
  });

  it('shows the role-specific menu: an NGO representative sees no administration entries', async () => {
    const other = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await signIn(other.page, 'ngo');
      await other.page.getByRole('button', { name: /Trình đơn|Menu/ }).click();
      await expect(other.page.getByRole('link', { name: /Người dùng|Users/ }).count()).resolves.toBe(0);
      await other.page.goto('/admin/users');
      await other.page.getByText(/không có quyền|not allowed/).waitFor();
    } finally {
      await other.close();
    }
  });
});
