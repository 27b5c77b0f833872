import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from './aid.fixtures';

let t: TestContext;
let caoBang: Session;
let haNoi: Session;
let central: Session;
let ngo: Session;
let itemId: string;

beforeAll(async () => {
  t = await createTestContext();
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
  central = await t.signInAs('central');
  const org = await buildOrganisation(t.db, { name: 'Mẫu 04 NGO' });
  ngo = await t.signInAs('ngo', { organisationId: org.id });
  ({ id: itemId } = await buildAidItem(t.db, {
    organisation_id: org.id,
    status: 'IMPLEMENTING',
    approval_date: '2025-08-01',
    approval_decision_number: '3/QĐ',
    actual_start: '2025-09-01',
    provinces: [['new34:04', '100']],
  }));
});
afterAll(async () => t?.close());

/** Reads a PDF back with pdftotext -layout: the raw text and the lines with column gaps shown as " | ". */
function readBack(bytes: Buffer): { text: string; lines: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mau04-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    return { text, lines: text.split('\n').map((l) => l.trim().replace(/\s{2,}/g, ' | ')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a province's Mẫu 04 report as a PDF document (Decree 30 form)", () => {
  it('carries the committee header, the Cao Bằng date line, the figures of the API in Vietnamese format and the signature block', async () => {
    const created = await t.call(caoBang, { method: 'POST', url: '/api/reports/agency', payload: { kind: 'AGENCY_MAU04', year: 2025 } });
    expect(created.statusCode).toBe(201);
    const filed = (
      await t.call(caoBang, { method: 'POST', url: `/api/reports/agency/${created.json().id}/submit`, payload: { version: 1 } })
    ).json();
    const file = await t.call(caoBang, { method: 'GET', url: `/api/reports/agency/${filed.id}/export.pdf` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const { text: raw, lines } = readBack(file.rawPayload);
    const text = raw.replace(/\s+/g, ' ');
    const [y, m, d] = vietnamToday(new Date(filed.submittedAt)).split('-');
    expect(lines.slice(0, 3)).toEqual([
      'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH CAO BẰNG | Độc lập - Tự do - Hạnh phúc',
      `Số: | /BC-UBND | Cao Bằng, ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`,
    ]);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tình hình hoạt động của các tổ chức phi chính phủ nước ngoài năm 2025 (Mẫu 04)');
    expect(text).toContain('Kỳ số liệu: từ 15/12/2024 đến 14/12/2025');
    const f = filed.figures;
    const vn = (v: string) => {
      const [int = '', frac] = v.split('.');
      return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
    };
    expect(lines.find((l) => l.startsWith('4. Giá trị giải ngân (USD)'))).toBe(`4. Giá trị giải ngân (USD) | ${vn(f.disbursedUsd)}`);
    expect(lines.find((l) => l.startsWith('3. Giá trị cam kết (USD)'))).toBe(`3. Giá trị cam kết (USD) | ${vn(f.committedUsd)}`);
    expect(lines.find((l) => l.startsWith('1. Số khoản viện trợ'))).toBe(`1. Số khoản viện trợ | ${f.aidItems}`);
    expect(text).not.toContain('UTC');
    expect(text).toMatch(/Đã nộp lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(lines).toContain('Nơi nhận: | TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('CHỦ TỊCH');
    // Another province cannot read it; central officers can.
    expect((await t.call(haNoi, { method: 'GET', url: `/api/reports/agency/${filed.id}/export.pdf` })).statusCode).toBe(404);
    expect((await t.call(central, { method: 'GET', url: `/api/reports/agency/${filed.id}/export.pdf` })).statusCode).toBe(200);
  });
});

describe("an NGO's annual report (Mẫu 05) as a PDF document", () => {
  it('carries the organisation as issuing body, the Decree 30 lines, and each disbursement and the total as the API gives them', async () => {
    const created = (await t.call(ngo, { method: 'POST', url: '/api/reports/ngo', payload: { year: 2025 } })).json();
    const line = {
      aidItemId: itemId,
      disbursedAmount: '45678.90',
      currency: 'EUR',
      disbursementDate: '2025-06-30',
      beneficiariesTotal: 1200,
    };
    const saved = await t.call(ngo, {
      method: 'PUT',
      url: `/api/reports/ngo/${created.id}`,
      payload: { version: created.version, summary: 'Năm hoạt động ổn định', lines: [line] },
    });
    expect(saved.statusCode).toBe(200);
    const report = saved.json();
    const file = await t.call(ngo, { method: 'GET', url: `/api/reports/ngo/${report.id}/export.pdf` });
    expect(file.statusCode).toBe(200);
    const { text: raw, lines } = readBack(file.rawPayload);
    const text = raw.replace(/\s+/g, ' ');
    const [y, m, d] = vietnamToday().split('-');
    expect(lines[0]).toBe(`${report.organisationName.toLocaleUpperCase('vi')} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`);
    expect(lines[2]).toBe(`Số: | /BC | Hà Nội, ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`);
    expect(text).toContain('Kết quả hoạt động năm 2025 tại Việt Nam (Mẫu 05)');
    expect(text).toContain('Kỳ số liệu: từ 15/12/2024 đến 14/12/2025');
    expect(text).toMatch(/Bản dự thảo — Lập lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    const vn = (v: string) => {
      const [int = '', frac] = v.split('.');
      return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
    };
    expect(text).toContain('45.678,90 EUR');
    expect(text).toContain(vn(report.lines[0].amountUsd));
    expect(text).toContain(`Tổng cộng ${vn(report.disbursedUsd)}`);
    expect(text).toContain('30/06/2025');
    expect(text).toContain('1.200');
    expect(text).toContain('NGƯỜI ĐỨNG ĐẦU TỔ CHỨC');
    expect((await t.call(haNoi, { method: 'GET', url: `/api/reports/ngo/${report.id}/export.pdf` })).statusCode).toBe(404);
  });
});
