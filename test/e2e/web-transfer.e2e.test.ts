import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type E2E } from './support/harness';

/**
 * The public home's first visit, as a browser downloads it (issue 11): everything it loads, compressed, within
 * 400 KB; scripts and styles brotli-compressed and immutable; the page itself revalidated; no 401 for the
 * visitor's session check.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await openBrowser();
});
afterAll(async () => e2e?.close());

const BUDGET_BYTES = 400 * 1024;

describe('public home first load', () => {
  it('transfers at most 400 KB, with brotli-compressed immutable assets and a revalidated index.html', async () => {
    const { page, context } = e2e;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const transferred = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event) => transferred.set(event.requestId, event.encodedDataLength));
    const headers = new Map<string, Record<string, string>>();
    const statuses = new Map<string, number>();
    page.on('response', (response) => {
      headers.set(new URL(response.url()).pathname, response.headers());
      statuses.set(new URL(response.url()).pathname, response.status());
    });

    await page.goto('/');
    await page.getByTestId('home-figure-active').waitFor();
    await page.waitForLoadState('networkidle');

    const total = [...transferred.values()].reduce((sum, bytes) => sum + bytes, 0);
    const list = [...transferred].map(([id, bytes]) => `${urls.get(id)} ${bytes}`).join('\n');
    expect(total, list).toBeLessThanOrEqual(BUDGET_BYTES);

    const assets = [...headers].filter(([path]) => /^\/assets\/.+\.(js|css)$/.test(path));
    expect(assets.length).toBeGreaterThan(0);
    for (const [path, h] of assets) {
      expect(h['content-encoding'], path).toBe('br');
      expect(h['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
    expect(headers.get('/')?.['cache-control']).toBe('no-cache');
    // A visitor's session check is an answer, not a logged 401 (issue 17).
    expect(statuses.get('/api/auth/session')).toBe(200);
  });
});
