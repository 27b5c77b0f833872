import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { offsetOf } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { hashPassword, passwordProblems, verifyPassword } from '@modules/auth/password';
import { clearAccountThrottles } from '@modules/auth/sign-in-throttle';
import { hashSecret, newSecret } from '@modules/auth/tokens';
import { currentThrottle, endAccess, throttledUntil } from './users.access';
import { checkAccountReferences } from '@modules/registry/registry-references';
import type { CreateUserBody, UpdateUserBody, UserView } from './users.schemas';

type UserRow = Selectable<UserTable>;
type ScopeNames = { scope_name_vi?: string | null; scope_name_en?: string | null; throttled_until?: Date | null };

export const presentUser = (row: UserRow & ScopeNames): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  email: row.email,
  role: row.role,
  organisationId: row.organisation_id,
  agencyId: row.agency_id,
  scopeNameVi: row.scope_name_vi ?? null,
  scopeNameEn: row.scope_name_en ?? null,
  locale: row.locale,
  active: row.active,
  lockedUntil: row.throttled_until && row.throttled_until > new Date() ? row.throttled_until.toISOString() : null,
  mustChangePassword: row.must_change_password,
  version: row.version,
});

/** Refuses a password the policy does not accept (400 `validation_failed` listing the problems). */
export function checkPassword(password: string): void {
  const problems = passwordProblems(password);
  if (problems.length)
    throw new AppError('validation_failed', { details: { issues: problems.map((p) => ({ path: 'body.password', message: p })) } });
}

/** Roles whose accounts belong to an agency row: officers, reviewers and aid owners. */
const agencyRole = (role: UserRow['role']) => role === 'agency' || role === 'reviewer' || role === 'owner';

/** An NGO account needs its organisation; agency, reviewer and owner accounts need their agency. */
function checkScope(role: UserRow['role'], organisationId: string | null, agencyId: string | null): void {
  const issues: { path: string; message: string }[] = [];
  if (role === 'ngo' && !organisationId) issues.push({ path: 'body.organisationId', message: 'required for role ngo' });
  if (agencyRole(role) && !agencyId) issues.push({ path: 'body.agencyId', message: `required for role ${role}` });
  if (issues.length) throw new AppError('validation_failed', { details: { issues } });
}

export async function listUsers(db: Kysely<Database>, query: { q?: string; role?: UserRow['role']; page: number; pageSize: number }) {
  let base = db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id');
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.username']), 'like', like), eb(eb.fn('lower', ['users.display_name']), 'like', like)]),
    );
  }
  if (query.role) base = base.where('users.role', '=', query.role);
  const [rows, count] = await Promise.all([
    base
      .selectAll('users')
      .select((eb) => [
        eb.fn.coalesce('agencies.name_vi', 'organisations.name_vi', 'organisations.name_original').as('scope_name_vi'),
        eb.fn.coalesce('agencies.name_en', 'organisations.name_en', 'organisations.name_original').as('scope_name_en'),
        throttledUntil(eb.ref('users.username')).as('throttled_until'),
      ])
      .orderBy('users.username')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentUser), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

export async function createUser(db: Kysely<Database>, ctx: WriteContext, body: CreateUserBody): Promise<UserView> {
  checkPassword(body.password);
  checkScope(body.role, body.organisationId ?? null, body.agencyId ?? null);
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', body.username.toLowerCase()))
    .executeTakeFirst();
  if (existing) throw new AppError('already_exists', { details: { field: 'username' } });
  const passwordHash = await hashPassword(body.password);
  return db.transaction().execute(async (trx) => {
    await checkAccountReferences(trx, {
      organisationId: body.role === 'ngo' ? body.organisationId : null,
      agencyId: agencyRole(body.role) ? body.agencyId : null,
    });
    const row = await trx
      .insertInto('users')
      .values({
        username: body.username,
        display_name: body.displayName,
        email: body.email ?? null,
        role: body.role,
        organisation_id: body.role === 'ngo' ? (body.organisationId ?? null) : null,
        agency_id: agencyRole(body.role) ? (body.agencyId ?? null) : null,
        password_hash: passwordHash,
        // Chosen by a signed-in administrator for someone else: replaced at the first sign-in. Without an actor the
        // account comes from `npm run create-admin`, run by the person who will own it: their own choice.
        must_change_password: ctx.actor !== null,
        locale: body.locale,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, after: row });
    return presentUser(row);
  });
}

/** Deactivating and reactivating are named as such in the audit trail; any other change is an update. */
const updateAction = (wasActive: boolean, isActive: boolean) =>
  wasActive === isActive ? 'user.update' : isActive ? 'user.reactivate' : 'user.deactivate';

/**
 * Changes an account. A new password (the administrator's choice) must be changed at the next sign-in; it and a
 * deactivation end every session and revoke every API token of the account.
 */
export async function updateUser(db: Kysely<Database>, ctx: WriteContext, id: string, body: UpdateUserBody): Promise<UserView> {
  if (body.password) checkPassword(body.password);
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('user');
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version, current: presentUser(before) });
    const role = body.role ?? before.role;
    const organisationId = body.organisationId === undefined ? before.organisation_id : body.organisationId;
    const agencyId = body.agencyId === undefined ? before.agency_id : body.agencyId;
    checkScope(role, organisationId, agencyId);
    await checkAccountReferences(trx, {
      organisationId: role === 'ngo' ? organisationId : null,
      agencyId: agencyRole(role) ? agencyId : null,
    });
    if (before.id === ctx.actor?.userId && (body.active === false || (body.role && body.role !== 'admin'))) {
      throw new AppError('conflict', { details: { reason: 'cannot_demote_or_disable_self' } });
    }
    const after = await trx
      .updateTable('users')
      .set({
        display_name: body.displayName ?? before.display_name,
        email: body.email === undefined ? before.email : body.email,
        role,
        organisation_id: role === 'ngo' ? organisationId : null,
        agency_id: agencyRole(role) ? agencyId : null,
        active: body.active ?? before.active,
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: new Date(), must_change_password: true } : {}),
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (passwordHash || body.active === false) await endAccess(trx, id);
    if (body.unlock) await clearAccountThrottles(trx, before.username);
    await writeAudit(trx, ctx, { action: updateAction(before.active, after.active), entityType: 'user', entityId: id, before, after });
    return presentUser({ ...after, throttled_until: await currentThrottle(trx, after.username) });
  });
}

export async function setOwnLocale(db: Kysely<Database>, ctx: WriteContext, userId: string, locale: 'vi' | 'en'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ locale, updated_at: new Date() }).where('id', '=', userId).execute();
    await writeAudit(trx, ctx, { action: 'user.set_locale', entityType: 'user', entityId: userId, after: { locale } });
  });
}

/**
 * Changes one's own password. Whoever else held the account loses it: every other session ends and every API
 * token is revoked (the session that changed it stays). Clears a pending forced change.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  ctx: WriteContext,
  userId: string,
  current: string,
  next: string,
  keepSessionSecret?: string,
): Promise<void> {
  const user = await db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, user.password_hash))) throw new AppError('invalid_credentials');
  checkPassword(next);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: new Date(), must_change_password: false, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    const ended = await endAccess(trx, userId, keepSessionSecret);
    await writeAudit(trx, ctx, { action: 'user.change_password', entityType: 'user', entityId: userId, after: ended });
  });
}

const presentToken = (row: {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function listOwnTokens(db: Kysely<Database>, userId: string) {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(presentToken);
}

/** Creates an API token acting as its owner (with the owner's role and scope); the secret is shown only once. */
export async function createOwnToken(db: Kysely<Database>, ctx: WriteContext, userId: string, name: string, expiresInDays?: number) {
  const secret = newSecret('vt');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name,
        token_hash: hashSecret(secret),
        prefix: secret.slice(0, 7),
        expires_at: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'token.create', entityType: 'api_token', entityId: row.id, after: { name, prefix: row.prefix } });
    return { ...presentToken(row), secret };
  });
}

export async function revokeOwnToken(db: Kysely<Database>, ctx: WriteContext, userId: string, tokenId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('api_token');
    await writeAudit(trx, ctx, { action: 'token.revoke', entityType: 'api_token', entityId: tokenId });
  });
}
