import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dependencyOrder } from './catalog';
import { BACKUP_FORMAT, type BackupHeader } from './format';
import { openBackup, verifyBackup } from './read-backup';
import { backupMigrations, type CodeMigration } from './target';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-backup-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = (tables: { name: string; rows: number }[], extra: Partial<BackupHeader> = {}): BackupHeader => ({
  format: BACKUP_FORMAT,
  format_version: 1,
  created_at: '2026-11-23T10:00:00.000Z',
  engine: 'embedded',
  server_version: '18.4',
  migrations: [],
  tables: tables.map((t) => ({ ...t, columns: ['a', 'b'] })),
  sequences: [],
  ...extra,
});

let n = 0;
function file(content: string | Buffer, gzip = true): string {
  const name = path.join(dir, `f${++n}.gz`);
  writeFileSync(name, gzip ? gzipSync(content) : content);
  return name;
}

/** Reads every table's data back as text, split at the end markers. */
async function tablesOf(name: string): Promise<string[]> {
  const reader = await openBackup(name);
  const out: string[] = [];
  let current = '';
  for await (const event of reader.events) {
    if (event.kind === 'data') current += event.chunk.toString('utf8');
    else {
      out.push(current);
      current = '';
    }
  }
  return out;
}

describe('backup file reading', () => {
  it('splits the tables at their end markers, never at a row that only looks like one', async () => {
    // Text COPY escapes a backslash as \\, so a one-column row holding "\." is the line `\\.`; a lone "." stays ".".
    const rows = ['1\tplain\n', '\\\\.\n', '.\n', '4\ttab\\there\\nnewline\n'];
    const name = file(
      `${JSON.stringify(
        header([
          { name: 'a', rows: 4 },
          { name: 'b', rows: 0 },
          { name: 'c', rows: 1 },
        ]),
      )}\n${rows.join('')}\\.\n\\.\n5\tlast\n\\.\n`,
    );
    expect(await tablesOf(name)).toEqual([rows.join(''), '', '5\tlast\n']);
    expect((await verifyBackup(name)).tables.map((t) => t.rows)).toEqual([4, 0, 1]);
  });

  it('reads a table larger than a stream chunk intact, whatever the chunk boundaries', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `${i}\tvalue with some text to make it long ${'x'.repeat(i % 50)}\n`).join('');
    const name = file(
      `${JSON.stringify(
        header([
          { name: 'big', rows: 50_000 },
          { name: 'small', rows: 1 },
        ]),
      )}\n${lines}\\.\n1\tone\n\\.\n`,
    );
    const tables = await tablesOf(name);
    expect(tables[0]).toBe(lines);
    expect(tables[1]).toBe('1\tone\n');
  });

  it('refuses files that are not backups, with a message that says so', async () => {
    await expect(verifyBackup(path.join(dir, 'missing.gz'))).rejects.toThrow(/no such file/);
    await expect(verifyBackup(file('plain text, not gzip', false))).rejects.toThrow(/not a vnaid backup file \(not gzip data\)/);
    await expect(verifyBackup(file(''))).rejects.toThrow(/not a vnaid backup file/);
    await expect(verifyBackup(file('{"hello":1}\n'))).rejects.toThrow(/not a vnaid backup file/);
    await expect(verifyBackup(file(`${JSON.stringify({ ...header([]), format_version: 99 })}\n`))).rejects.toThrow(/version 99/);
  });

  it('finds damage: a truncated file, a wrong row count, a missing or extra table', async () => {
    const good = `${JSON.stringify(header([{ name: 'a', rows: 2 }]))}\n1\tx\n2\ty\n\\.\n`;
    const gz = gzipSync(good);
    await expect(verifyBackup(file(gz.subarray(0, gz.length - 12), false))).rejects.toThrow(/damaged or incomplete/);
    await expect(verifyBackup(file(good.replace('2\ty\n', '')))).rejects.toThrow(/table a holds 1 rows, its header says 2/);
    await expect(verifyBackup(file(good.replace('\\.\n', '')))).rejects.toThrow(/incomplete/);
    await expect(verifyBackup(file(`${good}3\tz\n\\.\n`))).rejects.toThrow(/more tables than its header lists/);
    await expect(verifyBackup(file(`${good}3\tz`))).rejects.toThrow(/more tables|middle of a row/);
    await expect(verifyBackup(file(good))).resolves.toMatchObject({ tables: [{ name: 'a', rows: 2 }] });
  });
});

describe('table order', () => {
  it('puts referenced tables first, ignores self-references and breaks cycles deterministically', () => {
    const fks = [
      { table: 'users', refTable: 'organisations' },
      { table: 'organisations', refTable: 'countries' },
      { table: 'agencies', refTable: 'agencies' },
      { table: 'agencies', refTable: 'provinces' },
      { table: 'provinces', refTable: 'agencies' },
      { table: 'sessions', refTable: 'users' },
    ];
    const order = dependencyOrder(['sessions', 'users', 'organisations', 'countries', 'agencies', 'provinces', 'audit_log'], fks);
    expect(order).toHaveLength(7);
    const at = (t: string) => order.indexOf(t);
    expect(at('countries')).toBeLessThan(at('organisations'));
    expect(at('organisations')).toBeLessThan(at('users'));
    expect(at('users')).toBeLessThan(at('sessions'));
    expect(order).toEqual(['audit_log', 'countries', 'organisations', 'users', 'sessions', 'agencies', 'provinces']);
    expect(dependencyOrder([...order].reverse(), fks)).toEqual(order);
  });
});

describe('migrations of a backup', () => {
  const code: CodeMigration[] = ['001_a.sql', '002_b.sql', '003_c.sql'].map((name) => ({
    name,
    checksum: `sum-${name}`,
    file: `/m/${name}`,
  }));
  const of = (...names: string[]) => ({ migrations: names.map((name) => ({ name, checksum: `sum-${name}` })) });

  it('accepts the same or an older version (a prefix) and returns the migrations to rebuild it', () => {
    expect(backupMigrations(of('001_a.sql', '002_b.sql', '003_c.sql'), code)).toEqual(code);
    expect(backupMigrations(of('001_a.sql'), code).map((m) => m.name)).toEqual(['001_a.sql']);
  });

  it('refuses a newer version, a changed migration and a gap', () => {
    expect(() => backupMigrations(of('001_a.sql', '002_b.sql', '003_c.sql', '004_d.sql'), code)).toThrow(/004_d.sql is unknown here/);
    expect(() => backupMigrations({ migrations: [{ name: '001_a.sql', checksum: 'other' }] }, code)).toThrow(/001_a.sql differs/);
    expect(() => backupMigrations(of('001_a.sql', '003_c.sql'), code)).toThrow(/002_b.sql expected before 003_c.sql/);
  });
});
