import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeActivities } from '@domain/iati/serialize';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { activitiesForEveryModality, complexActivity } from '../../../test/fixtures/iati/activities';
import { runScript } from '../../cli/test-support/processes';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/iati/', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'vnaid-iati-cli-'));
const example = path.join(work, 'example.xml');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  writeFileSync(
    example,
    serializeActivities([...activitiesForEveryModality(), complexActivity()], { generatedAt: '2026-11-01T00:00:00Z' }),
  );
});
afterAll(async () => {
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

const run = (args: string[]) => runScript('scripts/iati-import.ts', args, { env: { DATABASE_URL: db.url } });
/** The contract's summary: the last line on stdout. */
const summary = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const items = async () => Number((await db.pool.query('select count(*) as n from aid_items')).rows[0].n);

describe('npm run iati-import -- FILE [--dry-run]', () => {
  it('--dry-run prints the summary line last and changes nothing', async () => {
    const result = await run([example, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(summary(result.stdout)).toEqual({ activities: 5, vietnam: 5, created: 5, updated: 0, skipped: 0, errors: [], unchanged: 0 });
    expect(result.stderr).toContain('dry run (nothing written)');
    expect(await items()).toBe(0);
  }, 120_000);

  it('imports the file, then finds it unchanged on a second run', async () => {
    const first = await run([example]);
    expect(first.code, first.stderr).toBe(0);
    expect(summary(first.stdout)).toMatchObject({ created: 5, updated: 0 });
    expect(await items()).toBe(5);
    const second = await run([example]);
    expect(summary(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await items()).toBe(5);
  }, 120_000);

  it.each([
    ['truncated.xml', 'iati_truncated'],
    ['billion-laughs.xml', 'iati_entity_forbidden'],
    ['latin1-undeclared.xml', 'iati_bad_encoding'],
    ['wrong-root.xml', 'iati_wrong_root'],
  ])(
    'refuses %s with a clear message and a non-zero exit, changing nothing',
    async (name, code) => {
      const result = await run([path.join(FIXTURES, name)]);
      expect(result.code).toBe(1);
      expect(summary(result.stdout).errors[0]).toMatchObject({ code });
      expect(result.stderr).toMatch(/nothing was changed/);
      expect(await items()).toBe(5);
    },
    120_000,
  );

  it('refuses a missing file and a 2 GB file before opening the database', async () => {
    const missing = await run([path.join(work, 'nope.xml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    expect(summary(missing.stdout)).toMatchObject({ activities: 0, errors: [{ code: 'file_unreadable' }] });
    const huge = path.join(work, 'huge.xml');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3); // sparse: takes no disk space
    closeSync(fd);
    const tooLarge = await run([huge]);
    expect(tooLarge.code).toBe(1);
    expect(summary(tooLarge.stdout).errors[0].code).toBe('iati_too_large');
    expect(tooLarge.stderr).toContain('nothing was changed');
  }, 120_000);

  it('answers a usage error with exit code 2', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run iati-import -- FILE [--dry-run]');
  }, 60_000);
});
