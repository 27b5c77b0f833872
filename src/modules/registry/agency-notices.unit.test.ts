import { describe, expect, it } from 'vitest';
import { reminderMail } from '@modules/procedures/mailer';
import { renderNotification } from '@modules/procedures/notification-text';

/** The stored parameters of an Art. 25 notice (as notifyAgenciesConcerned writes them). */
const params = {
  code: 'GDKHD-2026-000012',
  organisation: 'Helping Hands for Children (synthetic)',
  decision: 'SUSPENDED',
  decisionVi: 'Đình chỉ hoạt động',
  decisionEn: 'Suspended',
  decisionNumber: '15/QĐ-BNG',
  effectiveDate: '2026-02-25',
  validFrom: '2026-03-02',
  validUntil: '2029-03-01',
  fieldsVi: 'Y tế, Giáo dục – đào tạo',
  fieldsEn: 'Health, Education and training',
  provinces: 'Cao Bằng, Huế',
};

describe('Art. 25 notice text', () => {
  it('reads the decision, fields and validity in the reader’s language, dates as dd/mm/yyyy', () => {
    const vi = renderNotification('CERTIFICATE_NOTICE', params, 'vi');
    expect(vi).toContain('Đình chỉ hoạt động');
    expect(vi).toContain('Lĩnh vực: Y tế, Giáo dục – đào tạo');
    expect(vi).toContain('Địa bàn: Cao Bằng, Huế');
    expect(vi).toContain('02/03/2026 – 01/03/2029');
    const en = renderNotification('CERTIFICATE_NOTICE', params, 'en');
    expect(en).toContain('Suspended');
    expect(en).toContain('Fields: Health, Education and training');
    expect(en).not.toContain('{{');
  });

  it('is e-mailed with its own subject', () => {
    const mail = reminderMail('moh@example.vn', 'CERTIFICATE_NOTICE', params, 'vi');
    expect(mail.subject).toBe('[VNAID] Thông báo về Giấy đăng ký GDKHD-2026-000012');
    expect(mail.text).toContain('Helping Hands for Children (synthetic)');
  });
});
