import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { hashPassword } from '@modules/auth/password';
import { clearAccountThrottles } from '@modules/auth/sign-in-throttle';
import { endAccess } from './users.access';
import type { UserView } from './users.schemas';
import { checkPassword, presentUser } from './users.service';

/**
 * An administrator sets a new password for an account (the owner forgot it). The password is the
 * administrator's choice, so the owner must change it at the next sign-in; every session and API token of the
 * account ends, since whoever held them may be the reason for the reset.
 */
export async function resetUserPassword(db: Kysely<Database>, ctx: WriteContext, id: string, password: string): Promise<UserView> {
  checkPassword(password);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: hash,
        password_changed_at: new Date(),
        must_change_password: true,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('user');
    const ended = await endAccess(trx, id);
    await writeAudit(trx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, after: ended });
    return presentUser(row);
  });
}

/** Lets sign-ins to an account through again at once: every sign-in throttle on its name is cleared. */
export async function unlockUser(db: Kysely<Database>, ctx: WriteContext, id: string): Promise<UserView> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('user');
    const cleared = await clearAccountThrottles(trx, row.username);
    await writeAudit(trx, ctx, { action: 'user.unlock', entityType: 'user', entityId: id, after: { throttlesCleared: cleared } });
    return presentUser(row);
  });
}
