import type { Kysely, Selectable } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database, UserTable } from '@db/types';
import { AppError } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { hashSecret, newSecret } from './tokens';

export const SESSION_HOURS = 12;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

type UserRow = Selectable<UserTable>;

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
  };
}

// A hash to compare against when the user does not exist, so a wrong user name costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * Checks a user name and password. After {@link MAX_FAILED_SIGN_INS} failures in a row the account is locked for
 * {@link LOCK_MINUTES} minutes; the failure and the lock are audited.
 */
export async function signIn(
  db: Kysely<Database>,
  ctx: Omit<WriteContext, 'actor'>,
  username: string,
  password: string,
): Promise<{ sessionSecret: string; csrfToken: string; actor: Actor }> {
  const user: UserRow | undefined = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  if (!user || !user.active) {
    decoyHash ??= hashPassword('decoy-password-1');
    await verifyPassword(password, await decoyHash);
    throw new AppError('invalid_credentials');
  }
  if (user.locked_until && user.locked_until > new Date()) {
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw new AppError('account_locked', { params: { minutes } });
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.locked_until })
        .where('id', '=', user.id)
        .execute();
      await writeAudit(
        trx,
        { ...ctx, actor: null, label: user.username },
        {
          action: lock ? 'auth.locked' : 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user.id,
        },
      );
    });
    if (lock) throw new AppError('account_locked', { params: { minutes: LOCK_MINUTES } });
    throw new AppError('invalid_credentials');
  }
  const sessionSecret = newSecret('vs');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hashSecret(sessionSecret),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      })
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
