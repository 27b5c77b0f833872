import type pg from 'pg';
import { ident } from './format';

/**
 * What backup and restore need to know about the public schema, read from the system catalogs so tables that
 * later migrations add are covered without listing them anywhere.
 */

export type TableInfo = { name: string; kind: 'r' | 'p'; columns: string[] };
export type ForeignKey = { name: string; table: string; refTable: string; deferrable: boolean };
export type UserTrigger = { table: string; name: string; enabled: 'O' | 'A' | 'R' };

/** Ordinary and partitioned tables (not their partitions) with their stored, non-generated columns; schema_migrations excluded. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; kind: 'r' | 'p'; columns: string[] | null }>(`
    select c.relname::text as name, c.relkind::text as kind,
           array_agg(a.attname::text order by a.attnum) filter (where a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
     group by c.oid, c.relname, c.relkind
     order by c.relname`);
  return rows.filter((row) => row.columns?.length).map((row) => ({ name: row.name, kind: row.kind, columns: row.columns ?? [] }));
}

/** Foreign keys between tables of the public schema (those a partition inherits from its parent excluded). */
export async function listForeignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(`
    select con.conname::text as name, cl.relname::text as "table", ref.relname::text as "refTable", con.condeferrable as deferrable
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_class ref on ref.oid = con.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where con.contype = 'f' and n.nspname = 'public' and con.conparentid = 0
     order by cl.relname, con.conname`);
  return rows;
}

/** Enabled triggers written by migrations (not the internal ones that enforce foreign keys). */
export async function listUserTriggers(client: pg.ClientBase): Promise<UserTrigger[]> {
  const { rows } = await client.query<UserTrigger>(`
    select cl.relname::text as "table", t.tgname::text as name, t.tgenabled::text as enabled
      from pg_trigger t
      join pg_class cl on cl.oid = t.tgrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where not t.tgisinternal and n.nspname = 'public' and t.tgenabled <> 'D'
     order by cl.relname, t.tgname`);
  return rows;
}

/** Names of the sequences of the public schema, identity sequences included. */
export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'S' order by c.relname`);
  return rows.map((row) => row.name);
}

/** A sequence's position, exactly as setval() takes it back. */
export async function sequenceState(client: pg.ClientBase, name: string): Promise<{ last_value: string; is_called: boolean }> {
  const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
    `select last_value::text as last_value, is_called from public.${ident(name)}`,
  );
  if (!rows[0]) throw new Error(`sequence ${name} has no state`);
  return rows[0];
}

/** Materialized views of the public schema in creation order, so one built on another is refreshed after it. */
export async function listMaterializedViews(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'm' order by c.oid`);
  return rows.map((row) => row.name);
}

/**
 * Orders tables so a referenced table comes before the tables that refer to it (ties alphabetical, so the order
 * is stable). Self-references are ignored; a cycle is broken at its alphabetically first table, whose foreign keys
 * to later tables the restore then checks at the end of its transaction instead of row by row.
 */
export function dependencyOrder(tables: string[], foreignKeys: Pick<ForeignKey, 'table' | 'refTable'>[]): string[] {
  const known = new Set(tables);
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.refTable && known.has(fk.table) && known.has(fk.refTable)) needs.get(fk.table)?.add(fk.refTable);
  }
  const order: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size) {
    const ready = [...remaining].filter((t) => [...(needs.get(t) ?? [])].every((dep) => !remaining.has(dep)));
    // A cycle: take the table with the fewest unmet references (alphabetical among equals) to go on.
    const unmet = (t: string) => [...(needs.get(t) ?? [])].filter((dep) => remaining.has(dep)).length;
    const next = ready[0] ?? [...remaining].sort((a, b) => unmet(a) - unmet(b) || (a < b ? -1 : 1))[0]!;
    order.push(next);
    remaining.delete(next);
  }
  return order;
}
