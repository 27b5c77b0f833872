import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types';

/** What a query runs on: the pool or a transaction already open (one name for it, imported from here). */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in a transaction: the caller's own when `db` already is one (so a service called from another
 * module's write commits or rolls back with it; Kysely has no nested transactions), otherwise a new one.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
