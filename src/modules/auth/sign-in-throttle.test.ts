import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

let lastAddress = 0;
/** A fresh client address per scenario (the route's own per-address rate limit must not get in the way). */
const newAddress = () => `198.51.100.${++lastAddress}`;

const signIn = (username: string, password: string, remoteAddress: string, language = 'en') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress,
    headers: { 'accept-language': language },
    payload: { username, password },
  });

const attempts = async (key: string) =>
  (await t.db.selectFrom('sign_in_throttles').select('attempts').where('key', '=', key).executeTakeFirst())?.attempts;

describe('sign-in throttling', () => {
  it('counts every one of 15 parallel wrong passwords and checks only the first five', async () => {
    const user = await t.createUser('central');
    const address = newAddress();
    const responses = await Promise.all(Array.from({ length: 15 }, (_, i) => signIn(user.username, `wrong-${i}-password`, address)));
    const codes = responses.map((r) => r.json().error.code).sort();
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(5);
    expect(codes.filter((c) => c === 'sign_in_throttled')).toHaveLength(10);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(10);
    expect(await attempts(`pair:${user.username.toLowerCase()}|${address}`)).toBe(15);
    expect(await attempts(`address:${address}`)).toBe(15);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', user.id)
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(audited).toHaveLength(5);
    // Even the right password waits out the back-off from that address.
    expect((await signIn(user.username, user.password, address)).json().error.code).toBe('sign_in_throttled');
  });

  it('holds back the attacker’s address while the owner still signs in from their own', async () => {
    const owner = await t.createUser('admin');
    const home = newAddress();
    expect((await signIn(owner.username, owner.password, home)).statusCode).toBe(200);
    const attacker = newAddress();
    for (let i = 0; i < 6; i++) await signIn(owner.username, `guess-${i}-password`, attacker);
    expect((await signIn(owner.username, owner.password, attacker)).statusCode).toBe(429);
    expect((await signIn(owner.username, owner.password, home)).statusCode).toBe(200);
    // A first sign-in from a new address also works: the attacker's failures are theirs alone.
    expect((await signIn(owner.username, owner.password, newAddress())).statusCode).toBe(200);
  });

  it('spreads over many addresses: new addresses are held back, the owner’s known address is not', async () => {
    const owner = await t.createUser('admin');
    const home = newAddress();
    expect((await signIn(owner.username, owner.password, home)).statusCode).toBe(200);
    for (let i = 0; i < 21; i++) await signIn(owner.username, `spray-${i}-password`, newAddress());
    const fromNew = await signIn(owner.username, owner.password, newAddress());
    expect(fromNew.statusCode).toBe(429);
    expect((await signIn(owner.username, owner.password, home)).statusCode).toBe(200);
  });

  it('holds back an address that tries too many names, whatever the name', async () => {
    const user = await t.createUser('central');
    const address = newAddress();
    await t.db
      .insertInto('sign_in_throttles')
      .values({ key: `address:${address}`, username: null, attempts: 50 })
      .execute();
    const response = await signIn(user.username, user.password, address);
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('sign_in_throttled');
  });

  it('answers unknown and existing names byte for byte alike, when wrong and when throttled', async () => {
    const user = await t.createUser('central');
    const unknown = `nobody-${user.username}`;
    for (const language of ['en', 'vi']) {
      const a = newAddress();
      const b = newAddress();
      const known: string[] = [];
      const missing: string[] = [];
      for (let i = 0; i < 7; i++) {
        const k = await signIn(user.username, `wrong-${i}-password`, a, language);
        const m = await signIn(unknown, `wrong-${i}-password`, b, language);
        expect(m.statusCode).toBe(k.statusCode);
        known.push(k.body);
        missing.push(m.body);
      }
      expect(missing).toEqual(known);
      expect(new Set(known).size).toBe(2);
      expect(JSON.parse(known[0]!).error.code).toBe('invalid_credentials');
      expect(JSON.parse(known[6]!).error.code).toBe('sign_in_throttled');
    }
    const unknownFailures = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_label', '=', unknown)
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(unknownFailures).toHaveLength(10);
  });

  it('lets an administrator unlock the account from the user list, and audits it', async () => {
    const admin = await t.signInAs('admin');
    const user = await t.createUser('agency');
    const address = newAddress();
    for (let i = 0; i < 6; i++) await signIn(user.username, `wrong-${i}-password`, address);
    const listed = await t.call(admin, { method: 'GET', url: `/api/users?q=${user.username}` });
    expect(listed.json().items[0].lockedUntil).not.toBeNull();
    const unlocked = await t.call(admin, { method: 'POST', url: `/api/users/${user.id}/unlock` });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await signIn(user.username, user.password, address)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('user.unlock');
  });
});
