import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testConfig, type TestContext } from '../../test/support/test-app';
import { buildApp } from '../app';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';
import { createOrganisation, issue } from '@modules/registry/registry.fixtures';

/**
 * Public figures and directory pages kept in memory: revalidated with ETag / 304, and never stale after a write,
 * whichever process (here: app instance with its own cache and listener) made it.
 */

let t: TestContext;
let a: FastifyInstance;
let b: FastifyInstance;
const YEAR = 2019;

/** A vnaid process on the test database: its own caches and its own LISTEN connection. */
async function processOnTestDatabase(): Promise<FastifyInstance> {
  const app = await buildApp(
    {
      db: t.db,
      database: { engine: t.engine, serverVersion: async () => '', url: t.runtimeUrl },
      config: testConfig,
    },
    { web: false },
  );
  await app.ready();
  await app.changeCaches!.listener.whenConnected();
  return app;
}

beforeAll(async () => {
  t = await createTestContext();
  [a, b] = [await processOnTestDatabase(), await processOnTestDatabase()];
  const organisation = await buildOrganisation(t.db, { name: 'Cache Test Foundation' });
  await buildAidItem(t.db, { organisation_id: organisation.id, status: 'IMPLEMENTING', provinces: [['new34:04', '100']] });
  await buildAidItem(t.db, { organisation_id: organisation.id, status: 'IMPLEMENTING', provinces: [['new34:01', '100']] });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await t?.close();
});

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const committed = async (app: FastifyInstance) => (await get(app, `/api/public/stats/summary?year=${YEAR}`)).json().committedUsd as string;

/** Polls until `read` differs from `before` (a notification travels through the database), at most 5 s. */
async function changedFrom<T>(before: T, read: () => Promise<T>): Promise<T> {
  const until = Date.now() + 5_000;
  for (;;) {
    const now = await read();
    if (now !== before || Date.now() > until) return now;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function itemOf(code: string) {
  return t.db.selectFrom('aid_items').select('id').where('code', '=', code).executeTakeFirstOrThrow();
}

describe('public figures kept in memory', () => {
  it('answers a second identical request with 304 Not Modified when the browser sends its ETag', async () => {
    for (const url of [
      `/api/public/stats/summary?year=${YEAR}`,
      '/api/public/organisations?page=1',
      `/api/public/stats/by-province?year=${YEAR}`,
    ]) {
      const first = await get(a, url);
      expect(first.statusCode, url).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      const second = await get(a, url, { 'if-none-match': etag });
      expect(second.statusCode, url).toBe(304);
      expect(second.body, url).toBe('');
      expect((await get(a, url)).body, url).toBe(first.body);
    }
    expect(a.changeCaches!.publicData.size).toBeGreaterThan(0);
  });

  it('keys answers by language and normalised query, and never serves a visitor answer to an officer', async () => {
    const en = await get(a, `/api/public/stats/by-province?year=${YEAR}`, { 'accept-language': 'en' });
    const vi = await get(a, `/api/public/stats/by-province?year=${YEAR}`, { 'accept-language': 'vi' });
    const name = (r: typeof en) => r.json().items.find((p: { id: string }) => p.id === 'new34:04').name;
    expect([name(en), name(vi)]).toEqual(['Cao Bang', 'Cao Bằng']);
    const plain = await get(a, `/api/public/stats/summary?year=${YEAR}`);
    const extra = await get(a, `/api/public/stats/summary?year=${YEAR}&unknown=1`, { 'if-none-match': String(plain.headers.etag) });
    expect(extra.statusCode).toBe(304);

    expect((await get(a, `/api/stats/dashboard?year=${YEAR}`)).json().scope.kind).toBe('national');
    const officer = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const scoped = await get(a, `/api/stats/dashboard?year=${YEAR}`, { cookie: officer.cookie });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.json().scope).toMatchObject({ kind: 'province', id: 'new34:04' });
  });

  it('shows a counted transaction added through the API at once in the process that recorded it, and in another one', async () => {
    const [beforeA, beforeB] = [await committed(a), await committed(b)];
    expect(beforeB).toBe(beforeA);
    const cached = await get(a, `/api/public/stats/summary?year=${YEAR}`);
    const admin = await t.signInAs('admin');
    const [item] = await t.db.selectFrom('aid_items').select('id').where('status', '=', 'IMPLEMENTING').execute();
    const added = await a.inject({
      method: 'POST',
      url: `/api/aid/${item!.id}/transactions`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { kind: 'COMMITMENT', date: `${YEAR}-05-02`, amount: '1234.56', currency: 'USD' },
    });
    expect(added.statusCode, added.body).toBe(201);

    const afterA = await committed(a);
    expect(Number(afterA) - Number(beforeA)).toBeCloseTo(1234.56, 2);
    const revalidated = await get(a, `/api/public/stats/summary?year=${YEAR}`, { 'if-none-match': String(cached.headers.etag) });
    expect(revalidated.statusCode).toBe(200);
    expect(await changedFrom(beforeB, () => committed(b))).toBe(afterA);
  });

  it('drops what it holds when a job or a tool writes straight to the database', async () => {
    const before = await committed(b);
    const organisation = await buildOrganisation(t.db);
    const item = await buildAidItem(t.db, { organisation_id: organisation.id, status: 'COMPLETED' });
    await t.db
      .insertInto('aid_transactions')
      .values({
        aid_item_id: (await itemOf(item.code)).id,
        kind: 'COMMITMENT',
        tx_date: `${YEAR}-07-01`,
        amount: '100',
        currency: 'USD',
        amount_usd: '100',
        amount_vnd: '1',
      })
      .execute();
    const after = await changedFrom(before, () => committed(b));
    expect(Number(after) - Number(before)).toBeCloseTo(100, 2);
  });

  it('lists an organisation in the directory search as soon as another process issues its certificate', async () => {
    const search = async () => (await get(b, '/api/public/organisations?q=zebrafinch')).json().total as number;
    const admin = await t.signInAs('admin');
    const organisation = await createOrganisation(t, admin, { nameOriginal: 'Zebrafinch Relief' });
    expect(await search()).toBe(0);
    expect((await issue(t, admin, organisation.id)).statusCode).toBe(201);
    expect(await changedFrom(0, search)).toBe(1);
  });
});

describe('the signed-in aid list kept in memory per data scope', () => {
  it('answers each scope its own list, revalidates with 304, and shows a new item at once after a write elsewhere', async () => {
    const organisation = await buildOrganisation(t.db);
    await buildAidItem(t.db, { organisation_id: organisation.id, status: 'IMPLEMENTING' });
    const [central, ngo] = [await t.signInAs('central'), await t.signInAs('ngo', { organisationId: organisation.id })];
    const list = (session: { cookie: string }, headers: Record<string, string> = {}) =>
      get(a, '/api/aid?pageSize=5', { cookie: session.cookie, ...headers });
    const all = await list(central);
    const own = await list(ngo);
    expect(own.json().total).toBe(1);
    expect(all.json().total).toBeGreaterThan(1);
    expect((await list(central, { 'if-none-match': String(all.headers.etag) })).statusCode).toBe(304);
    expect((await list(ngo)).json().total).toBe(1);

    await buildAidItem(t.db, { organisation_id: organisation.id, status: 'PIPELINE' });
    const total = async (session: { cookie: string }) => (await list(session)).json().total as number;
    expect(await changedFrom(1, () => total(ngo))).toBe(2);
    expect(await total(central)).toBe(all.json().total + 1);
  });
});
