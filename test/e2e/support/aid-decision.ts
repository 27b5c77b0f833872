/** Fills the aid approval decision's content form (Decree 80/2020 Art. 11) on a dossier page and submits it. */
import type { Page } from 'playwright-core';

export async function approveAid(
  page: Page,
  decision: { number: string; aidOwner: string; objectives: string; value: string; from: string; to: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Phê duyệt' }).click();
  const form = page.getByRole('form', { name: 'Nội dung quyết định phê duyệt khoản viện trợ' });
  await form.getByLabel('Số quyết định').fill(decision.number);
  await form.getByLabel('Chủ khoản viện trợ').fill(decision.aidOwner);
  await form.getByLabel('Mục tiêu và kết quả chủ yếu').fill(decision.objectives);
  await form.getByLabel('Giá trị khoản viện trợ').fill(decision.value);
  await form.getByLabel('Thực hiện từ ngày').fill(decision.from);
  await form.getByLabel('Đến ngày').fill(decision.to);
  await form.getByRole('button', { name: 'Phê duyệt' }).click();
}
