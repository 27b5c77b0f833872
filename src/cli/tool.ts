import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from '@config/env';
import { BackupError } from '@db/backup/format';
import { openDatabaseForTool, type ToolDatabaseHandle } from '@db/open-for-tool';

/** An expected failure of a command: its message is printed as is, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  /** 1: the command failed; 2: it was called wrongly (bad arguments or environment). */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Where a command writes: results to `out`, progress and problems to `err` (so `out` can be piped). */
export type ToolIo = { out: (line: string) => void; err: (line: string) => void };

export const consoleIo: ToolIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/**
 * Parses command-line arguments with node's parseArgs, turning its errors (unknown option, missing value) into a
 * usage error that shows the command's usage line.
 */
export function parseToolArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2);
  }
}

/**
 * A path given on the command line, relative to the folder the operator ran `npm run` in (npm itself runs
 * scripts from the package folder and keeps the caller's folder in INIT_CWD).
 */
export function resolveUserPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** Reads the environment like `npm start` does; a bad variable is a usage error (exit code 2). */
export function toolConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

/**
 * Runs `body` with the database of VNAID_DATA_DIR / DATABASE_URL (see {@link openDatabaseForTool}) and always
 * closes it, so an embedded server started for the command is stopped again even when the command fails.
 */
export async function withToolDatabase<T>(
  config: AppConfig,
  io: ToolIo,
  body: (handle: ToolDatabaseHandle) => Promise<T>,
  options: { mustExist?: boolean } = {},
): Promise<T> {
  const handle = await openDatabaseForTool(config, io.err, options);
  try {
    return await body(handle);
  } finally {
    // Ends the pool first: Kysely only ends it if it ran a query itself, and a tool may only have used the pool.
    await handle.pool.end().catch(() => undefined);
    await handle.close();
  }
}

/**
 * The entry point of a script: runs the command and exits with 0, 1 (failed) or 2 (usage), printing the message
 * of an expected failure ({@link CliError}, BackupError) alone and anything unexpected with its message.
 */
export function runTool(name: string, command: (argv: string[], io: ToolIo) => Promise<void>): void {
  command(process.argv.slice(2), consoleIo).then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof CliError || error instanceof BackupError) {
        console.error(`${name}: ${error.message}`);
        process.exit(error instanceof CliError ? error.exitCode : 1);
      }
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
