import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types';

/**
 * Runs `work` in a transaction: the caller's own when `db` already is one (so a service called from another
 * module's write commits or rolls back with it; Kysely has no nested transactions), otherwise a new one.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
