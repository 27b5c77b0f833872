import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { migrate } from '@db/migrate';
import { AppError } from '@errors/app-error';
import { passwordProblems } from '@modules/auth/password';
import { createUserBody, type UserView } from '@modules/users/users.schemas';
import { createUser } from '@modules/users/users.service';
import { askNewPassword, readPasswordFromStream, terminalPrompt, type HiddenPrompt } from './password-input';
import { CliError, parseToolArgs, toolConfig, withToolDatabase, type ToolIo } from './tool';

const USAGE = 'npm run create-admin -- --username NAME [--display-name "Full name"] [--password-stdin]';

/** What the policy problems of src/modules/auth/password.ts mean, for the operator. */
const PROBLEM_TEXT: Record<string, string> = {
  min_length: 'at least 10 characters',
  letters_and_digits: 'both letters and digits',
};

export type CreateAdminInput = { username: string; displayName: string; password: string };

/** Where the password comes from: a hidden prompt on the terminal, or stdin. */
export type PasswordSource = {
  passwordStdin: boolean;
  stdin: NodeJS.ReadableStream;
  interactive: boolean;
  prompt: () => { ask: HiddenPrompt; close(): void };
};

/** Refuses a user name the API would refuse, and a password that breaks the policy, before anything is opened. */
export function checkAdminInput(input: CreateAdminInput): void {
  const username = createUserBody.shape.username.safeParse(input.username);
  if (!username.success) throw new CliError('the user name must be 3–60 letters, digits or . _ @ - (no spaces)', 2);
  const displayName = createUserBody.shape.displayName.safeParse(input.displayName);
  if (!displayName.success) throw new CliError('the display name must be 1–200 characters', 2);
  const problems = passwordProblems(input.password);
  if (problems.length) {
    throw new CliError(
      `the password is too weak: it needs ${problems.map((p) => PROBLEM_TEXT[p] ?? p).join(' and ')}; nothing was changed`,
    );
  }
}

/**
 * Creates an administrator account through the users service, so the password is hashed and the creation is
 * written to the audit trail (labelled with the command and the operating-system account) in one transaction.
 */
export async function createAdministrator(db: Kysely<Database>, input: CreateAdminInput, label: string): Promise<UserView> {
  checkAdminInput(input);
  try {
    return await createUser(
      db,
      { actor: null, label },
      { username: input.username, displayName: input.displayName, role: 'admin', password: input.password, locale: 'vi' },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'already_exists') {
      throw new CliError(`an account named "${input.username}" already exists; nothing was changed`);
    }
    throw error;
  }
}

/** The password of the new account: from stdin with --password-stdin, else asked twice on the terminal. */
export async function obtainPassword(source: PasswordSource): Promise<string> {
  if (source.passwordStdin) return readPasswordFromStream(source.stdin);
  if (!source.interactive) throw new CliError('no terminal to ask for the password on: pipe it in with --password-stdin', 2);
  const prompt = source.prompt();
  try {
    return await askNewPassword(prompt.ask);
  } finally {
    prompt.close();
  }
}

/** `npm run create-admin -- --username NAME [--display-name "…"] [--password-stdin]`. */
export async function createAdminCommand(
  argv: string[],
  io: ToolIo,
  source: Omit<PasswordSource, 'passwordStdin'> = {
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
    prompt: terminalPrompt,
  },
): Promise<void> {
  const { values, positionals } = parseToolArgs(
    argv,
    { username: { type: 'string' }, 'display-name': { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    USAGE,
  );
  if (!values.username || positionals.length) throw new CliError(`usage: ${USAGE}`, 2);
  const config = toolConfig();
  const password = await obtainPassword({ ...source, passwordStdin: Boolean(values['password-stdin']) });
  const input = { username: values.username, displayName: values['display-name'] ?? values.username, password };
  checkAdminInput(input);
  await withToolDatabase(config, io, async (handle) => {
    const applied = await migrate(handle.pool);
    if (applied.length) io.err(`applied ${applied.length} migration(s) first`);
    const user = await createAdministrator(handle.db, input, `command line: create-admin (${os.userInfo().username})`);
    io.out(`administrator "${user.username}" created (id ${user.id})`);
  });
}
