import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';

/** A column of a bulk insert: its name and PostgreSQL type (`text[]`, `jsonb`, `daterange`… travel as text). */
export type Column = [name: string, type: string];

const TRAVELS_AS_TEXT = /\[\]$|^jsonb$|^daterange$/;

/**
 * Inserts many rows in a few statements: one array per column, expanded by `unnest`, in chunks. One round trip
 * per chunk instead of one per row keeps the demo seeding within seconds (and statement-level triggers run once
 * per chunk).
 */
export async function bulkInsert(
  trx: Transaction<Database>,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  chunk = 5000,
): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += chunk) {
    const part = rows.slice(offset, offset + chunk);
    const arrays = columns.map(([, type], c) => {
      const values = part.map((row) => row[c] ?? null);
      return TRAVELS_AS_TEXT.test(type)
        ? sql`${values.map((v) => (v === null ? null : Array.isArray(v) ? toPgArray(v as string[]) : String(v)))}::text[]`
        : sql`${values}::${sql.raw(type)}[]`;
    });
    const names = columns.map(([name]) => sql.ref(name));
    const selects = columns.map(([name, type]) =>
      TRAVELS_AS_TEXT.test(type) ? sql`u.${sql.ref(name)}::${sql.raw(type)}` : sql`u.${sql.ref(name)}`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(names)}) select ${sql.join(selects)} from unnest(${sql.join(arrays)}) as u(${sql.join(names)})`.execute(
      trx,
    );
  }
}

/** A PostgreSQL array literal of text values, quoted. */
function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
