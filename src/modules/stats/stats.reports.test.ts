import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { seedDemo } from '@db/demo/seed';
import { centsToString, toCents } from '@domain/money/decimal';
import { runPendingJobs } from '../../jobs/worker';
import { vietnamToday } from '@common/time/vietnam-today';
import { sweepExpiredReports } from './reports/report-retention';

let ctx: TestContext;
let dataDir: string;
let central: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-reports-'));
  central = await ctx.signInAs('central');
}, 180_000);
afterAll(async () => {
  await ctx?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Requests a report, runs the queue as the worker would, and downloads the file. */
async function generate(session: Session, body: Record<string, unknown>) {
  const queued = await ctx.call(session, { method: 'POST', url: '/api/stats/reports', payload: body });
  expect(queued.statusCode).toBe(202);
  const { jobId } = queued.json();
  expect((await ctx.call(session, { method: 'GET', url: `/api/jobs/${jobId}` })).json().status).toBe('queued');
  await runPendingJobs(ctx.db, dataDir);
  const status = (await ctx.call(session, { method: 'GET', url: `/api/jobs/${jobId}` })).json();
  expect(status).toMatchObject({ status: 'done', progress: 100 });
  const file = await ctx.call(session, { method: 'GET', url: status.downloadUrl });
  expect(file.statusCode).toBe(200);
  return { jobId, file };
}

describe('official reports', () => {
  it('refuses anonymous callers, NGOs, and agency officers asking for the national report', async () => {
    const body = { year: 2022, format: 'csv', kind: 'national' };
    expect((await ctx.call(null, { method: 'POST', url: '/api/stats/reports', payload: body })).statusCode).toBe(401);
    const ngo = await ctx.signInAs('ngo', {
      organisationId: (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'DEMO-0001').executeTakeFirstOrThrow()).id,
    });
    expect((await ctx.call(ngo, { method: 'POST', url: '/api/stats/reports', payload: body })).statusCode).toBe(403);
    const province = await ctx.signInAs('agency', { agencyId: 'UBND:new34:04' });
    expect((await ctx.call(province, { method: 'POST', url: '/api/stats/reports', payload: body })).statusCode).toBe(403);
    expect((await ctx.call(central, { method: 'POST', url: '/api/stats/reports', payload: { ...body, format: 'doc' } })).statusCode).toBe(
      400,
    );
  });

  it('writes the national xlsx report in the Decree 30 frame, with numeric cells equal to the dashboard figures', async () => {
    const api = (await ctx.call(central, { method: 'GET', url: '/api/public/stats/summary?year=2022' })).json();
    const { file } = await generate(central, { year: 2022, format: 'xlsx', kind: 'national' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const key = workbook.worksheets[0]!;
    const rows = key.getSheetValues().filter(Boolean) as unknown[][];
    const texts = rows.map((r) =>
      r
        .filter((v) => v !== null && v !== undefined)
        .map(String)
        .join(' | '),
    );
    // The frame: issuing body and motto, the number left for the office, the place and the Vietnam date.
    const [y, m, d] = vietnamToday().split('-');
    expect(texts[0]).toBe('BỘ NGOẠI GIAO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts[1]).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(texts[2]).toBe(`Số:       /BC-BNG | Hà Nội, ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`);
    expect(texts.some((t) => t.includes('giả lập'))).toBe(true);
    const generated = texts.find((t) => t.includes('Lập lúc'))!;
    expect(generated).toMatch(new RegExp(`Lập lúc \\d{2}:\\d{2} ngày ${d}/${m}/${y}$`));
    expect(generated).not.toContain('UTC');
    expect(texts).toContain('Nơi nhận: | KT. BỘ TRƯỞNG');
    expect(texts).toContain('- Thủ tướng Chính phủ; | THỨ TRƯỞNG');
    // Figures: money and percentages are numbers with number formats, equal to the public API.
    const rowOf = (sheet: ExcelJS.Worksheet, start: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (String(row.getCell(1).value ?? '').startsWith(start)) found ??= row;
      });
      return found!;
    };
    const disbursed = rowOf(key, 'Giá trị giải ngân');
    expect([disbursed.getCell(2).value, disbursed.getCell(2).numFmt]).toEqual([Number(api.disbursedUsd), '#,##0.00']);
    expect(disbursed.getCell(3).value).toBe(Number(api.previous.disbursedUsd));
    expect(disbursed.getCell(2).value).toBe(223700000);
    const change = disbursed.getCell(4);
    expect(change.numFmt).toBe('0.0%');
    expect(typeof change.value).toBe('number');
    expect((change.value as number) * 100).toBeCloseTo(Number(api.changePct.disbursedUsd), 6);
    const active = rowOf(key, 'Tổ chức hoạt động thường xuyên');
    expect([active.getCell(2).value, active.getCell(2).numFmt]).toEqual([api.activeOrganisations, '#,##0']);
    const provinces = workbook.worksheets.find((s) => s.name.includes('tỉnh'))!;
    // The rows after the column headings (the frame, title and notice come first) up to the total.
    const values = provinces.getSheetValues().filter(Boolean) as unknown[][];
    const headerAt = values.findIndex((r) => r[1] === 'Mã');
    const table = values.slice(headerAt + 1);
    const total = table.pop()!;
    const sum = table.reduce((a, r) => a + toCents(Number(r[4]).toFixed(2)), 0n);
    expect(centsToString(sum)).toBe(Number(total[4]).toFixed(2));
    expect(Number(total[4]).toFixed(2)).toBe('223700000.00');
  });

  it('writes a province PDF in the Decree 30 frame, with Vietnamese number formats and the Vietnam date', async () => {
    const province = await ctx.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const { file } = await generate(province, { year: 2022, format: 'pdf', kind: 'agency' });
    expect(file.headers['content-type']).toBe('application/pdf');
    const pdf = path.join(dataDir, 'check.pdf');
    writeFileSync(pdf, file.rawPayload);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const lines = text.split('\n').map((l) => l.trim().replace(/\s{2,}/g, ' | '));
      const [y, m, d] = vietnamToday().split('-');
      expect(lines.slice(0, 3)).toEqual([
        'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH CAO BẰNG | Độc lập - Tự do - Hạnh phúc',
        `Số: | /BC-UBND | Cao Bằng, ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`,
      ]);
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('Ủy ban nhân dân tỉnh Cao Bằng');
      expect(text).toContain('giả lập');
      expect(text).toMatch(new RegExp(`Lập lúc \\d{2}:\\d{2} ngày ${d}/${m}/${y}`));
      expect(text).not.toContain('UTC');
      // The province's disbursement of 2022 (the dashboard's figure), in the Vietnamese format.
      expect(text).toContain('1.295.162,00');
      expect(text).not.toContain('1,295,162.00');
      expect(text).toMatch(/Nơi nhận:.*TM\. ỦY BAN NHÂN DÂN/);
      expect(text).toContain('CHỦ TỊCH');
      expect(text).toContain('- Lưu: VT.');
    } else {
      expect(file.rawPayload.toString('latin1')).toContain('DejaVuSans');
    }
  });

  it('writes a CSV whose sector rows add up to the total, and keeps the job from other accounts', async () => {
    const { jobId, file } = await generate(central, { year: 2022, format: 'csv', kind: 'national' });
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('giả lập');
    const sector = lines.filter((l) => l.startsWith('Theo lĩnh vực,'));
    const total = sector.pop()!.split(',');
    const parts = sector.slice(1).map((l) => l.split(',').at(-2)!);
    expect(centsToString(parts.reduce((a, v) => a + toCents(v), 0n))).toBe(total.at(-2));
    const other = await ctx.signInAs('central');
    expect((await ctx.call(other, { method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await ctx.call(null, { method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(401);
  });

  it('removes report files after the retention period: the job says to generate again, the download answers 410', async () => {
    const { jobId } = await generate(central, { year: 2021, format: 'csv', kind: 'national' });
    const url = `/api/stats/reports/${jobId}`;
    const fresh = (await ctx.call(central, { method: 'GET', url })).json();
    expect(fresh).toMatchObject({ status: 'done', downloadUrl: `${url}/download`, message: null });
    expect(Date.parse(fresh.expiresAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect((await ctx.call(central, { method: 'GET', url: fresh.downloadUrl })).statusCode).toBe(200);
    const fileOf = async (id: string) =>
      ((await ctx.db.selectFrom('jobs').select('result').where('id', '=', id).executeTakeFirstOrThrow()).result as { file: string }).file;
    const file = await fileOf(jobId);
    expect(existsSync(file)).toBe(true);

    // Within the retention period nothing is removed; eight days on, the file goes and the job is marked.
    expect(await sweepExpiredReports(ctx.db)).toBe(0);
    await ctx.db
      .updateTable('jobs')
      .set({ finished_at: new Date(Date.now() - 8 * 86_400_000) })
      .where('id', '=', jobId)
      .execute();
    expect(await sweepExpiredReports(ctx.db)).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(await sweepExpiredReports(ctx.db)).toBe(0);
    const vi = (await ctx.call(central, { method: 'GET', url })).json();
    expect(vi).toMatchObject({ status: 'expired', downloadUrl: null, expiresAt: null });
    expect(vi.message).toContain('hết hạn');
    expect(vi.message).toContain('tạo lại');
    const en = (await ctx.call(central, { method: 'GET', url, headers: { 'accept-language': 'en' } })).json();
    expect(en.message).toContain('expired');
    expect(en.message).toContain('generate it again');
    const gone = await ctx.call(central, { method: 'GET', url: `${url}/download` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('report_expired');
    // The generic job download says the same, not a bare 404.
    const viaJobs = await ctx.call(central, { method: 'GET', url: `/api/jobs/${jobId}/download` });
    expect(viaJobs.statusCode).toBe(410);
    expect(viaJobs.json().error.code).toBe('report_expired');

    // Generating a new report sweeps too; another account never learns about the job.
    const { jobId: second } = await generate(central, { year: 2020, format: 'csv', kind: 'national' });
    await ctx.db
      .updateTable('jobs')
      .set({ finished_at: new Date(Date.now() - 30 * 86_400_000) })
      .where('id', '=', second)
      .execute();
    const secondFile = await fileOf(second);
    await generate(central, { year: 2019, format: 'csv', kind: 'national' });
    expect(existsSync(secondFile)).toBe(false);
    expect((await ctx.call(central, { method: 'GET', url: `/api/stats/reports/${second}` })).json().status).toBe('expired');
    const other = await ctx.signInAs('central');
    expect((await ctx.call(other, { method: 'GET', url })).statusCode).toBe(404);
    expect((await ctx.call(other, { method: 'GET', url: `${url}/download` })).statusCode).toBe(404);
    expect((await ctx.call(null, { method: 'GET', url })).statusCode).toBe(401);
  });
});
