import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { demoAccounts } from '../../../src/db/demo/demo-accounts';
import type { Role } from '../../../src/modules/auth/actor';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network (no background calls home). */
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type E2E = { browser: Browser; context: BrowserContext; page: Page; baseUrl: string; close(): Promise<void> };

/** Opens Debian's Chromium on the running app; keeps a screenshot in test-results/ when a test fails. */
export async function openBrowser(
  options: { locale?: 'vi-VN' | 'en-GB'; viewport?: { width: number; height: number } } = {},
): Promise<E2E> {
  const baseUrl = inject('e2eBaseUrl');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'vi-VN',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  openPages.add(page);
  return {
    browser,
    context,
    page,
    baseUrl,
    close: async () => {
      openPages.delete(page);
      await browser.close();
    },
  };
}

const openPages = new Set<Page>();

/** Called after each browser test (test/e2e/support/setup.ts): keeps screenshots of every open page of a failed test. */
export async function screenshotOpenPages(testName: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  let i = 0;
  for (const page of openPages) {
    await page
      .screenshot({ path: path.join('test-results', `${testName.replace(/\W+/g, '-')}-${i++}.png`), fullPage: true })
      .catch(() => undefined);
  }
}

/** The printed demo account of a role (the first one when a role has several). */
export const demoAccount = (role: Role, username?: string) => {
  const account = demoAccounts.find((a) => a.role === role && (!username || a.username === username));
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
};

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, role: Role, username?: string): Promise<void> {
  const account = demoAccount(role, username);
  await page.goto('/sign-in');
  await page.getByLabel(/Tên đăng nhập|User name/).fill(account.username);
  await page.getByLabel(/Mật khẩu|Password/).fill(account.password);
  await page
    .getByRole('button', { name: /^(Đăng nhập|Sign in)$/ })
    .last()
    .click();
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).waitFor();
}

/** A fresh context of `browser` (its own cookies), on a desktop screen, signed in with a demo account of `role`. */
export async function pageAs(browser: Browser, role: Role, username?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, role, username);
  return page;
}

/** The JSON answer of a GET made through the API as a demo account of `role` (to find what a scenario links). */
export async function apiGetAs<T>(role: Role, path: string): Promise<T> {
  const account = demoAccount(role);
  const base = inject('e2eBaseUrl');
  const signInResponse = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const cookie = signInResponse.headers.get('set-cookie')!.split(';')[0]!;
  return (await (await fetch(`${base}${path}`, { headers: { cookie } })).json()) as T;
}
