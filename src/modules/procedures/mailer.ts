/**
 * Outgoing e-mail for deadline reminders. With SMTP_URL (and SMTP_FROM) configured, messages go out through an SMTP
 * server with nodemailer; without it there is no mailer at all and reminders stay in the in-app inbox.
 */
import nodemailer from 'nodemailer';
import en from '@common/i18n/en/procedures.json';
import vi from '@common/i18n/vi/procedures.json';
import { interpolate, type Language } from '@common/i18n/languages';
import type { AppConfig } from '@config/env';
import { renderNotification } from './notification-text';

/** One plain-text message (UTF-8). */
export type MailMessage = { to: string; subject: string; text: string };

/** Sends e-mail; `send` rejects when the server refuses or cannot be reached. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * The SMTP mailer of the configuration, or null when SMTP is not configured.
 * @param config SMTP_URL (`smtp://user:pass@host:port`, `smtps://…` for implicit TLS) and SMTP_FROM
 */
export function createMailer(config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  // Short timeouts: a hung server must not hold the hourly reminder pass; unsent mail is retried next round.
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const from = config.smtpFrom ?? 'vnaid@localhost';
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, textEncoding: 'base64' });
    },
    close: () => transport.close(),
  };
}

/** The e-mail of one reminder notification, in the recipient's language (Vietnamese unless they chose English). */
export function reminderMail(to: string, kind: string, params: Record<string, string | number | null>, lang: Language): MailMessage {
  const mail = (lang === 'en' ? en : vi).inbox.mail;
  const template =
    kind === 'REMINDER_OVERDUE' ? mail.subjectOverdue : kind === 'CERTIFICATE_NOTICE' ? mail.subjectCertificateNotice : mail.subjectDueSoon;
  const subject = interpolate(template, {
    code: params.code ?? '',
  });
  return { to, subject, text: `${renderNotification(kind, params, lang)}\n\n${mail.footer}\n` };
}
