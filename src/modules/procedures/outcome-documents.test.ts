import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';
import { renderNotification } from './notification-text';
import { issueOutcomeDocuments } from './outcome-documents';
import { act, consultingDossier, createOrganisation, useTempDataDir } from './procedures.test-support';

let ctx: TestContext;
let dataDir: string;
let orgId: string;
let ngo: Session;
let otherNgo: Session;
let comingo: Session;
let mofa: Session;
let mps: Session;
const today = vietnamToday();
const [Y, M, D] = today.split('-');
/** The Decree 30 date line of `today` (days and January/February with a leading zero). */
const dateLine = (place: string) => `${place}, ngày ${D} tháng ${Number(M) <= 2 ? M : Number(M)} năm ${Y}`;
const shown = (iso: string) => iso.split('-').reverse().join('/');

beforeAll(async () => {
  dataDir = useTempDataDir();
  ctx = await createTestContext();
  orgId = await createOrganisation(ctx, 'Outcome NGO');
  ngo = await ctx.signInAs('ngo', { organisationId: orgId });
  otherNgo = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx, 'Other NGO') });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  mofa = await ctx.signInAs('central', { agencyId: 'MOFA' });
  mps = await ctx.signInAs('reviewer', { agencyId: 'MPS' });
});
afterAll(async () => ctx?.close());

const get = (s: Session, url: string) => ctx.call(s, { method: 'GET', url });

/** A NEW_GDKHD dossier of the NGO, consulted (MPS agrees) and under MOFA's appraisal, ready for the decision. */
async function appraising(): Promise<string> {
  const id = await consultingDossier(ctx, ngo, comingo, ['MPS']);
  const c = (await get(comingo, `/api/dossiers/${id}`)).json().consultations[0];
  const answered = await ctx.call(mps, {
    method: 'POST',
    url: `/api/consultations/${c.id}/answer`,
    payload: { version: c.version, opinion: 'AGREE', answer: 'Đồng ý', letterNumber: '7/BCA', letterDate: today },
  });
  expect(answered.statusCode).toBe(200);
  for (const [s, action] of [
    [comingo, 'FORWARD_TO_MOFA'],
    [mofa, 'START_APPRAISAL'],
  ] as const)
    expect((await act(ctx, s, id, { action })).statusCode).toBe(200);
  return id;
}

/** Downloads a PDF of the dossier as the NGO and reads its text back (pdftotext -layout). */
async function readBack(dossierId: string, documentId: string | null): Promise<{ text: string; lines: string[] }> {
  const file = await get(ngo, documentId ? `/api/dossiers/${dossierId}/documents/${documentId}` : `/api/dossiers/${dossierId}/receipt.pdf`);
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/pdf');
  const dir = mkdtempSync(path.join(tmpdir(), 'outcome-pdf-'));
  try {
    writeFileSync(path.join(dir, 'd.pdf'), file.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
    // Body paragraphs wrap: `text` reads them as one line each; `lines` keeps the layout of the header.
    return { text: text.replace(/\s+/g, ' '), lines: text.split('\n').map((l) => l.trim().replace(/\s{2,}/g, ' | ')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The NGO's decision notice on the dossier. */
const noticeOf = async (dossierId: string) =>
  (await get(ngo, '/api/inbox?pageSize=100'))
    .json()
    .items.find((n: { kind: string; dossierId: string }) => n.kind === 'DOSSIER_DECIDED' && n.dossierId === dossierId);

describe('outcome documents of a decision (Decree 30 PDF, stored with the dossier, named in the notice)', () => {
  it('an approval produces the decision and the certificate, whose figures are the registry’s', async () => {
    const id = await appraising();
    const approved = await act(ctx, mofa, id, { action: 'APPROVE', decisionNumber: '123/QĐ-BNG', decisionDate: today });
    expect(approved.statusCode).toBe(200);
    const docs = approved.json().documents as { id: string; documentCode: string; fileName: string }[];
    const decision = docs.find((d) => d.documentCode === 'OUTCOME_DECISION')!;
    const certificate = docs.find((d) => d.documentCode === 'OUTCOME_CERTIFICATE')!;
    expect(decision.fileName).toMatch(/^quyet-dinh-HS-\d{4}-\d{6}\.pdf$/);
    const cert = await ctx.db
      .selectFrom('certificates as c')
      .innerJoin('certificate_versions as v', 'v.certificate_id', 'c.id')
      .select(['c.number', 'v.valid_until'])
      .where('c.organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();

    const d = await readBack(id, decision.id);
    expect(d.lines.slice(0, 3)).toEqual([
      'BỘ NGOẠI GIAO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: 123/QĐ-BNG | ${dateLine('Hà Nội')}`,
    ]);
    expect(d.text).toContain('QUYẾT ĐỊNH');
    expect(d.text).toContain('Về việc cấp Giấy đăng ký hoạt động của tổ chức phi chính phủ nước ngoài Outcome NGO');
    expect(d.text).toContain(`số ${cert.number}, có hiệu lực đến hết ngày ${shown(cert.valid_until)}`);
    expect(d.lines).toContain('Nơi nhận: | KT. BỘ TRƯỞNG');
    expect(d.text).toContain('THỨ TRƯỞNG');

    const c = await readBack(id, certificate.id);
    expect(c.lines.slice(0, 3)).toEqual([
      'BỘ NGOẠI GIAO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${cert.number} | ${dateLine('Hà Nội')}`,
    ]);
    expect(c.text).toContain('GIẤY ĐĂNG KÝ HOẠT ĐỘNG');
    expect(c.text).toContain('Địa bàn hoạt động: Cao Bằng.');
    expect(c.text).toContain('Lĩnh vực hoạt động: Y tế.');
    expect(c.text).toContain(`Thời hạn hiệu lực: đến hết ngày ${shown(cert.valid_until)}.`);
    expect(c.text).toContain(`Căn cứ Quyết định số 123/QĐ-BNG ngày ${shown(today)} về việc cấp Giấy đăng ký,`);

    // The notice states the outcome, the certificate's number and validity, and names both documents.
    const notice = await noticeOf(id);
    expect(notice.params).toMatchObject({
      certificateNumber: cert.number,
      validUntil: cert.valid_until,
      decisionDocumentId: decision.id,
      certificateDocumentId: certificate.id,
    });
    const code = approved.json().code as string;
    expect(renderNotification('DOSSIER_DECIDED', notice.params, 'vi')).toBe(
      `Hồ sơ ${code}: được cấp Giấy đăng ký hoạt động số ${cert.number}, có hiệu lực đến ${shown(cert.valid_until)} ` +
        `(Quyết định số 123/QĐ-BNG ngày ${shown(today)}). Giấy đăng ký và quyết định có trong mục Tài liệu của hồ sơ.`,
    );
    expect(renderNotification('DOSSIER_DECIDED', notice.params, 'en')).toContain(
      `approved: Operation Registration Certificate No. ${cert.number} issued, valid until ${shown(cert.valid_until)}`,
    );
    // Another NGO cannot read them; each document is in the audit trail.
    expect((await get(otherNgo, `/api/dossiers/${id}/documents/${decision.id}`)).statusCode).toBe(404);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.filter((a) => a.action === 'dossier.document.issue')).toHaveLength(2);
    // Produced once: running the step again adds nothing.
    expect(await issueOutcomeDocuments(ctx.db, { actor: null, label: 'test' }, dataDir, id, today)).toBeNull();
    expect(
      (await get(ngo, `/api/dossiers/${id}`))
        .json()
        .documents.filter((x: { documentCode: string }) => x.documentCode.startsWith('OUTCOME_')),
    ).toHaveLength(2);
  });

  it('a refusal produces the written refusal with its reason, and the notice says refused and why', async () => {
    const id = await appraising();
    const reason = 'Chương trình đề xuất không phù hợp với nhu cầu của địa phương.';
    const refused = await act(ctx, mofa, id, { action: 'REJECT', decisionNumber: '9/BNG-LS', decisionDate: today, reason });
    expect(refused.statusCode).toBe(200);
    const docs = refused.json().documents as { id: string; documentCode: string }[];
    expect(docs.filter((x) => x.documentCode.startsWith('OUTCOME_')).map((x) => x.documentCode)).toEqual(['OUTCOME_REFUSAL']);
    const r = await readBack(id, docs.find((x) => x.documentCode === 'OUTCOME_REFUSAL')!.id);
    expect(r.lines.slice(0, 3)).toEqual([
      'BỘ NGOẠI GIAO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: 9/BNG-LS | ${dateLine('Hà Nội')}`,
    ]);
    expect(r.text).toContain('THÔNG BÁO');
    expect(r.text).toContain('Về việc không cấp Giấy đăng ký hoạt động');
    expect(r.text).toContain(`Lý do: ${reason}`);
    expect(r.text).toContain('Bộ Ngoại giao đã nhận và xem xét hồ sơ số');
    const notice = await noticeOf(id);
    expect(renderNotification('DOSSIER_DECIDED', notice.params, 'vi')).toBe(
      `Hồ sơ ${refused.json().code}: không được chấp thuận (văn bản số 9/BNG-LS ngày ${shown(today)}). Lý do: ${reason} ` +
        'Văn bản trả lời có trong mục Tài liệu của hồ sơ.',
    );
    expect(notice.params.certificateNumber).toBeNull();
  });
});

describe('the receipt of a dossier (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as PDF', () => {
  it('states the code, the time of submission in Viet Nam time, the check deadline and the files with their SHA-256', async () => {
    const id = await consultingDossier(ctx, ngo, comingo, ['MPS']);
    const view = (await get(ngo, `/api/dossiers/${id}`)).json();
    const r = await readBack(id, null);
    // COMINGO receives: its name (wrapped over lines) beside the nation's name.
    expect(r.lines[0]).toMatch(/^ỦY BAN CÔNG TÁC VỀ CÁC TỔ.* \| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(r.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(r.text).toContain(`Số: ${view.code}/TNHS`);
    expect(r.text).toContain(dateLine('Hà Nội'));
    expect(r.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(r.text).toContain(`Mã hồ sơ: ${view.code}`);
    // The moment of submission on Viet Nam's clock (UTC+7), never UTC.
    const at = new Date(Date.parse(view.timeline.find((e: { action: string }) => e.action === 'SUBMIT').at) + 7 * 3_600_000).toISOString();
    expect(r.text).toContain(`Thời điểm nộp: ${at.slice(11, 16)} ngày ${shown(at.slice(0, 10))}`);
    const check = view.steps.find((x: { code: string }) => x.code === 'S1_CHECK');
    if (check?.clock?.dueDate) expect(r.text).toContain(`Hạn kiểm tra thành phần hồ sơ: ${shown(check.clock.dueDate)}`);
    expect(r.text).toContain(`Hẹn trả kết quả: ${shown(view.overall.dueDate)}`);
    for (const d of view.documents) expect(r.text).toContain(`SHA-256 ${d.sha256}`);
    expect(r.lines).toContain('Nơi nhận: | NGƯỜI TIẾP NHẬN');
    expect((await get(otherNgo, `/api/dossiers/${id}/receipt.pdf`)).statusCode).toBe(404);
    const draft = await ctx.call(ngo, { method: 'POST', url: '/api/dossiers', payload: { procedureCode: 'NEW_GDKHD', application: {} } });
    expect((await get(ngo, `/api/dossiers/${draft.json().id}/receipt.pdf`)).statusCode).toBe(404);
  });
});
