import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';

/**
 * Sign-in throttling (issue 11, defect 3). A hard lock of the account after a few failures let anyone shut an
 * administrator out with five requests; instead attempts are counted per (account name, address) pair, per
 * address, and per account name from addresses it never signed in from, each with an exponential back-off. An
 * attacker elsewhere slows only themselves: the owner's own address has its own pair key, and the account-wide
 * key spares addresses the owner signed in from before. Counting happens in PostgreSQL (`sign_in_attempt`, one row
 * lock per key) before the password is checked, so parallel attempts are all counted and every process agrees.
 */
export type ThrottleRule = { limit: number; baseSeconds: number; maxSeconds: number; resetSeconds: number };

export const THROTTLE_RULES = {
  /** One address guessing one account: 5 tries, then 30 s, 1 min, 2 min … up to 15 min. */
  pair: { limit: 5, baseSeconds: 30, maxSeconds: 15 * 60, resetSeconds: 15 * 60 },
  /** One address trying many names (an office behind one address has room to mistype). */
  address: { limit: 50, baseSeconds: 60, maxSeconds: 60 * 60, resetSeconds: 60 * 60 },
  /** One name tried from many new addresses (distributed guessing); known addresses are spared. */
  account: { limit: 20, baseSeconds: 60, maxSeconds: 60 * 60, resetSeconds: 60 * 60 },
} satisfies Record<string, ThrottleRule>;

/** Throttle keys of one attempt. User names are lower-cased, whether or not the account exists. */
export function throttleKeys(username: string, address: string, knownAddress: boolean) {
  const name = username.toLowerCase();
  return [
    { key: `pair:${name}|${address}`, username: name, rule: THROTTLE_RULES.pair },
    ...(knownAddress ? [] : [{ key: `account:${name}`, username: name, rule: THROTTLE_RULES.account }]),
    { key: `address:${address}`, username: null, rule: THROTTLE_RULES.address },
  ];
}

export type ThrottleDecision = { allowed: boolean; retryAfterSeconds: number };

/** Counts one attempt on every key (in one statement, keys always locked in the same order) and decides. */
export async function countSignInAttempt(db: Kysely<Database>, keys: ReturnType<typeof throttleKeys>): Promise<ThrottleDecision> {
  const rows = await sql<{ allowed: boolean; retry_after_seconds: number }>`
    select a.allowed, a.retry_after_seconds
    from (values ${sql.join(
      keys.map(
        (k, i) =>
          sql`(${i}::integer, ${k.key}::text, ${k.username}::text, ${k.rule.limit}::integer, ${k.rule.baseSeconds}::integer, ${k.rule.maxSeconds}::integer, ${k.rule.resetSeconds}::integer)`,
      ),
    )}) as k(ord, key, username, lim, base_s, max_s, reset_s)
    cross join lateral sign_in_attempt(k.key, k.username, k.lim, k.base_s, k.max_s, k.reset_s) as a
    order by k.ord`.execute(db);
  const refused = rows.rows.filter((r) => !r.allowed);
  return refused.length
    ? { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retry_after_seconds)) }
    : { allowed: true, retryAfterSeconds: 0 };
}

/**
 * After a successful sign-in: the pair starts again from zero, and the attempt that succeeded no longer counts
 * against the address or the name (a success must not wipe the counts, or one valid account would reset them).
 */
export async function forgiveSignInAttempt(db: Kysely<Database>, keys: ReturnType<typeof throttleKeys>): Promise<void> {
  const [pair, ...others] = keys;
  await db.deleteFrom('sign_in_throttles').where('key', '=', pair!.key).execute();
  if (others.length)
    await db
      .updateTable('sign_in_throttles')
      .set((eb) => ({ attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` }))
      .where(
        'key',
        'in',
        others.map((k) => k.key),
      )
      .execute();
}

/** An administrator's unlock: every throttle on the account's name goes (the addresses' own counts stay). */
export async function clearAccountThrottles(db: Kysely<Database>, username: string): Promise<number> {
  const result = await db.deleteFrom('sign_in_throttles').where('username', '=', username.toLowerCase()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets counts nobody has touched for a day (they would start from zero anyway). */
export async function pruneSignInThrottles(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('sign_in_throttles')
    .where('last_attempt_at', '<', sql<Date>`now() - interval '1 day'`)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', sql<Date>`now()`)]))
    .execute();
}
