import type pg from 'pg';

/**
 * Least privilege on the database (issue 11, defect 5). Three roles:
 *
 * - the **owner** (`vnaid_owner` on the embedded server) owns the database and every object of the schema and runs
 *   the migrations, backup and restore; it is not a superuser;
 * - the **runtime** login (`vnaid_app` on the embedded server) is what the HTTP server and the jobs connect as: not
 *   a superuser, owns nothing, and holds only what it inherits from the group below;
 * - the **group** `vnaid_runtime` (NOLOGIN) holds the runtime's rights: SELECT/INSERT/UPDATE/DELETE on the tables,
 *   sequences' USAGE, and on `audit_log` only INSERT and SELECT, so the audit trail cannot be rewritten (no
 *   UPDATE/DELETE/TRUNCATE, no `ALTER TABLE … DISABLE TRIGGER`, no `session_replication_role`, which need the owner
 *   or a superuser). Granting to a fixed group lets {@link grantRuntimePrivileges} run inside `migrate()` whatever
 *   the runtime login is called on an external server.
 */
export const RUNTIME_GROUP = 'vnaid_runtime';
/** The embedded server's owner/migrator role. */
export const EMBEDDED_OWNER = 'vnaid_owner';
/** The embedded server's runtime login. */
export const EMBEDDED_RUNTIME = 'vnaid_app';

export type RoleLogin = { name: string; password: string };

type Queryable = Pick<pg.ClientBase, 'query' | 'escapeIdentifier' | 'escapeLiteral'>;

async function ensureLogin(admin: Queryable, role: RoleLogin, inGroup?: string): Promise<void> {
  const name = admin.escapeIdentifier(role.name);
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role.name]);
  const options = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${admin.escapeLiteral(role.password)}`;
  await admin.query(exists.rowCount ? `alter role ${name} with ${options}` : `create role ${name} with ${options}`);
  if (inGroup) await admin.query(`grant ${admin.escapeIdentifier(inGroup)} to ${name}`);
}

/**
 * As a superuser: creates (or brings up to date) the runtime group, the owner and the runtime logins with these
 * passwords. Idempotent; run at every start of the embedded server and by the test setup.
 */
export async function ensureRoles(admin: Queryable, roles: { owner: RoleLogin; runtime: RoleLogin }): Promise<void> {
  const group = await admin.query('select 1 from pg_roles where rolname = $1', [RUNTIME_GROUP]);
  if (!group.rowCount) await admin.query(`create role ${admin.escapeIdentifier(RUNTIME_GROUP)} nologin`);
  await ensureLogin(admin, roles.owner);
  await ensureLogin(admin, roles.runtime, RUNTIME_GROUP);
}

/** As a superuser: creates the database owned by `owner`, or hands an existing one to it. */
export async function ensureOwnedDatabase(admin: Queryable, database: string, owner: string): Promise<void> {
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
  const db = admin.escapeIdentifier(database);
  if (!exists.rowCount) await admin.query(`create database ${db} owner ${admin.escapeIdentifier(owner)} encoding 'UTF8'`);
  else await admin.query(`alter database ${db} owner to ${admin.escapeIdentifier(owner)}`);
}

/**
 * As a superuser, connected to the database: gives `owner` every object of the public schema that another role
 * owns (the tables, views, sequences, functions and types a data folder of an earlier vnaid created as the
 * server's superuser). Objects of extensions, and sequences that belong to a column, follow their owner.
 */
export async function transferOwnership(client: Queryable, owner: string): Promise<void> {
  await client.query(`do $$
declare r record; target text := ${client.escapeLiteral(owner)};
begin
  for r in
    select c.oid::regclass::text as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and pg_get_userbyid(c.relowner) <> target
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
  loop
    execute format('alter %s %s owner to %I',
      case r.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end,
      r.name, target);
  end loop;
  for r in
    select p.oid::regprocedure::text as name, p.prokind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> target
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('alter %s %s owner to %I', case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.name, target);
  end loop;
  for r in
    select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname = 'public' and t.typtype in ('e', 'd', 'r') and pg_get_userbyid(t.typowner) <> target
       and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
  loop
    execute format('alter type %s owner to %I', r.name, target);
  end loop;
end $$`);
}

/**
 * Grants the runtime group what the application needs, on everything migrations created so far and (default
 * privileges) on what later migrations create; then takes back from it every write on `audit_log` but INSERT,
 * and every write on `schema_migrations`. Run by `migrate()` as the owner (or a superuser) after each run; a no-op
 * when the group does not exist (an external server whose administrator chose a single role).
 */
export async function grantRuntimePrivileges(client: Queryable): Promise<void> {
  await client.query(`do $$
begin
  if not exists (select 1 from pg_roles where rolname = '${RUNTIME_GROUP}') then return; end if;
  grant usage on schema public to ${RUNTIME_GROUP};
  grant select, insert, update, delete on all tables in schema public to ${RUNTIME_GROUP};
  grant usage, select, update on all sequences in schema public to ${RUNTIME_GROUP};
  alter default privileges in schema public grant select, insert, update, delete on tables to ${RUNTIME_GROUP};
  alter default privileges in schema public grant usage, select, update on sequences to ${RUNTIME_GROUP};
  if to_regclass('public.audit_log') is not null then
    revoke update, delete, truncate, references, trigger on public.audit_log from ${RUNTIME_GROUP};
  end if;
  if to_regclass('public.schema_migrations') is not null then
    revoke insert, update, delete, truncate, references, trigger on public.schema_migrations from ${RUNTIME_GROUP};
  end if;
end $$`);
}

/** Whether the session's role is a superuser (a runtime connection should not be). */
export async function isSuperuser(client: Pick<pg.ClientBase, 'query'> | pg.Pool): Promise<boolean> {
  const { rows } = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  return rows[0]?.rolsuper === true;
}
