import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app';
import { createAdministrator, obtainPassword } from './create-admin';
import { blankDatabase } from './test-support/databases';
import { runScript } from './test-support/processes';
import { CliError } from './tool';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

const LABEL = 'command line: create-admin (tester)';
const signIn = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
const countUsers = async () =>
  Number(
    (
      await t.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('create-admin', () => {
  it('creates an administrator who can sign in, audited without the password', async () => {
    const user = await createAdministrator(
      t.db,
      { username: 'quan.tri', displayName: 'Quản trị hệ thống', password: 'Mat-khau-quan-tri-1' },
      LABEL,
    );
    expect(user).toMatchObject({ username: 'quan.tri', displayName: 'Quản trị hệ thống', role: 'admin', active: true });
    const response = await signIn('quan.tri', 'Mat-khau-quan-tri-1');
    expect(response.statusCode).toBe(200);
    expect(response.json().user.role).toBe('admin');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', user.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'user.create', actor_label: LABEL, actor_user_id: null });
    expect(JSON.stringify(audit.after)).not.toContain('Mat-khau-quan-tri-1');
  });

  it('enforces the password policy and refuses a taken or malformed user name, creating nothing', async () => {
    const before = await countUsers();
    await expect(createAdministrator(t.db, { username: 'admin2', displayName: 'A', password: 'short1' }, LABEL)).rejects.toThrow(
      /at least 10 characters/,
    );
    await expect(createAdministrator(t.db, { username: 'admin2', displayName: 'A', password: 'onlyletterslong' }, LABEL)).rejects.toThrow(
      /both letters and digits/,
    );
    await expect(
      createAdministrator(t.db, { username: 'QUAN.TRI', displayName: 'A', password: 'Mat-khau-quan-tri-2' }, LABEL),
    ).rejects.toThrow(/already exists/);
    await expect(
      createAdministrator(t.db, { username: 'has space', displayName: 'A', password: 'Mat-khau-quan-tri-2' }, LABEL),
    ).rejects.toMatchObject({ exitCode: 2 });
    expect(await countUsers()).toBe(before);
    expect((await signIn('admin2', 'short1')).statusCode).toBe(401);
  });

  it('asks twice on a terminal, reads the first line of stdin, and will not ask without a terminal', async () => {
    const prompt = (answers: string[]) => () => ({ ask: async () => answers.shift() ?? '', close: () => undefined });
    const stdin = (text: string) => Readable.from([Buffer.from(text)]);
    const base = { stdin: stdin(''), interactive: true, passwordStdin: false };
    expect(await obtainPassword({ ...base, prompt: prompt(['Mat-khau-1234', 'Mat-khau-1234']) })).toBe('Mat-khau-1234');
    await expect(obtainPassword({ ...base, prompt: prompt(['Mat-khau-1234', 'Mat-khau-9999']) })).rejects.toThrow(/differ/);
    await expect(obtainPassword({ ...base, interactive: false, prompt: prompt([]) })).rejects.toThrow(/--password-stdin/);
    expect(
      await obtainPassword({ ...base, passwordStdin: true, stdin: stdin('Mat khẩu có dấu 2026\r\nignored\n'), prompt: prompt([]) }),
    ).toBe('Mat khẩu có dấu 2026');
    await expect(obtainPassword({ ...base, passwordStdin: true, stdin: stdin(''), prompt: prompt([]) })).rejects.toBeInstanceOf(CliError);
  });

  it('npm run create-admin migrates an empty database first and creates the account (--password-stdin)', async () => {
    const blank = await blankDatabase();
    try {
      const env = { DATABASE_URL: blank.url };
      const run = await runScript(
        'scripts/create-admin.ts',
        ['--username', 'first.admin', '--display-name', 'Người quản trị', '--password-stdin'],
        { env, input: 'First-admin-2026\n' },
      );
      expect(run.stderr).toMatch(/applied \d+ migration/);
      expect(run.stdout).toMatch(/administrator "first.admin" created/);
      expect(run.code).toBe(0);
      const { rows } = await blank.pool.query('select username, display_name, role from users');
      expect(rows).toEqual([{ username: 'first.admin', display_name: 'Người quản trị', role: 'admin' }]);
      const usage = await runScript('scripts/create-admin.ts', ['--password-stdin'], { env, input: 'First-admin-2026\n' });
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/usage: npm run create-admin -- --username NAME/);
    } finally {
      await blank.drop();
    }
  });
});
