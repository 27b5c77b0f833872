import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureFor } from '../../src/domain/procedures';
import { vietnamToday } from '../../common/time/vietnam-today';
import { approveAid } from './support/aid-decision';
import { confirmAction, uploadDocument, waitForStatus } from './support/dossier';
import { openBrowser, signIn, type E2E } from './support/harness';

/**
 * Aid approval as people do it (D80 Art. 8, 10): the Vietnamese aid owner (the Red Cross) asks its governing agency
 * (the Ministry of Health) to approve a new aid project given by the demo NGO, the Ministry receives the dossier,
 * appraises and approves it, and the approved project appears in the aid registry for the Ministry and the donor,
 * with the decision number. The NGO cannot file it itself.
 */
let ngo: E2E;
let owner: E2E;
let ministry: E2E;
let dossierUrl = '';
const title = `Dự án y tế cơ sở thử nghiệm ${Date.now()}`;
const decisionNumber = `77/QĐ-BYT-E2E-${Date.now() % 100_000}`;
const today = vietnamToday();

beforeAll(async () => {
  ngo = await openBrowser();
  owner = await openBrowser();
  ministry = await openBrowser();
  await signIn(ngo.page, 'ngo');
  await signIn(owner.page, 'owner');
  await signIn(ministry.page, 'agency', 'moh');
});
afterAll(async () => {
  await Promise.all([ngo?.close(), owner?.close(), ministry?.close()]);
});

describe("aid approval: from the aid owner's dossier to an approved item in the aid registry", () => {
  it('the NGO is not offered the aid approval in its wizard', async () => {
    const { page } = ngo;
    await page.goto('/dossiers/new');
    const procedure = page.getByLabel('Thủ tục', { exact: true });
    await procedure.locator('option[value=NEW_GDKHD]').waitFor({ state: 'attached' });
    expect(await procedure.locator('option[value=AID_APPROVAL]').count()).toBe(0);
  });

  it('the aid owner files an aid-approval dossier for a new project given by the NGO, governed by the Ministry of Health', async () => {
    const me = await (await ngo.page.request.get(`${ngo.baseUrl}/api/me`)).json();
    const donor = await (await ngo.page.request.get(`${ngo.baseUrl}/api/public/organisations/${me.organisationId}`)).json();
    const { page } = owner;
    await page.goto('/dossiers/new');
    await page.getByLabel('Thủ tục', { exact: true }).locator('option[value=AID_APPROVAL]').waitFor({ state: 'attached' });
    await page.getByLabel('Tìm bên tài trợ (tên tổ chức)').fill(donor.name);
    await page
      .getByLabel('Bên tài trợ (tổ chức phi chính phủ nước ngoài)')
      .locator(`option[value="${me.organisationId}"]`)
      .waitFor({ state: 'attached' });
    await page.getByLabel('Bên tài trợ (tổ chức phi chính phủ nước ngoài)').selectOption(me.organisationId);
    // Governed at the centre by the Ministry of Health (the level explained beside the choice, D80 Art. 7).
    await page.getByLabel('Người đứng đầu cơ quan chủ quản trung ương').check();
    await page.getByLabel('Cơ quan chủ quản', { exact: true }).selectOption('MOH');
    await page.getByLabel('Địa bàn hoạt động').selectOption(['new34:04']);
    await page.getByLabel('Tên khoản viện trợ').fill(title);
    await page.getByRole('button', { name: 'Tạo hồ sơ và tải tài liệu' }).click();
    await waitForStatus(page, 'Bản nháp');
    dossierUrl = new URL(page.url()).pathname;
    // The donor sees the draft and may add only its own letter agreeing to provide the aid.
    await ngo.page.goto(dossierUrl);
    await waitForStatus(ngo.page, 'Bản nháp');
    await ngo.page.locator('[data-document=DONOR_AGREEMENT] input[type=file]').waitFor({ state: 'attached' });
    expect(await ngo.page.locator('[data-document] input[type=file]').count()).toBe(1);
    for (const d of procedureFor('AID_APPROVAL', today).documents.filter((x) => x.required)) await uploadDocument(page, d.code);
    // The project document is one of two alternatives: without either, submitting is not offered, and the page says why.
    await page.getByTestId('unavailable-actions').locator('li[data-action=SUBMIT]').waitFor();
    expect(await page.getByRole('button', { name: /^Nộp hồ sơ$/ }).count()).toBe(0);
    await waitForStatus(page, 'Bản nháp');
    await uploadDocument(page, 'PROGRAMME_PROJECT_DOCUMENT');
    await confirmAction(page, /^Nộp hồ sơ$/);
    await waitForStatus(page, 'Đã nộp');
  });

  it('the Ministry receives, appraises and approves it with a decision number', async () => {
    const { page } = ministry;
    await page.goto(dossierUrl);
    // Its role in the aid procedure's own words (not Decree 58's Committee and MOFA).
    await page.getByText('Vai trò của bạn: Cơ quan chủ quản', { exact: true }).waitFor();
    await confirmAction(page, /^Tiếp nhận hồ sơ hợp lệ$/);
    await waitForStatus(page, 'Đã tiếp nhận hồ sơ hợp lệ');
    await page.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    const consult = page.locator('.action-panel form');
    await consult.locator('input[name=agencyIds]').first().waitFor();
    for (const box of await consult.locator('input[name=agencyIds]').all()) await box.setChecked(false);
    await consult.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    await waitForStatus(page, 'Đang lấy ý kiến');
    await confirmAction(page, /^Tổng hợp ý kiến, chuyển thẩm định$/);
    await waitForStatus(page, 'Đã tổng hợp ý kiến');
    await confirmAction(page, /^Bắt đầu thẩm định$/);
    await waitForStatus(page, 'Đang thẩm định');
    // The decision's content as D80 Art. 11 lists it; name, donor and place come from the dossier.
    await approveAid(page, {
      number: decisionNumber,
      aidOwner: 'Trung ương Hội Chữ thập đỏ Việt Nam',
      objectives: 'Nâng cao năng lực y tế cơ sở',
      value: '250.000,00',
      from: '01/02/2026',
      to: '31/12/2027',
    });
    await waitForStatus(page, 'Đã phê duyệt');
    await page.getByTestId('aid-decision-content').getByText('250.000,00 USD').waitFor();
    expect(await page.getByTestId('decision').textContent()).toContain(decisionNumber);
  });

  it('the approved project is in the aid registry, for the Ministry and for the NGO', async () => {
    for (const { page } of [ministry, ngo]) {
      await page.goto(dossierUrl);
      await page.getByTestId('decision').getByRole('link', { name: 'Khoản viện trợ trong cơ sở dữ liệu' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByText('Đã phê duyệt').first().waitFor();
      await page.getByText(decisionNumber).first().waitFor();
    }
  });
});
