import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { listForeignKeys, listMaterializedViews, listTables, listUserTriggers, type UserTrigger } from './catalog';
import { BackupError, ident, type BackupHeader, type BackupTable } from './format';
import { openBackup, type BackupEvent } from './read-backup';

const table = (name: string) => `public.${ident(name)}`;

const ENABLE: Record<UserTrigger['enabled'], string> = { O: 'enable trigger', A: 'enable always trigger', R: 'enable replica trigger' };

/** Streams one table's data from the file into COPY … FROM STDIN; returns the rows the server stored. */
async function copyTable(client: pg.PoolClient, spec: BackupTable, events: AsyncGenerator<BackupEvent>): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table(spec.name)} (${spec.columns.map(ident).join(', ')}) from stdin`));
  // Watches the stream from the start, so a row the server refuses surfaces here whatever we are waiting on.
  const done = finished(stream);
  done.catch(() => undefined);
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) throw new BackupError(`the backup file ends inside table ${spec.name}`);
      if (next.value.kind === 'end') break;
      if (stream.errored) await done;
      if (!stream.write(next.value.chunk)) await Promise.race([once(stream, 'drain'), done]);
    }
    stream.end();
    await done;
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return stream.rowCount;
}

/** The backup's tables must exist here with every column the backup holds (they do when the migrations match). */
async function checkSchema(client: pg.PoolClient, header: BackupHeader): Promise<void> {
  const present = new Map((await listTables(client)).map((t) => [t.name, new Set(t.columns)]));
  for (const spec of header.tables) {
    const columns = present.get(spec.name);
    if (!columns) throw new BackupError(`table ${spec.name} of the backup does not exist in the migrated database`);
    const missing = spec.columns.filter((c) => !columns.has(c));
    if (missing.length)
      throw new BackupError(`table ${spec.name} of the migrated database lacks the backup's columns ${missing.join(', ')}`);
  }
}

/**
 * Loads the backup's data into a freshly migrated schema in ONE transaction, so a failure leaves no half-restored
 * database. Inside it: the rows the migrations seeded (reference data, which the backup holds as it was) are
 * emptied; user triggers are disabled, as pg_restore --disable-triggers does, because the rows already carry
 * their effects (and the append-only audit trail only ever receives inserts); foreign keys the table order cannot
 * satisfy (cycles between tables) are checked once at the end; sequences get their backed-up positions; the
 * row counts are compared with the header before commit.
 */
export async function loadData(pool: pg.Pool, file: string, header: BackupHeader, log: (message: string) => void): Promise<number> {
  const reader = await openBackup(file);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await checkSchema(client, header);
    const triggers = await listUserTriggers(client);
    for (const t of triggers) await client.query(`alter table ${table(t.table)} disable trigger ${ident(t.name)}`);

    const seeded: string[] = [];
    for (const spec of header.tables) {
      if ((await client.query(`select 1 from ${table(spec.name)} limit 1`)).rowCount) seeded.push(spec.name);
    }
    if (seeded.length) await client.query(`truncate ${seeded.map(table).join(', ')} cascade`);

    // A foreign key is checked at the end of each COPY, so references within a table never need this; only a
    // table referring to one loaded after it (a cycle between tables) does.
    const position = new Map(header.tables.map((t, i) => [t.name, i]));
    const deferred = (await listForeignKeys(client)).filter((fk) => {
      const [from, to] = [position.get(fk.table), position.get(fk.refTable)];
      return !fk.deferrable && from !== undefined && to !== undefined && to > from;
    });
    for (const fk of deferred)
      await client.query(`alter table ${table(fk.table)} alter constraint ${ident(fk.name)} deferrable initially deferred`);

    let rows = 0;
    for (const spec of header.tables) {
      const stored = await copyTable(client, spec, reader.events);
      if (stored !== spec.rows) throw new BackupError(`table ${spec.name}: ${stored} rows stored, the backup holds ${spec.rows}`);
      rows += stored;
    }
    log(`loaded ${rows} rows into ${header.tables.length} tables; checking references`);

    await client.query('set constraints all immediate');
    for (const fk of deferred) await client.query(`alter table ${table(fk.table)} alter constraint ${ident(fk.name)} not deferrable`);
    for (const t of triggers) await client.query(`alter table ${table(t.table)} ${ENABLE[t.enabled]} ${ident(t.name)}`);
    for (const s of header.sequences)
      await client.query('select setval($1::regclass, $2::bigint, $3)', [table(s.name), s.last_value, s.is_called]);
    for (const view of await listMaterializedViews(client)) await client.query(`refresh materialized view ${table(view)}`);

    for (const spec of header.tables) {
      const { rows: counted } = await client.query<{ n: string }>(`select count(*) as n from ${table(spec.name)}`);
      if (Number(counted[0]?.n) !== spec.rows)
        throw new BackupError(`table ${spec.name} holds ${counted[0]?.n} rows after loading, the backup ${spec.rows}`);
    }
    await client.query('commit');
    return rows;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    reader.close();
  }
}
