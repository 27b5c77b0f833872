import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { vietnamToday } from '@common/time/vietnam-today';
import { formatDate } from '@common/format/date';
import { addMonths } from '@domain/reporting';
import { demoAccount, openBrowser, pageAs, type E2E } from './support/harness';

/**
 * Issue 13 §1 in the browser: the Ministry of Health revokes an approved aid item not started for seven months
 * (flagged, confirmed in a dialog); the aid owner (Vietnam Red Cross, demo account `owner`) finds its other item on
 * its home, asks to extend it, and the ministry approves: the item shows the new end date and the history.
 */
async function apiSession(role: 'admin' | 'ngo') {
  const account = demoAccount(role);
  const response = await fetch(`${inject('e2eBaseUrl')}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await response.json()) as { csrfToken: string; user: { organisationId: string | null } };
  const call = async <T>(method: string, path: string, payload?: unknown): Promise<T> => {
    const r = await fetch(`${inject('e2eBaseUrl')}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { user: body.user, call };
}

const today = vietnamToday();
const newEnd = addMonths(today, 30);
let e2e: E2E;
let stale: { id: string; code: string };
let running: { id: string; code: string };

beforeAll(async () => {
  const ngo = await apiSession('ngo');
  const admin = await apiSession('admin');
  const item = (title: string, approvalDate: string) =>
    admin.call<{ id: string; code: string }>('POST', '/api/aid', {
      modality: 'PROJECT',
      titleVi: title,
      organisationId: ngo.user.organisationId,
      donorCountryCode: 'GB',
      governingAgencyId: 'MOH',
      aidOwnerName: 'Hội Chữ thập đỏ Việt Nam',
      status: 'APPROVED',
      approvalDecisionNumber: '77/QĐ-BYT',
      approvalDate,
      plannedStart: approvalDate,
      plannedEnd: addMonths(today, 12),
      locations: [{ provinceId: 'new34:04', share: '100' }],
      sectors: [{ code: 'YTE', share: '100' }],
    });
  stale = await item('Trạm y tế xã chưa khởi công (thử nghiệm E2E)', addMonths(today, -7));
  running = await item('Sơ cứu cộng đồng Cao Bằng (thử nghiệm E2E)', addMonths(today, -2));
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

describe('aid revocation and adjustment in the browser', () => {
  it('the approver revokes an item not started for 6 months, after confirming', async () => {
    const page = await pageAs(e2e.browser, 'agency', 'moh');
    await page.goto(`/aid/${stale.id}`);
    // The first page after the server starts may be slow on a loaded machine: wait for the item before reading it.
    await page.getByRole('heading', { name: new RegExp(stale.code) }).waitFor({ timeout: 60_000 });
    await page.getByText('Quá 6 tháng chưa triển khai — có thể thu hồi').first().waitFor();
    const form = page.getByRole('form', { name: 'Quyết định thu hồi' });
    await form.getByLabel('Số quyết định').fill('88/QĐ-BYT');
    await form.getByLabel('Lý do').fill('Quá 6 tháng chưa triển khai, nhà tài trợ rút cam kết');
    await form.getByRole('button', { name: 'Thu hồi khoản viện trợ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(`Đã thu hồi theo quyết định 88/QĐ-BYT ngày ${formatDate(today)}`).waitFor();
    expect(await page.locator('.aid-head .badge').first().textContent()).toBe('Đã thu hồi');
    await page.context().close();
  });

  it('the aid owner asks to extend its item from its home; the ministry approves; the item shows the new end', async () => {
    const owner = await pageAs(e2e.browser, 'owner');
    await owner.getByRole('heading', { name: 'Khoản viện trợ của đơn vị' }).waitFor();
    await owner.getByRole('link', { name: new RegExp(running.code) }).click();
    const request = owner.getByRole('form', { name: 'Đề nghị điều chỉnh' });
    await request.getByLabel('Ngày kết thúc dự kiến (thời gian thực hiện)').first().fill(formatDate(newEnd));
    await request.getByLabel('Lý do').fill('Nhà tài trợ gia hạn thêm 18 tháng');
    await request.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await owner.getByText('Chờ quyết định').waitFor();

    const moh = await pageAs(e2e.browser, 'agency', 'moh');
    await moh.goto('/aid');
    await moh.getByRole('heading', { name: 'Đề nghị điều chỉnh chờ cơ quan quyết định' }).waitFor();
    await moh
      .getByRole('link', { name: new RegExp(running.code) })
      .first()
      .click();
    const decision = moh.getByRole('form', { name: 'Ghi quyết định' });
    await decision.getByLabel('Kết quả').selectOption('APPROVE');
    await decision.getByLabel('Số quyết định').fill('90/QĐ-BYT');
    await decision.getByRole('button', { name: 'Ghi quyết định' }).click();
    await moh.getByRole('dialog').filter({ hasText: 'Ghi quyết định này' }).getByRole('button', { name: 'Xác nhận' }).click();
    await moh.getByText('Quyết định 90/QĐ-BYT').waitFor();

    await owner.reload();
    await owner.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    const facts = await owner.locator('dl.aid-facts').textContent();
    expect(facts).toContain(formatDate(newEnd));
    await owner.context().close();
    await moh.context().close();
  });
});
