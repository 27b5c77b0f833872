import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { countSignInAttempt, forgiveSignInAttempt, pruneSignInThrottles, throttleKeys } from './sign-in-throttle';
import { hashSecret, newSecret } from './tokens';

export const SESSION_HOURS = 12;

/** Loads the actor of a user, with the province of a provincial agency as its territorial scope. */
export async function actorForUser(db: Kysely<Database>, userId: string, via: Actor['via']): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.organisation_id',
      'users.agency_id',
      'users.locale',
      'users.active',
      'users.must_change_password',
      'agencies.province_id',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || !row.active) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    agencyId: row.agency_id,
    provinceId: row.province_id,
    locale: row.locale,
    via,
    mustChangePassword: row.must_change_password,
  };
}

// A hash to compare against when the user does not exist, so a wrong user name costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** How long an address of a successful sign-in stays known to the account (spared by the account-wide throttle). */
const KNOWN_ADDRESS_DAYS = 90;

/**
 * Checks a user name and password. Each attempt is first counted by the sign-in throttle (see
 * sign-in-throttle.ts); a refused one answers 429 `sign_in_throttled` without looking at the password. Unknown,
 * inactive and existing accounts get the same answers and the same work (one scrypt hash, one audit row). A
 * session cookie sent along (`replacing`) is ended: signing in replaces it.
 */
export async function signIn(
  db: Kysely<Database>,
  ctx: Omit<WriteContext, 'actor'>,
  username: string,
  password: string,
  replacing?: string,
): Promise<{ sessionSecret: string; csrfToken: string; actor: Actor }> {
  decoyHash ??= hashPassword('decoy-password-1');
  const address = ctx.ip ?? 'unknown';
  const found = await db
    .selectFrom('users')
    .leftJoin('user_known_addresses as known', (join) =>
      join
        .onRef('known.user_id', '=', 'users.id')
        .on('known.address', '=', address)
        .on('known.last_signed_in_at', '>', new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000)),
    )
    .select(['users.id', 'users.username', 'users.password_hash', 'users.active', 'known.address as known_address'])
    .where((eb) => eb(eb.fn('lower', ['users.username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  const user = found?.active ? found : undefined;
  const keys = throttleKeys(username, address, Boolean(user?.known_address));
  const decision = await countSignInAttempt(db, keys);
  if (!decision.allowed) {
    throw new AppError('sign_in_throttled', { params: { minutes: Math.max(1, Math.ceil(decision.retryAfterSeconds / 60)) } });
  }
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches) {
    await writeAudit(
      db,
      { ...ctx, actor: null, label: user?.username ?? username },
      { action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id ?? null },
    );
    throw new AppError('invalid_credentials');
  }
  await forgiveSignInAttempt(db, keys);
  if (Math.random() < 0.02) await pruneSignInThrottles(db);
  const sessionSecret = newSecret('vs');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    if (replacing) await trx.deleteFrom('sessions').where('id_hash', '=', hashSecret(replacing)).execute();
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hashSecret(sessionSecret),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      })
      .execute();
    await trx
      .insertInto('user_known_addresses')
      .values({ user_id: user.id, address })
      .onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_signed_in_at: new Date() }))
      .execute();
    await writeAudit(trx, { ...ctx, actor: null, label: user.username }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
  });
  const actor = await actorForUser(db, user.id, 'session');
  if (!actor) throw new AppError('invalid_credentials');
  return { sessionSecret, csrfToken, actor };
}

/** Resolves a session cookie; sessions slide forward while used. */
export async function resolveSession(db: Kysely<Database>, secret: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('id_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  if (!session || session.expires_at < new Date()) return null;
  const actor = await actorForUser(db, session.user_id, 'session');
  if (!actor) return null;
  if (Date.now() - session.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) })
      .where('id_hash', '=', hashSecret(secret))
      .execute();
  }
  return { actor, csrfToken: session.csrf_token };
}

export async function signOut(db: Kysely<Database>, ctx: WriteContext, secret: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', hashSecret(secret)).execute();
    await writeAudit(trx, ctx, { action: 'auth.sign_out', entityType: 'user', entityId: ctx.actor?.userId ?? null });
  });
}

/** Resolves an API token (`Authorization: Bearer vt_…`) to the actor of its owner. */
export async function resolveApiToken(db: Kysely<Database>, secret: string): Promise<Actor | null> {
  const token = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at < new Date())) return null;
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', token.id).execute();
  return actorForUser(db, token.user_id, 'token');
}
