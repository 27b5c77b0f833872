import readline from 'node:readline';
import { Writable } from 'node:stream';
import { CliError } from './tool';

/** Asks one question on the terminal without echoing the answer. */
export type HiddenPrompt = (question: string) => Promise<string>;

/**
 * A {@link HiddenPrompt} on the process's terminal: the question goes to stderr, and readline gets a muted
 * output so it keeps its line editing (backspace, Ctrl-U) without echoing what is typed. One readline serves
 * every question, so an answer typed ahead is not lost between two of them. Ctrl-C or Ctrl-D cancels.
 */
export function terminalPrompt(): { ask: HiddenPrompt; close(): void } {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  rl.on('SIGINT', () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question) {
      process.stderr.write(question);
      const next = await lines.next();
      process.stderr.write('\n');
      if (next.done) throw new CliError('cancelled; nothing was changed');
      return next.value;
    },
    close: () => rl.close(),
  };
}

/** Asks for a new password twice and refuses when the two differ. */
export async function askNewPassword(prompt: HiddenPrompt): Promise<string> {
  const first = await prompt('New password: ');
  const second = await prompt('Repeat the password: ');
  if (first !== second) throw new CliError('the two passwords differ; nothing was changed');
  return first;
}

/**
 * The password piped on stdin (`--password-stdin`): its first line, without the line break, so
 * `echo "$PW" | npm run create-admin …` and a file without a final newline give the same password.
 */
export async function readPasswordFromStream(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliError('no password on stdin (--password-stdin reads its first line)');
  return line;
}
