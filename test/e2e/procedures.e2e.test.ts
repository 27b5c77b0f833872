import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureFor } from '../../src/domain/procedures';
import { vietnamToday } from '../../common/time/vietnam-today';
import { confirmAction, uploadDocument, waitForStatus } from './support/dossier';
import { openBrowser, signIn, type E2E } from './support/harness';

/**
 * The online procedure end to end, as people would do it: the NGO files a new operation-registration dossier, the
 * Committee asks for a missing document, the NGO supplies it, two consulted agencies reply in the app, the Ministry
 * approves, the certificate appears in the registry with the right validity, and the dossier is shown as on time.
 */
let ngo: E2E;
let officer: E2E;
let reviewer: E2E;
let dossierUrl = '';
let code = '';
const today = vietnamToday(); // the checklist version; dates on screen are read back, so midnight cannot break the test

beforeAll(async () => {
  ngo = await openBrowser();
  officer = await openBrowser();
  reviewer = await openBrowser();
  await signIn(ngo.page, 'ngo');
  await signIn(officer.page, 'central');
});
afterAll(async () => {
  await Promise.all([ngo?.close(), officer?.close(), reviewer?.close()]);
});

describe('online procedure: new GDKHD from submission to certificate', () => {
  it('the NGO fills the wizard, uploads the checklist, submits and gets a receipt with a dossier code', async () => {
    const { page } = ngo;
    await page.goto('/dossiers');
    await page.getByRole('link', { name: 'Nộp hồ sơ mới' }).first().click();
    await page.getByLabel('Thủ tục', { exact: true }).selectOption('NEW_GDKHD');
    await page.getByLabel('Địa bàn hoạt động').selectOption(['new34:04']);
    await page.getByLabel('Lĩnh vực hoạt động').selectOption(['YTE']);
    await page.getByRole('button', { name: 'Tạo hồ sơ và tải tài liệu' }).click();
    await waitForStatus(page, 'Bản nháp');
    dossierUrl = new URL(page.url()).pathname;
    for (const d of procedureFor('NEW_GDKHD', today).documents.filter((x) => x.required)) await uploadDocument(page, d.code);
    await confirmAction(page, /^Nộp hồ sơ$/);
    await waitForStatus(page, 'Đã nộp');
    await page.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }).click();
    code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(code).toMatch(/^HS-\d{4}-\d{6}$/);
  });

  it('the Committee requests a supplement; the NGO supplies the document', async () => {
    const { page } = officer;
    await page.goto(dossierUrl);
    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const form = page.locator('.action-panel form');
    await form.getByLabel('Nội dung yêu cầu').fill('Đề nghị bổ sung lý lịch tư pháp có hợp pháp hóa lãnh sự.');
    await form.getByLabel(/Lý lịch tư pháp của Người đại diện/).check();
    await form.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await waitForStatus(page, 'Chờ bổ sung');

    const n = ngo.page;
    await n.goto('/inbox');
    await n.getByText(`Hồ sơ ${code} cần bổ sung tài liệu.`).waitFor();
    await n.goto(dossierUrl);
    await uploadDocument(n, 'REPRESENTATIVE_CRIMINAL_RECORD');
    await n.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await n.locator('.action-panel form').getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await waitForStatus(n, 'Đã bổ sung');
  });

  it('the Committee accepts the dossier (the 30-working-day clock starts) and consults two agencies', async () => {
    const { page } = officer;
    await page.goto(dossierUrl);
    await confirmAction(page, /^Tiếp nhận hồ sơ hợp lệ$/);
    await waitForStatus(page, 'Đã tiếp nhận hồ sơ hợp lệ');
    await page.getByTestId('overall-clock').getByText('Còn 30 ngày').waitFor();
    await page.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    const form = page.locator('.action-panel form');
    await form.locator('input[name=agencyIds]').first().waitFor();
    for (const box of await form.locator('input[name=agencyIds]').all())
      await box.setChecked(['MPS', 'MOH'].includes((await box.getAttribute('value')) ?? ''));
    await form.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    await waitForStatus(page, 'Đang lấy ý kiến');
    await page.locator('tr[data-agency="MPS"]').waitFor();
    await page.locator('tr[data-agency="MOH"]').waitFor();
  });

  it('each consulted agency answers on the dossier page, with its letter number and date, after confirming', async () => {
    const { page } = reviewer;
    for (const [role, username, agencyId] of [
      ['reviewer', 'mps', 'MPS'],
      ['agency', 'moh', 'MOH'],
    ] as const) {
      await reviewer.context.clearCookies();
      await signIn(page, role, username);
      await page.goto('/consultations');
      // The worklist leads to the dossier, where what was applied for is in view.
      await page.locator(`article[data-consultation="${code}"]`).getByRole('link', { name: 'Xem hồ sơ và trả lời ý kiến' }).click();
      const row = page.locator(`tr[data-agency="${agencyId}"]`);
      await row.getByLabel('Ý kiến').selectOption('AGREE');
      await row.getByLabel('Số công văn').fill(`1/${username.toUpperCase()}`);
      await row.getByLabel('Ngày công văn').fill(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
      await row.getByLabel('Nội dung trả lời').fill(`Ý kiến của ${username.toUpperCase()}: đồng ý.`);
      await row.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await row.getByRole('button', { name: 'Xác nhận' }).click();
      await row.getByText(`Ý kiến của ${username.toUpperCase()}: đồng ý.`).waitFor();
    }
  });

  it('the Committee forwards, the Ministry approves, the result is delivered on time', async () => {
    const { page } = officer;
    await page.goto(dossierUrl);
    await confirmAction(page, /^Chuyển Bộ Ngoại giao$/);
    await waitForStatus(page, 'Đã chuyển Bộ Ngoại giao');
    await confirmAction(page, /^Bắt đầu thẩm định$/);
    await waitForStatus(page, 'Đang thẩm định');
    await page.getByRole('button', { name: 'Cấp Giấy đăng ký' }).click();
    const form = page.locator('.action-panel form');
    await form.getByLabel('Số quyết định').fill('2026/QĐ-BNG-E2E');
    await form.getByRole('button', { name: 'Cấp Giấy đăng ký' }).click();
    await waitForStatus(page, 'Đã cấp Giấy đăng ký');
    await confirmAction(page, /^Trả kết quả$/);
    await waitForStatus(page, 'Đã trả kết quả');
    await page.getByTestId('overall-clock').getByText('Đúng hạn').waitFor();
    // Valid for the legal maximum of 3 years from the decision (D58 Art. 9): same day and month, three years on.
    const decision = (await page.getByTestId('decision').textContent()) ?? '';
    const [, decided, valid] = /\((\d{2}\/\d{2}\/\d{4})\).*Có hiệu lực đến (\d{2}\/\d{2}\/\d{4})/.exec(decision) ?? [];
    expect(decided).toBeDefined();
    expect(valid).toBe(`${decided!.slice(0, 6)}${Number(decided!.slice(6)) + 3}`);
  });

  it('the certificate is in the registry with the right validity, and the NGO sees its dossier on time', async () => {
    const { page } = ngo;
    await page.goto(dossierUrl);
    const decision = (await page.getByTestId('decision').textContent()) ?? '';
    const number = /GDKHD-\d{4}-\d{6}/.exec(decision)?.[0];
    expect(number).toBeDefined();
    await page.getByTestId('overall-clock').getByText('Đúng hạn').waitFor();
    await page.goto('/my-organisation');
    // The registry lists it: number, issue date – expiry three years later (dd/mm/yyyy).
    const line = (await page.getByText(new RegExp(`${number}:`)).textContent()) ?? '';
    const [, from, until] = /(\d{2}\/\d{2}\/\d{4}) – (\d{2}\/\d{2}\/\d{4})/.exec(line) ?? [];
    expect(from).toBeDefined();
    expect(until).toBe(`${from!.slice(0, 6)}${Number(from!.slice(6)) + 3}`);
    await page.goto('/dossiers');
    await page
      .getByRole('row', { name: new RegExp(code) })
      .getByText('Đúng hạn')
      .waitFor();
  });
});
