import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '@domain/calendar/iso-date';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createMailer, type Mailer } from '../procedures/mailer';
import { createOrganisation, issue } from '../registry/registry.fixtures';
import { mailObligationReminders, runObligationReminders } from './obligation-reminders';

/** One message as the test SMTP server received it: recipients, decoded subject and decoded body. */
type Received = { to: string[]; subject: string; body: string };

/** Decodes RFC 2047 encoded words (base64 / quoted-printable, UTF-8), adjacent words joined first. */
const decodeWords = (value: string) =>
  value.replace(/\?=\s+=\?/g, '?==?').replace(/(=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
        enc!.toUpperCase() === 'B'
          ? Buffer.from(text!, 'base64')
          : Buffer.from(
              text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ),
      ),
    ).toString('utf8'),
  );

function parse(raw: string, to: string[]): Received {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  const encoded = rest.join('\r\n\r\n');
  const body =
    headers.get('content-transfer-encoding') === 'base64' ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8') : encoded;
  return { to, subject: headers.get('subject') ?? '', body };
}

let t: TestContext;
let server: SMTPServer;
let mailer: Mailer;
let ngoVi: Session;
let ngoEn: Session;
let orgName: string;
const received: Received[] = [];
const today = vietnamToday();
const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

// A certificate decided 20 days ago: its bank account notice (10 working days) is late, within the reminder window.
beforeAll(async () => {
  t = await createTestContext();
  const central = await t.signInAs('central');
  const org = await createOrganisation(t, central);
  orgName = org.nameOriginal;
  const decided = addDays(today, -20);
  const issued = await issue(t, central, org.id, { issueDate: decided, decisionDate: decided, validUntil: addDays(today, 700) });
  expect(issued.statusCode, issued.body).toBe(201);
  ngoVi = await t.signInAs('ngo', { organisationId: org.id });
  ngoEn = await t.signInAs('ngo', { organisationId: org.id });
  await t.signInAs('ngo', { organisationId: org.id }); // a third user, without an e-mail address
  await t.db.updateTable('users').set({ email: 'van-phong@ngo.test' }).where('id', '=', ngoVi.userId).execute();
  await t.db.updateTable('users').set({ email: 'office@ngo.test', locale: 'en' }).where('id', '=', ngoEn.userId).execute();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(
          parse(
            Buffer.concat(chunks).toString('latin1'),
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
  await t?.close();
});

describe('obligation reminder e-mails', () => {
  it('e-mails the late bank account notice to each NGO user with an address, in their language, once', async () => {
    expect(await runObligationReminders(t.db, today)).toBeGreaterThanOrEqual(3);
    expect(await mailObligationReminders(t.db, mailer, logger())).toBe(2);
    const late = received.filter((m) => /bank|ngân hàng/i.test(m.body));
    expect(late.map((m) => m.to[0]).sort()).toEqual(['office@ngo.test', 'van-phong@ngo.test']);
    const inVi = late.find((m) => m.to[0] === 'van-phong@ngo.test')!;
    expect(inVi.subject).toBe(`[VNAID] Quá hạn: nghĩa vụ của ${orgName}`);
    expect(inVi.body).toContain('Quá hạn: nghĩa vụ “Thông báo tài khoản ngân hàng”');
    const inEn = late.find((m) => m.to[0] === 'office@ngo.test')!;
    expect(inEn.subject).toBe(`[VNAID] Overdue: an obligation of ${orgName}`);
    // Sent ones are marked: the next pass sends nothing, and the inbox rows stay.
    expect(await mailObligationReminders(t.db, mailer, logger())).toBe(0);
    expect(await runObligationReminders(t.db, today)).toBe(0);
  });

  it('keeps an unsent reminder for the next pass when the server is down', async () => {
    await t.db.updateTable('notifications').set({ emailed_at: null }).where('user_id', '=', ngoVi.userId).execute();
    const down = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', smtpFrom: 'no-reply@vnaid.test' })!;
    const log = logger();
    expect(await mailObligationReminders(t.db, down, log)).toBe(0);
    expect(log.warn).toHaveBeenCalled();
    down.close();
    expect(await mailObligationReminders(t.db, mailer, logger())).toBeGreaterThanOrEqual(1);
  });
});
