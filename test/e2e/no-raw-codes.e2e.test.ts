import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAccounts } from '../../src/db/demo/demo-accounts';
import { openBrowser, signIn, type E2E } from './support/harness';

/**
 * People read names, never the system's codes: every page a role can open (and one detail page of each kind it
 * reaches from them) is rendered and its visible text searched for identifiers that only the database should see.
 * The pages come from the route table itself (web/src/routes.tsx), so a new screen is checked the day it lands.
 */
const RAW_PATTERNS: [string, RegExp][] = [
  ['province code', /\b(new34|old63):\d{2}\b/],
  ['agency id', /\bUBND:/],
  ['action code', /\b[a-z]+(?:_[a-z]+)*\.[a-z]+_[a-z_]+\b/],
  ['validation message', /\b(?:params|body|querystring)\.\w+:|Invalid (?:UUID|input)/],
  ['missing translation key', /\b[a-z]+\.[a-z]+[A-Z][A-Za-z]+\b/],
];

type RouteEntry = { path: string; roles: string[] | null };

/** Static paths of the route table with the roles allowed (null: everyone; []: any signed-in user). */
function routeTable(): RouteEntry[] {
  const source = readFileSync(new URL('../../web/src/routes.tsx', import.meta.url), 'utf8');
  const entries: RouteEntry[] = [];
  for (const match of source.matchAll(/\{ path: ([^,]+), element: [^}]*?(?:roles: (\[[^\]]*\]|notOwner))?[^}]*\}/g)) {
    const rawPath = match[1]!.trim();
    if (!rawPath.startsWith("'")) continue;
    const routePath = rawPath.slice(1, -1);
    if (routePath.includes(':') || routePath === '*' || routePath === '/sign-in') continue;
    const roles =
      match[2] === undefined
        ? null
        : match[2] === 'notOwner'
          ? ['admin', 'central', 'agency', 'reviewer', 'ngo']
          : JSON.parse(match[2].replace(/'/g, '"'));
    entries.push({ path: routePath, roles });
  }
  return entries;
}

const DETAIL_LINKS = [
  /^\/organisations\/[0-9a-f-]{36}$/,
  /^\/dossiers\/[0-9a-f-]{36}$/,
  /^\/aid\/[0-9a-f-]{36}$/,
  /^\/needs\/[0-9a-f-]{36}$/,
  /^\/directory\/[^/]+$/,
];

async function rawCodesOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const text = await page
    .locator('main')
    .innerText()
    .catch(() => page.locator('body').innerText());
  return RAW_PATTERNS.flatMap(([kind, pattern]) => {
    const found = pattern.exec(text);
    return found ? [`${path}: ${kind} "${found[0]}" in "…${text.slice(Math.max(0, found.index - 40), found.index + 40)}…"`] : [];
  });
}

async function detailLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split('?')[0]!);
}

/**
 * Every route is checked; by default each by one of the roles that may open it (turn by turn, so every role gets its
 * share), which keeps the suite's time reasonable; VNAID_E2E_FULL=1 checks every route as every role.
 */
const FULL = process.env.VNAID_E2E_FULL === '1';
const ROLES = ['public', ...new Set(demoAccounts.map((a) => a.role))] as const;
const mayOpen = (route: RouteEntry, role: string) =>
  role === 'public' ? route.roles === null : route.roles === null || route.roles.length === 0 || route.roles.includes(role);
const ROUTES = routeTable();
const routesOf = (role: string): RouteEntry[] =>
  ROUTES.filter((route, index) => {
    if (!mayOpen(route, role)) return false;
    if (FULL) return true;
    const eligible = ROLES.filter((r) => mayOpen(route, r));
    return eligible[index % eligible.length] === role;
  });

describe(`no raw codes on any page (${FULL ? 'every route as every role' : 'every route, each as one role; VNAID_E2E_FULL=1 for all'})`, () => {
  const opened: E2E[] = [];
  afterAll(async () => Promise.all(opened.map((b) => b.close())));

  it.each(ROLES.map((role) => [role]))('as %s, pages show names, not codes', async (role) => {
    const browser = await openBrowser();
    opened.push(browser);
    const { page } = browser;
    const account = role === 'public' ? null : demoAccounts.find((a) => a.role === role)!;
    if (account) await signIn(page, account.role);
    const problems: string[] = [];
    const details = new Map<RegExp, string>();
    for (const route of routesOf(role)) {
      problems.push(...(await rawCodesOn(page, route.path)));
      for (const href of await detailLinks(page)) {
        const kind = DETAIL_LINKS.find((p) => p.test(href));
        if (kind && !details.has(kind)) details.set(kind, href);
      }
    }
    for (const href of details.values()) problems.push(...(await rawCodesOn(page, href)));
    expect(problems).toEqual([]);
  });

  it('checks every route of the route table', () => {
    expect(ROUTES.length).toBeGreaterThan(30);
    expect(ROUTES.filter((route) => !ROLES.some((role) => routesOf(role).includes(route)))).toEqual([]);
  });
});
