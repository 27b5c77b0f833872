import { sql, type Expression, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { hashSecret } from '@modules/auth/tokens';

/**
 * Ends every way into an account after its credentials change hands (a password change or reset, a
 * deactivation): its sessions (except `keepSessionSecret`, the session making the change) and its API tokens.
 * Returns what it ended, for the audit row.
 */
export async function endAccess(
  trx: Transaction<Database> | Kysely<Database>,
  userId: string,
  keepSessionSecret?: string,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  let sessions = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionSecret) sessions = sessions.where('id_hash', '<>', hashSecret(keepSessionSecret));
  const ended = await sessions.executeTakeFirst();
  const revoked = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { sessionsEnded: Number(ended.numDeletedRows), tokensRevoked: Number(revoked.numUpdatedRows) };
}

/** Until when sign-ins to the account name are held back by a throttle (null when they are not), as SQL. */
export const throttledUntil = (username: Expression<string>) =>
  sql<Date | null>`(select max(t.blocked_until) from sign_in_throttles t where t.username = lower(${username}) and t.blocked_until > now())`;

/** {@link throttledUntil} for one account. */
export async function currentThrottle(trx: Transaction<Database> | Kysely<Database>, username: string): Promise<Date | null> {
  const row = await trx.selectNoFrom(throttledUntil(sql.val(username)).as('until')).executeTakeFirst();
  return row?.until ?? null;
}
