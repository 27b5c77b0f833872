import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '@domain/calendar';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createMailer, type Mailer } from './mailer';
import { consultingDossier, createOrganisation, useTempDataDir } from './procedures.test-support';
import { mailReminders, runReminders } from './reminders';
import { vietnamToday } from '@common/time/vietnam-today';

/** One message as the SMTP server received it. */
type Received = { from: string; to: string[]; headers: Map<string, string>; body: string };

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=` / `?Q?`), joining adjacent words before decoding UTF-8. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/(=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
      enc!.toUpperCase() === 'B'
        ? Buffer.from(text!, 'base64')
        : Buffer.from(
            text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** Splits a raw message into unfolded, decoded headers and the decoded text body. */
function parse(raw: string, from: string, to: string[]): Received {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  const encoded = rest.join('\r\n\r\n');
  const body =
    headers.get('content-transfer-encoding') === 'base64' ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8') : encoded;
  return { from, to, headers, body };
}

let ctx: TestContext;
let ngo: Session;
let comingo: Session;
let mps: Session;
let server: SMTPServer;
let mailer: Mailer;
const received: Received[] = [];
const today = vietnamToday();
const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  ngo = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx) });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  mps = await ctx.signInAs('reviewer', { agencyId: 'MPS' });
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push(
          parse(
            Buffer.concat(chunks).toString('latin1'),
            envelopeFrom,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, smtpFrom: 'VNAID <no-reply@vnaid.test>' })!;
});
afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await ctx?.close();
});

describe('reminder e-mails through SMTP', () => {
  let code: string;

  beforeAll(async () => {
    // A consultation sent 30 days ago and still unanswered: the consulted agency's 10 WD are long past.
    const id = await consultingDossier(ctx, ngo, comingo, ['MPS']);
    await ctx.db
      .updateTable('dossier_consultations')
      .set({ requested_on: addDays(today, -30) })
      .where('dossier_id', '=', id)
      .execute();
    code = (await ctx.db.selectFrom('dossiers').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code!;
    await ctx.db.updateTable('users').set({ email: 'y-kien@bocongan.test' }).where('id', '=', mps.userId).execute();
    expect(await runReminders(ctx.db, today)).toBeGreaterThanOrEqual(1);
  });

  it('keeps the inbox message and retries later when the server cannot be reached', async () => {
    const down = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', smtpFrom: 'no-reply@vnaid.test' })!;
    const log = logger();
    expect(await mailReminders(ctx.db, down, log)).toBe(0);
    down.close();
    expect(log.warn).toHaveBeenCalled();
    expect(received).toHaveLength(0);
    const inbox = (await ctx.call(mps, { method: 'GET', url: '/api/inbox' })).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'REMINDER_OVERDUE')).toBe(true);
  });

  it('sends one UTF-8 e-mail in Vietnamese to the reviewer, once', async () => {
    expect(await mailReminders(ctx.db, mailer, logger())).toBe(1);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(['y-kien@bocongan.test']);
    expect(mail.from).toBe('no-reply@vnaid.test');
    expect(mail.headers.get('to')).toBe('y-kien@bocongan.test');
    expect(mail.headers.get('subject')).toBe(`[VNAID] Quá hạn: hồ sơ ${code}`);
    expect(mail.headers.get('content-type')).toMatch(/charset=utf-8/i);
    // The step by its name in the reader's language, not its code.
    expect(mail.body).toContain(`Quá hạn: bước “Trả lời bằng văn bản” của hồ sơ ${code} đã quá hạn`);
    expect(mail.body).toMatch(/\(hạn \d{2}\/\d{2}\/\d{4}\)/);
    expect(mail.body).toContain('Thư này do hệ thống VNAID gửi tự động.');
    // Already sent: the next pass sends nothing.
    expect(await mailReminders(ctx.db, mailer, logger())).toBe(0);
    expect(received).toHaveLength(1);
  });
});
