import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureFor } from '../../src/domain/procedures';
import { vietnamToday } from '../../common/time/vietnam-today';
import { confirmAction, uploadDocument, waitForStatus } from './support/dossier';
import { apiGetAs, openBrowser, signIn, type E2E } from './support/harness';

/**
 * Issue 13 §2, the case file of a Decree 58 registration, walked by its people: the NGO files with a requested
 * validity (one beyond the cap is refused before the click, with the reason); the officer and the consulted agency
 * read what was applied for; the agency answers with its letter number and date after a confirmation; the officer
 * records an opinion received on paper, forwards only once every reply is in, and, on a case whose agency stayed
 * silent past its 10 working days, records the silence and goes on.
 */
let ngo: E2E;
let officer: E2E;
let agency: E2E;
let dossierUrl = '';
const today = vietnamToday();
const shown = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const inYears = (n: number) => `${Number(today.slice(0, 4)) + n}${today.slice(4)}`;

beforeAll(async () => {
  ngo = await openBrowser();
  officer = await openBrowser();
  agency = await openBrowser();
  await signIn(ngo.page, 'ngo');
  await signIn(officer.page, 'central');
  await signIn(agency.page, 'reviewer', 'mps');
});
afterAll(async () => {
  await Promise.all([ngo?.close(), officer?.close(), agency?.close()]);
});

describe('case file of a new GDKHD dossier', () => {
  it('the NGO cannot submit a validity beyond 3 years (the page says why); with 2 years it submits, the step dated', async () => {
    const { page } = ngo;
    await page.goto('/dossiers/new');
    await page.getByLabel('Thủ tục', { exact: true }).selectOption('NEW_GDKHD');
    await page.getByLabel('Địa bàn hoạt động').selectOption(['new34:04']);
    await page.getByLabel('Lĩnh vực hoạt động').selectOption(['YTE']);
    await page.getByLabel('Thời hạn đề nghị (đến ngày)').fill(shown(inYears(4)));
    await page.getByLabel('Tóm tắt').fill('Chương trình y tế cộng đồng tại Cao Bằng.');
    await page.getByRole('button', { name: 'Tạo hồ sơ và tải tài liệu' }).click();
    await waitForStatus(page, 'Bản nháp');
    dossierUrl = new URL(page.url()).pathname;
    for (const d of procedureFor('NEW_GDKHD', today).documents.filter((x) => x.required)) await uploadDocument(page, d.code);
    // Not offered: the reason is the decision's own rule (3-year cap).
    await page
      .getByTestId('unavailable-actions')
      .getByText(/Nộp hồ sơ: .*3 năm/)
      .waitFor();
    expect(await page.getByRole('button', { name: /^Nộp hồ sơ$/ }).count()).toBe(0);
    // The application is shown in words.
    await page
      .getByTestId('application')
      .getByText(shown(inYears(4)))
      .waitFor();

    // Fix the draft through the API as the NGO's screen would (the wizard only creates drafts).
    const id = dossierUrl.split('/').pop()!;
    const draft = await (await page.request.get(`/api/dossiers/${id}`)).json();
    const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
    const patched = await page.request.patch(`/api/dossiers/${id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: draft.version, application: { ...draft.application, requestedValidUntil: inYears(2) } },
    });
    expect(patched.status()).toBe(200);
    await page.reload();
    await confirmAction(page, /^Nộp hồ sơ$/);
    await waitForStatus(page, 'Đã nộp');
    await page
      .getByRole('status')
      .getByText(`Hồ sơ đã được nộp ngày ${shown(today)}.`)
      .waitFor();
    await page.locator('tr[data-step="SUBMIT"]').getByText(shown(today)).first().waitFor();
    expect(await page.getByRole('button', { name: /^Rút hồ sơ$/ }).count()).toBe(1);
  });

  it('the officer sees the application, accepts, consults two agencies; forwarding is not offered while replies are due', async () => {
    const { page } = officer;
    await page.goto(dossierUrl);
    await page.getByTestId('application').getByText('Chương trình y tế cộng đồng tại Cao Bằng.').waitFor();
    await page
      .getByTestId('application')
      .getByText(shown(inYears(2)))
      .waitFor();
    await confirmAction(page, /^Tiếp nhận hồ sơ hợp lệ$/);
    await waitForStatus(page, 'Đã tiếp nhận hồ sơ hợp lệ');
    await page.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    const form = page.locator('.action-panel form');
    await form.locator('input[name=agencyIds]').first().waitFor();
    for (const box of await form.locator('input[name=agencyIds]').all())
      await box.setChecked(['MPS', 'MOH'].includes((await box.getAttribute('value')) ?? ''));
    await form.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    await waitForStatus(page, 'Đang lấy ý kiến');
    await page
      .getByTestId('unavailable-actions')
      .getByText(/Chuyển Bộ Ngoại giao: /)
      .waitFor();
    expect(await page.getByRole('button', { name: /^Chuyển Bộ Ngoại giao$/ }).count()).toBe(0);
  });

  it('the consulted agency reads the application and answers with its letter, after confirming', async () => {
    const { page } = agency;
    await page.goto('/consultations');
    await page.getByRole('link', { name: 'Xem hồ sơ và trả lời ý kiến' }).first().waitFor();
    await page.goto(dossierUrl);
    await page.getByTestId('application').getByText('Chương trình y tế cộng đồng tại Cao Bằng.').waitFor();
    const row = page.locator('tr[data-agency="MPS"]');
    // No position is pre-selected.
    expect(await row.getByLabel('Ý kiến').inputValue()).toBe('');
    await row.getByLabel('Ý kiến').selectOption('AGREE_WITH_CONDITIONS');
    await row.getByLabel('Số công văn').fill('123/BCA-ANKT');
    await row.getByLabel('Ngày công văn').fill(shown(today));
    await row.getByLabel('Nội dung trả lời').fill('Đồng ý, đề nghị báo cáo định kỳ 6 tháng.');
    await row.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await row.getByText(/Gửi ý kiến “Đồng ý có điều kiện” theo công văn số 123\/BCA-ANKT/).waitFor();
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    await row.getByText(`Công văn số 123/BCA-ANKT ngày ${shown(today)}`).waitFor();
  });

  it('the officer records the other opinion received on paper, then forwarding is offered', async () => {
    const { page } = officer;
    await page.goto(dossierUrl);
    const row = page.locator('tr[data-agency="MOH"]');
    await row.getByText('Ghi nhận ý kiến nhận bằng giấy').click();
    await row.getByLabel('Ý kiến').selectOption('AGREE');
    await row.getByLabel('Số công văn').fill('45/BYT-HTQT');
    await row.getByLabel('Ngày công văn').fill(shown(today));
    await row.getByLabel('Nội dung trả lời').fill('Bộ Y tế đồng ý.');
    await row.getByRole('button', { name: 'Ghi nhận ý kiến' }).click();
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    await row.getByText('(nhận bằng giấy)').waitFor();
    await confirmAction(page, /^Chuyển Bộ Ngoại giao$/);
    await waitForStatus(page, 'Đã chuyển Bộ Ngoại giao');
  });

  it('on a case whose agency stayed silent past its working days, the officer records the silence and goes on', async () => {
    const pending = await apiGetAs<{ items: { dossierId: string; agencyId: string; clock: { overdueDays: number } }[] }>(
      'central',
      '/api/consultations?status=PENDING&pageSize=100',
    );
    const late = pending.items.find((c) => c.clock.overdueDays > 0);
    expect(late).toBeDefined();
    const { page } = officer;
    await page.goto(`/dossiers/${late!.dossierId}`);
    const row = page.locator(`tr[data-agency="${late!.agencyId}"]`);
    await row.getByRole('button', { name: 'Ghi nhận không trả lời, tiếp tục xử lý' }).click();
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    await row.getByText(/Không trả lời trong thời hạn \(đã ghi nhận ngày/).waitFor();
    await page.locator('.timeline').getByText('Ghi nhận cơ quan không trả lời trong thời hạn').first().waitFor();
  });
});
