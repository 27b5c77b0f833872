import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@config/env';
import { createMailer, reminderMail } from './mailer';

describe('SMTP configuration', () => {
  it('is optional: without SMTP_URL there is no mailer', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(createMailer(config)).toBeNull();
  });

  it('needs a sender address and an smtp:// or smtps:// URL, checked at start', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.gov.vn:587' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.gov.vn', SMTP_FROM: 'a@b.vn' })).toThrow(ConfigError);
    const config = loadConfig({ SMTP_URL: 'smtps://user:pw@mail.example.gov.vn', SMTP_FROM: 'VNAID <no-reply@example.gov.vn>' });
    expect(config).toMatchObject({ smtpUrl: 'smtps://user:pw@mail.example.gov.vn', smtpFrom: 'VNAID <no-reply@example.gov.vn>' });
    const mailer = createMailer(config);
    expect(mailer).not.toBeNull();
    mailer?.close();
  });
});

describe('reminder e-mail text', () => {
  const params = {
    code: 'HS-2026-000123',
    step: 'S3_OPINION',
    stepNameVi: 'Trả lời bằng văn bản',
    stepNameEn: 'Reply in writing',
    dueDate: '2026-11-20',
    days: 2,
  };
  it('is in Vietnamese by default and in English for English-speaking users', () => {
    expect(reminderMail('a@b.vn', 'REMINDER_OVERDUE', params, 'vi')).toMatchObject({
      to: 'a@b.vn',
      subject: '[VNAID] Quá hạn: hồ sơ HS-2026-000123',
    });
    const en = reminderMail('a@b.vn', 'REMINDER_DUE_SOON', params, 'en');
    expect(en.subject).toBe('[VNAID] Reminder: dossier HS-2026-000123 falls due soon');
    expect(en.text).toContain('step “Reply in writing” of dossier HS-2026-000123 is due on 20/11/2026 (2 working days left)');
    expect(reminderMail('a@b.vn', 'REMINDER_OVERDUE', params, 'vi').text).toContain('bước “Trả lời bằng văn bản” của hồ sơ HS-2026-000123');
    // A reminder stored before steps carried their names still reads, by the step's code.
    const { stepNameVi: _vi, stepNameEn: _en, ...older } = params;
    expect(reminderMail('a@b.vn', 'REMINDER_DUE_SOON', older, 'en').text).toContain('step “S3_OPINION” of dossier');
  });

  it('says "working days" only when the step is counted in working days (issue 17 §3)', () => {
    const working = { ...params, unit: 'WORKING' };
    const calendar = { ...params, unit: 'CALENDAR' };
    expect(reminderMail('a@b.vn', 'REMINDER_OVERDUE', working, 'vi').text).toContain('đã quá hạn 2 ngày làm việc (hạn 20/11/2026)');
    expect(reminderMail('a@b.vn', 'REMINDER_OVERDUE', calendar, 'vi').text).toContain('đã quá hạn 2 ngày (hạn 20/11/2026)');
    expect(reminderMail('a@b.vn', 'REMINDER_OVERDUE', calendar, 'en').text).toContain('is 2 days late (due 20/11/2026)');
    expect(reminderMail('a@b.vn', 'REMINDER_DUE_SOON', calendar, 'en').text).toContain('(2 days left)');
  });
});
