import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, signIn, type E2E } from './support/harness';

let admin: E2E;
beforeAll(async () => {
  admin = await openBrowser();
  await signIn(admin.page, 'admin');
});
afterAll(async () => admin.close());

const username = `e2e.user.${Date.now()}`;

/** Signs in on the sign-in page with a typed account (not a demo one). */
async function signInWith(page: Page, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel(/^(Tên đăng nhập|User name)$/).fill(username);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password);
  await page
    .getByRole('button', { name: /^(Đăng nhập|Sign in)$/ })
    .last()
    .click();
}

const row = (page: Page) => page.getByRole('row').filter({ hasText: username });

describe('user management', () => {
  it('creates an account whose owner must choose a new password at the first sign-in', async () => {
    const { page } = admin;
    await page.goto('/admin/users');
    await page.getByLabel(/^(Tên đăng nhập|User name)$/).fill(username);
    await page.getByLabel(/^(Họ tên|Full name)$/).fill('Cán bộ thử nghiệm');
    await page.getByLabel(/^(Mật khẩu ban đầu|Initial password)$/).fill('Chosen-by-admin-1');
    await page.getByRole('button', { name: /^(Tạo mới|Create)$/ }).click();
    await row(page).getByText('phải đổi mật khẩu').waitFor();

    const owner = await openBrowser();
    try {
      await signInWith(owner.page, 'Chosen-by-admin-1');
      await owner.page.getByRole('heading', { name: 'Đặt mật khẩu của riêng bạn' }).waitFor();
      // Any other screen sends the owner back here until the password is changed.
      await owner.page.goto('/aid');
      await owner.page.getByRole('heading', { name: 'Đặt mật khẩu của riêng bạn' }).waitFor();
      await owner.page.getByLabel('Mật khẩu hiện tại').fill('Chosen-by-admin-1');
      await owner.page.getByLabel('Mật khẩu mới', { exact: true }).fill('My-own-choice-1');
      await owner.page.getByLabel('Nhập lại mật khẩu mới').fill('My-own-choice-1');
      await owner.page.getByRole('button', { name: 'Lưu' }).click();
      await owner.page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    } finally {
      await owner.close();
    }
  });

  it('edits the account, resets its password and deactivates it, each after a confirmation, all audited', async () => {
    const { page } = admin;
    await page.goto(`/admin/users`);
    await page.getByRole('searchbox').fill(username);
    await row(page).getByRole('button', { name: 'Sửa' }).click();
    const editor = page.locator('section', { has: page.getByRole('heading', { name: `Sửa tài khoản ${username}` }) });
    await editor.getByLabel('Họ tên').fill('Cán bộ đã đổi tên');
    await editor.getByLabel('Thư điện tử').fill('canbo@example.gov.vn');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await editor.getByText('Đã lưu thay đổi.').waitFor();
    await row(page).getByRole('cell', { name: 'Cán bộ đã đổi tên', exact: true }).waitFor();

    await editor.getByLabel('Mật khẩu mới').fill('Reset-by-admin-2');
    await editor.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page
      .getByRole('dialog')
      .getByText(/Đặt lại mật khẩu của Cán bộ đã đổi tên\?/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await editor.getByText(/Đã đặt lại mật khẩu/).waitFor();
    await row(page).getByText('phải đổi mật khẩu').waitFor();

    await row(page).getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await row(page).getByText('Đã vô hiệu hóa').waitFor();

    await page.goto('/admin/audit');
    await page.getByLabel(/Thao tác bắt đầu bằng/).fill('user.');
    // In words on screen; the code stays on the label for a hover (and the filter above).
    for (const label of [/^Sửa tài khoản$/, /^Quản trị viên đặt lại mật khẩu$/, /^Vô hiệu hóa tài khoản$/]) {
      await page.getByRole('cell', { name: label }).first().waitFor();
    }
    expect(await page.locator('td span[title="user.deactivate"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: /user\.deactivate/ }).count()).toBe(0);
  });
});
