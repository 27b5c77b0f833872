import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGetAs, openBrowser, pageAs, signIn, type E2E } from './support/harness';

/**
 * Issue 14 §4: a suspension run end to end on screen — central proposes it from the NGO's record, the Ministry of
 * Public Security answers for itself and central records the other written opinions, MOFA's decision and the
 * notice; the NGO reports its remedy; central reinstates it. The certificate ends where it began (active).
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

/** Opens a step's form by its button, fills the fields given by label, saves, and waits for the status text. */
async function runStep(page: Page, button: string, fields: Record<string, string>, status: RegExp) {
  await page.getByTestId('sanction-actions').getByRole('button', { name: button }).click();
  const form = page.getByRole('form', { name: button });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.getByTestId('sanction-status').filter({ hasText: status }).waitFor();
}

describe('sanctions', () => {
  it('runs a suspension: proposal → opinions → decision → notice → remedy → reinstatement', async () => {
    const { page, browser } = e2e;
    const session = await apiGetAs<{ user?: { organisationId: string | null } }>('ngo', '/api/auth/session');
    const organisationId = session.user!.organisationId!;
    await signIn(page, 'central');

    // Start a sanction from the NGO's record.
    await page.goto(`/organisations/${organisationId}`);
    await page.getByRole('link', { name: 'Đề xuất xử lý vi phạm' }).click();
    await page.getByRole('heading', { name: 'Đề xuất đình chỉ hoặc buộc chấm dứt hoạt động' }).waitFor();
    const proposal = page.getByRole('form', { name: 'Đề xuất đình chỉ hoặc buộc chấm dứt hoạt động' });
    await proposal.getByLabel('Căn cứ').selectOption('D58_ART18_1B');
    await proposal.getByLabel('Nội dung vi phạm').fill('Tổ chức triển khai dự án tại tỉnh ngoài Giấy đăng ký (kiểm thử).');
    await proposal.getByLabel('Tên tài liệu').fill('Biên bản kiểm tra (kiểm thử)');
    await proposal.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await page.waitForURL(/\/supervision\/sanctions\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(page.url()).pathname;
    await page.getByTestId('sanction-status').filter({ hasText: 'Đang lấy ý kiến' }).waitFor();
    await page
      .locator('tr[data-step="P2_OPINION"]')
      .getByText(/Còn \d+ ngày làm việc/)
      .waitFor();

    // The Ministry of Public Security answers for itself; central records the others' written answers.
    const mps = await pageAs(browser, 'reviewer', 'mps');
    await mps.goto(caseUrl);
    await mps.getByRole('button', { name: 'Cho ý kiến' }).click();
    const own = mps.getByRole('form', { name: 'Cho ý kiến' });
    await own.getByLabel('Nội dung').fill('Nhất trí đình chỉ (kiểm thử).');
    await own.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await mps.locator('tr[data-agency="MPS"]').getByText('Đồng ý').waitFor();
    await mps.context().close();

    await page.reload();
    await page.locator('tr[data-agency="MPS"]').getByText('Đồng ý').waitFor();
    const pending = page.locator('table[data-testid="sanction-opinions"] tr').filter({ hasText: 'Chưa trả lời' });
    while ((await pending.count()) > 0) {
      const row = pending.first();
      await row.getByRole('button', { name: 'Ghi nhận ý kiến bằng văn bản' }).click();
      const form = row.getByRole('form', { name: 'Ghi nhận ý kiến bằng văn bản' });
      await form.getByLabel('Nội dung').fill('Đồng ý (văn bản giấy, kiểm thử).');
      await form.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await form.waitFor({ state: 'detached' });
    }

    await runStep(page, 'Ghi nhận quyết định', { 'Số quyết định': 'E2E-15/QĐ-BNG' }, /Chờ thông báo quyết định/);
    await runStep(page, 'Thông báo cho tổ chức', {}, /Đang khắc phục/);
    await page
      .locator('tr[data-step="P6_REMEDY"]')
      .getByText(/Còn \d+ ngày làm việc/)
      .waitFor();

    // The NGO finds the case and reports its remedy.
    const ngo = await pageAs(browser, 'ngo');
    await ngo.goto('/supervision/sanctions');
    await ngo.locator('table[data-testid="sanctions"] tr[data-status="REMEDY"]').getByRole('link').first().click();
    await ngo.getByTestId('sanction-actions').getByRole('button', { name: 'Báo cáo kết quả khắc phục' }).click();
    const report = ngo.getByRole('form', { name: 'Báo cáo kết quả khắc phục' });
    await report.getByLabel('Nội dung khắc phục').fill('Đã dừng hoạt động tại tỉnh ngoài Giấy đăng ký (kiểm thử).');
    await report.getByRole('button', { name: 'Lưu' }).click();
    await ngo
      .getByTestId('sanction-timeline')
      .getByText(/Báo cáo kết quả khắc phục/)
      .waitFor();
    expect(await ngo.getByTestId('sanction-actions').getByRole('button', { name: 'Cho phép hoạt động trở lại' }).count()).toBe(0);
    await ngo.context().close();

    await page.reload();
    await runStep(page, 'Cho phép hoạt động trở lại', { 'Số quyết định': 'E2E-16/QĐ-BNG' }, /Đã kết thúc — Cho phép hoạt động trở lại/);
    const timeline = await page.getByTestId('sanction-timeline').innerText();
    for (const step of [
      'Đề xuất',
      'Ghi nhận quyết định',
      'Thông báo cho tổ chức',
      'Báo cáo kết quả khắc phục',
      'Cho phép hoạt động trở lại',
    ]) {
      expect(timeline).toContain(step);
    }

    // The same case in English.
    const language = page.getByRole('group', { name: /Ngôn ngữ|Language/ });
    await language.getByRole('button', { name: /^EN/ }).click();
    await page.getByTestId('sanction-status').filter({ hasText: 'Closed — Reinstated' }).waitFor();
    await page.getByRole('heading', { name: 'Steps and deadlines' }).waitFor();
    await language.getByRole('button', { name: /^VI/ }).click();
  });
});
