import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { namespaces, resources } from './resources';

/**
 * Issue 17 §3: the screens use the decrees' own terms. Each expectation here failed on the wording the screens
 * had before (e.g. "nước sở tại", a certificate "Đang hoạt động", "Chấp thuận" for both decrees).
 */

/** Every string value of a nested catalogue with its dotted key. */
function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', ns: namespaces, defaultNS: 'common', interpolation: { escapeValue: false } });
});
const vi = (key: string, options?: Record<string, unknown>) => i18n.getFixedT('vi')(key, options) as string;
const en = (key: string, options?: Record<string, unknown>) => i18n.getFixedT('en')(key, options) as string;

describe('the decrees’ own terms in the catalogues', () => {
  const viValues = Object.entries(resources.vi).flatMap(([ns, catalogue]) => entries(catalogue, ns));

  it.each([
    ['nước sở tại', 'the home country is the place of establishment, "nước sở tại" means Vietnam'],
    ['Ủy ban nhân dân Tỉnh', 'the unit word is lower case inside a People’s Committee name'],
    ['Ủy ban nhân dân Thành phố', 'the unit word is lower case inside a People’s Committee name'],
    ['Cấp phê duyệt', 'approvers are persons or offices, not levels'],
  ])('no Vietnamese label says "%s" (%s)', (term) => {
    expect(viValues.filter(([, text]) => text.includes(term)).map(([key]) => key)).toEqual([]);
  });

  it('names the home-country term as Decree 58 Art. 9.1 does', () => {
    expect(vi('registry:fields.homeTermUntil')).toBe('Thời hạn hoạt động theo pháp luật của nơi thành lập');
  });

  it('says a certificate in force "Còn hiệu lực", while a user account stays "Đang hoạt động"', () => {
    expect(vi('registry:status.ACTIVE')).toBe('Còn hiệu lực');
    expect(en('registry:status.ACTIVE')).toBe('Valid');
    expect(vi('admin:users.statusActive')).toBe('Đang hoạt động');
  });

  it('uses Decree 58’s organisation types', () => {
    expect(vi('registry:orgTypes.NGO')).toBe('Tổ chức phi lợi nhuận');
    expect(vi('registry:orgTypes.SOCIAL_FUND')).toBe('Quỹ xã hội');
    expect(vi('registry:orgTypes.PRIVATE_FUND')).toBe('Quỹ tư nhân');
  });

  it('lets Decree 58 issue (cấp) a certificate and Decree 80 approve (phê duyệt) aid', () => {
    expect(vi('procedures:actions.APPROVE')).toMatch(/^Cấp /);
    expect(vi('procedures:status.APPROVED')).toMatch(/^Đã cấp /);
    expect(vi('procedures:actions.APPROVE', { context: 'aid' })).toBe('Phê duyệt');
    expect(vi('procedures:status.APPROVED', { context: 'aid' })).toBe('Đã phê duyệt');
    expect(en('procedures:actions.APPROVE')).toBe('Issue the certificate');
    expect(en('procedures:actions.APPROVE', { context: 'aid' })).toBe('Approve');
  });

  it('calls the dossier receipt by its name and the SLA rate by its name', () => {
    expect(vi('procedures:receipt.title')).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(vi('procedures:detail.receipt')).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(vi('procedures:sla.share')).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn');
  });

  it('says "working days" when a late or overdue count is in working days, and only then', () => {
    expect(vi('procedures:badge.late', { count: 3, context: 'WORKING' })).toBe('Trễ 3 ngày làm việc');
    expect(vi('procedures:badge.overdue', { count: 2, context: 'WORKING' })).toBe('Quá hạn 2 ngày làm việc');
    expect(vi('procedures:badge.overdue', { count: 2 })).toBe('Quá hạn 2 ngày');
    expect(en('procedures:badge.late', { count: 3, context: 'WORKING' })).toBe('3 working days late');
    expect(en('procedures:badge.overdue', { count: 2, context: 'WORKING' })).toBe('2 working days overdue');
  });

  it('presents relief and recovery aid as a kind of aid whose approver is the governing agency’s head, not as a level', () => {
    expect(vi('procedures:wizard.approvalLevel')).toBe('Người có thẩm quyền phê duyệt');
    expect(vi('procedures:wizard.levelRELIEF_RECOVERY')).toMatch(/^Người đứng đầu cơ quan chủ quản – viện trợ khắc phục hậu quả/);
  });
});
