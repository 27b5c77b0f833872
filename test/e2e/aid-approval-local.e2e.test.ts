import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureFor } from '../../src/domain/procedures';
import { vietnamToday } from '../../common/time/vietnam-today';
import { approveAid } from './support/aid-decision';
import { confirmAction, uploadDocument, waitForStatus } from './support/dossier';
import { openBrowser, signIn, type E2E } from './support/harness';

/**
 * Local aid (D80 Art. 7, 9, 10; the 2025 reorganisation): the aid owner files an aid approval at the local level for
 * Cao Bằng; the province's Department of Finance receives it, consults the provincial Police, appraises and records
 * the decision with its Art. 11 content; the Ministry of Health (another body) never sees it; the donor reads the
 * decision's content on the dossier.
 */
let owner: E2E;
let finance: E2E;
let ministry: E2E;
let ngo: E2E;
let dossierUrl = '';
const title = `Nước sạch cho trường học Cao Bằng ${Date.now()}`;
const decisionNumber = `15/QĐ-UBND-E2E-${Date.now() % 100_000}`;
const today = vietnamToday();

beforeAll(async () => {
  [owner, finance, ministry, ngo] = await Promise.all([openBrowser(), openBrowser(), openBrowser(), openBrowser()]);
  await signIn(owner.page, 'owner');
  await signIn(finance.page, 'agency', 'caobang-stc');
  await signIn(ministry.page, 'agency', 'moh');
  await signIn(ngo.page, 'ngo');
});
afterAll(async () => {
  await Promise.all([owner?.close(), finance?.close(), ministry?.close(), ngo?.close()]);
});

describe("local aid approval: from the aid owner's wizard to the province's Department of Finance", () => {
  it('the aid owner chooses the local level, reads what it means, names the province and files', async () => {
    const me = await (await ngo.page.request.get(`${ngo.baseUrl}/api/me`)).json();
    const donor = await (await ngo.page.request.get(`${ngo.baseUrl}/api/public/organisations/${me.organisationId}`)).json();
    const { page } = owner;
    await page.goto('/dossiers/new');
    await page.getByLabel('Thủ tục', { exact: true }).locator('option[value=AID_APPROVAL]').waitFor({ state: 'attached' });
    await page.getByLabel('Tìm bên tài trợ (tên tổ chức)').fill(donor.name);
    const donorSelect = page.getByLabel('Bên tài trợ (tổ chức phi chính phủ nước ngoài)');
    await donorSelect.locator(`option[value="${me.organisationId}"]`).waitFor({ state: 'attached' });
    await donorSelect.selectOption(me.organisationId);
    await page.getByLabel('Người đứng đầu cơ quan chủ quản địa phương').check();
    await page.getByText(/Sở Tài chính của tỉnh, thành phố tiếp nhận và chủ trì thẩm định hồ sơ/).waitFor();
    // No governing agency to pick: the province's People's Committee governs local aid.
    expect(await page.getByLabel('Cơ quan chủ quản', { exact: true }).count()).toBe(0);
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption('new34:04');
    await page.getByLabel('Tên khoản viện trợ').fill(title);
    await page.getByRole('button', { name: 'Tạo hồ sơ và tải tài liệu' }).click();
    await waitForStatus(page, 'Bản nháp');
    dossierUrl = new URL(page.url()).pathname;
    for (const d of procedureFor('AID_APPROVAL', today).documents.filter((x) => x.required)) await uploadDocument(page, d.code);
    await uploadDocument(page, 'PROGRAMME_PROJECT_DOCUMENT');
    await confirmAction(page, /^Nộp hồ sơ$/);
    await waitForStatus(page, 'Đã nộp');
    // The owner reads where its dossier went.
    expect(await page.getByTestId('handling-agency').textContent()).toContain('Sở Tài chính tỉnh Cao Bằng');
  });

  it('the Ministry of Health, not concerned, does not find it', async () => {
    const response = await ministry.page.request.get(`${ministry.baseUrl}/api${dossierUrl}`);
    expect(response.status()).toBe(404);
  });

  it("Cao Bằng's Department of Finance receives it, consults the provincial Police, appraises and approves it", async () => {
    const { page } = finance;
    await page.goto(dossierUrl);
    await page.getByText('Vai trò của bạn: Cơ quan chủ quản', { exact: true }).waitFor();
    await confirmAction(page, /^Tiếp nhận hồ sơ hợp lệ$/);
    await waitForStatus(page, 'Đã tiếp nhận hồ sơ hợp lệ');
    await page.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    const consult = page.locator('.action-panel form');
    // The plan names the province's own Police; nothing is left unresolved.
    await consult.getByLabel('Công an tỉnh Cao Bằng').waitFor();
    expect(await consult.locator('input[name=agencyIds]').count()).toBe(1);
    expect(await consult.getByText(/Chưa xác định được cơ quan/).count()).toBe(0);
    await consult.getByLabel('Công an tỉnh Cao Bằng').setChecked(false);
    await consult.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    await waitForStatus(page, 'Đang lấy ý kiến');
    await confirmAction(page, /^Tổng hợp ý kiến, chuyển thẩm định$/);
    await waitForStatus(page, 'Đã tổng hợp ý kiến');
    await confirmAction(page, /^Bắt đầu thẩm định$/);
    await waitForStatus(page, 'Đang thẩm định');
    await approveAid(page, {
      number: decisionNumber,
      aidOwner: 'Trung ương Hội Chữ thập đỏ Việt Nam',
      objectives: 'Cấp nước sạch cho 12 điểm trường',
      value: '120.000,50',
      from: '15/01/2026',
      to: '30/06/2027',
    });
    await waitForStatus(page, 'Đã phê duyệt');
    const content = page.getByTestId('aid-decision-content');
    await content.getByText('120.000,50 USD').waitFor();
    await content.getByText('15/01/2026 – 30/06/2027').waitFor();
    // The registered item shows the same decision and content.
    await page.getByTestId('decision').getByRole('link', { name: 'Khoản viện trợ trong cơ sở dữ liệu' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByTestId('aid-approval-decision').getByText('120.000,50 USD').waitFor();
    expect(await page.getByTestId('aid-approval-decision').textContent()).toContain(decisionNumber);
  });

  it('the donor reads the decision and its content on the dossier', async () => {
    const { page } = ngo;
    await page.goto(dossierUrl);
    expect(await page.getByTestId('decision').textContent()).toContain(decisionNumber);
    await page.getByTestId('aid-decision-content').getByText(title).waitFor();
  });
});
