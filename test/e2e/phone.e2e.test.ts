import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type E2E } from './support/harness';

/**
 * Issue 17 §4: the public pages are read on phones. At 390×844 none may scroll sideways (the page is as wide as the
 * screen; wide tables scroll inside their own box) and none may log a console error.
 */
const PHONE = { width: 390, height: 844 };

let e2e: E2E;
const consoleErrors: string[] = [];
beforeAll(async () => {
  e2e = await openBrowser({ viewport: PHONE });
  e2e.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${e2e.page.url()}: ${message.text()}`);
  });
  e2e.page.on('pageerror', (error) => consoleErrors.push(`${e2e.page.url()}: ${error.message}`));
});
afterAll(async () => e2e?.close());

async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  await page.waitForLoadState('networkidle');
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
  return href;
}

/** How far the page reaches past the screen's right edge, and which element reaches furthest. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let widest: string | null = null;
    let right = width;
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      // Inside a box that scrolls on its own (a table wrapper), reaching past the edge is expected.
      if (box.right > right + 1 && !element.closest('.table-wrap, [data-scrolls]')) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, widest };
  });

describe('public pages on a phone (390×844)', () => {
  it.each([
    ['/', null],
    ['/directory', null],
    ['/directory/:id', ['/directory', /^\/directory\/[^/?]+$/]],
    ['/statistics', null],
    ['/statistics/province/04', null],
    ['/open-data', null],
    ['/needs', null],
    ['/needs/:id', ['/needs', /^\/needs\/[0-9a-f-]{36}$/]],
    ['/programmes', null],
  ] as const)('%s fits the screen and logs no error', async (path, linkFrom) => {
    const { page } = e2e;
    const target = linkFrom ? await firstLink(page, linkFrom[0], linkFrom[1]) : path;
    consoleErrors.length = 0;
    await page.goto(target);
    await page.waitForLoadState('networkidle');
    const measured = await overflow(page);
    expect(measured.widest, `${target} reaches past the screen`).toBeNull();
    expect(measured.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(consoleErrors).toEqual([]);
  });
});
