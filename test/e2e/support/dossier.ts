/** What the procedure browser tests do on a dossier page, in one place. */
import type { Page } from 'playwright-core';

/** A minimal PDF the upload's content check accepts. */
const pdf = (name: string) => ({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

/** Clicks an action button and confirms it in the dialog. */
export async function confirmAction(page: Page, action: RegExp): Promise<void> {
  await page.getByRole('button', { name: action }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
}

/** Uploads a PDF for one line of the checklist and waits until it is listed as received. */
export async function uploadDocument(page: Page, documentCode: string): Promise<void> {
  const item = page.locator(`li[data-document="${documentCode}"]`);
  await item.locator('input[type=file]').setInputFiles(pdf(documentCode));
  await item.locator('a.badge.ok').waitFor();
}

/** Waits until the dossier's status badge reads `text`. */
export const waitForStatus = (page: Page, text: string) => page.locator('.dossier-head .badge', { hasText: text }).first().waitFor();
