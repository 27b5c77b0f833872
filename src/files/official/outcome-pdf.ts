/**
 * The documents a decision on a dossier produces, as PDF in the Decree 30 frame: the certificate itself (Decree 58
 * Mẫu 01/02: operation registration, representative office, legacy project office), the decision that issues,
 * extends, amends or re-issues it (or approves an aid item, Decree 80 Art. 11), and the written refusal with its
 * reasons (Decree 58 Art. 11.3, 15.3: a refusal is answered in writing, stating why). Pure: content in, bytes out.
 * @module
 */
import { officialDate } from './format';
import type { OfficialFrame } from './frame';
import { drawOfficialClosing, drawOfficialHeader, drawOfficialTitle, newOfficialPdf, pdfBytes } from './pdf-layout';

/** The certificate types and what each is called on its face (Decree 58 Art. 3.3; D12 for the project office). */
export const CERTIFICATE_TITLES = {
  GDKHD: { title: 'Giấy đăng ký hoạt động', of: 'của tổ chức phi chính phủ nước ngoài tại Việt Nam' },
  GDKVPDD: { title: 'Giấy đăng ký lập Văn phòng đại diện', of: 'của tổ chức phi chính phủ nước ngoài tại Việt Nam' },
  GDKVPDA: { title: 'Giấy đăng ký lập Văn phòng dự án', of: 'của tổ chức phi chính phủ nước ngoài tại Việt Nam' },
} as const;
export type CertificateType = keyof typeof CERTIFICATE_TITLES;

/** What the decision did: the legal act named in the title and in Article 1. */
export type DecisionAct = 'ISSUE' | 'EXTEND' | 'AMEND' | 'REISSUE' | 'TERMINATE' | 'APPROVE_AID';

/** The organisation as the documents name it. */
export type NamedOrganisation = { name: string; otherNames: string[]; country: string };

/** A certificate's face: its number, type, holder, scope and validity. */
export type CertificateContent = {
  type: CertificateType;
  number: string;
  organisation: NamedOrganisation;
  provinces: string[];
  sectors: string[];
  officeCity: string | null;
  validUntil: string | null;
  /** The decision it was issued, extended, amended or re-issued by ("101/QĐ-BNG ngày 07/12/2026"). */
  decision: string;
  act: DecisionAct;
};

const LEGAL_BASIS_D58 =
  'Căn cứ Nghị định số 58/2022/NĐ-CP ngày 31 tháng 8 năm 2022 của Chính phủ về đăng ký và quản lý hoạt động của tổ chức phi chính phủ nước ngoài tại Việt Nam;';
const LEGAL_BASIS_D80 =
  'Căn cứ Nghị định số 80/2020/NĐ-CP ngày 08 tháng 7 năm 2020 của Chính phủ về quản lý và sử dụng viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức của các cơ quan, tổ chức, cá nhân nước ngoài dành cho Việt Nam;';

const ACT_WORDS: Record<DecisionAct, string> = {
  ISSUE: 'cấp',
  EXTEND: 'gia hạn',
  AMEND: 'sửa đổi, bổ sung',
  REISSUE: 'cấp lại',
  TERMINATE: 'chấm dứt hiệu lực',
  APPROVE_AID: 'phê duyệt',
};

const organisationLine = (o: NamedOrganisation) => [o.name, ...o.otherNames.filter((n) => n && n !== o.name)].join(' / ');
const listOrNone = (items: string[]) => (items.length ? items.join('; ') : '—');

function paragraphs(doc: PDFKit.PDFDocument, lines: string[]): void {
  doc.font('regular').fontSize(11);
  for (const line of lines) doc.text(line, { align: 'justify', paragraphGap: 4, indent: 20 });
}

/** The certificate (Mẫu 01/02) in the frame `frame` (its number and the issue date are the frame's). */
export async function renderCertificatePdf(frame: OfficialFrame, c: CertificateContent): Promise<Buffer> {
  const face = CERTIFICATE_TITLES[c.type];
  const doc = newOfficialPdf(`${face.title} ${c.number}`);
  drawOfficialHeader(doc, frame);
  drawOfficialTitle(doc, face.title, face.of.charAt(0).toUpperCase() + face.of.slice(1));
  paragraphs(doc, [LEGAL_BASIS_D58, `Căn cứ Quyết định số ${c.decision} về việc ${ACT_WORDS[c.act]} Giấy đăng ký,`]);
  doc.moveDown(0.5);
  doc
    .font('bold')
    .fontSize(11)
    .text(`${frame.issuer.name.join(' ')} chứng nhận:`, { align: 'left' });
  doc.moveDown(0.3);
  paragraphs(doc, [
    `1. Tên tổ chức: ${organisationLine(c.organisation)}.`,
    `2. Quốc tịch: ${c.organisation.country}.`,
    `3. Địa bàn hoạt động: ${listOrNone(c.provinces)}.`,
    `4. Lĩnh vực hoạt động: ${listOrNone(c.sectors)}.`,
    ...(c.officeCity ? [`5. Trụ sở Văn phòng đại diện đặt tại: ${c.officeCity}.`] : []),
    `${c.officeCity ? 6 : 5}. Thời hạn hiệu lực: ${c.validUntil ? `đến hết ngày ${officialDate(c.validUntil)}` : 'theo Giấy đăng ký đã cấp'}.`,
    'Tổ chức có trách nhiệm hoạt động đúng địa bàn, lĩnh vực ghi trong Giấy đăng ký này và tuân thủ pháp luật Việt Nam.',
  ]);
  drawOfficialClosing(doc, frame);
  return pdfBytes(doc);
}

/** A decision: what it decides on (Article 1) for whom, with the certificate it concerns or the aid it approves. */
export type DecisionContent = {
  act: DecisionAct;
  organisation: NamedOrganisation;
  dossierCode: string;
  /** The certificate issued or changed (null for an aid approval or a termination without one). */
  certificate: { type: CertificateType; number: string; validUntil: string | null } | null;
  /** An aid approval: the aid item's title and the aid owner. */
  aid: { title: string; owner: string | null } | null;
  /** The signer's title as the preamble names it ("BỘ TRƯỞNG BỘ NGOẠI GIAO"). */
  authorityTitle: string;
  /** The law and articles applied ("Nghị định 58/2022/NĐ-CP, Điều 11"). */
  legalGround: string;
};

const subjectOf = (d: DecisionContent) => {
  if (d.aid) return `khoản viện trợ "${d.aid.title}" do ${d.organisation.name} tài trợ`;
  const face = d.certificate ? CERTIFICATE_TITLES[d.certificate.type].title : 'Giấy đăng ký';
  return `${face}${d.certificate && d.act !== 'ISSUE' ? ` số ${d.certificate.number}` : ''} của tổ chức phi chính phủ nước ngoài ${d.organisation.name}`;
};

/** The decision (Quyết định) in the frame `frame`: preamble, "QUYẾT ĐỊNH:", three articles. */
export async function renderDecisionPdf(frame: OfficialFrame, d: DecisionContent): Promise<Buffer> {
  const doc = newOfficialPdf(`Quyết định ${frame.number ?? ''}`);
  drawOfficialHeader(doc, frame);
  const act = ACT_WORDS[d.act];
  drawOfficialTitle(doc, 'Quyết định', `Về việc ${act} ${subjectOf(d)}`);
  doc.font('bold').fontSize(11).text(d.authorityTitle, { align: 'center' });
  doc.moveDown(0.5);
  paragraphs(doc, [
    d.act === 'APPROVE_AID' ? LEGAL_BASIS_D80 : LEGAL_BASIS_D58,
    `Căn cứ ${d.legalGround};`,
    `Xét hồ sơ số ${d.dossierCode} và ý kiến của các cơ quan liên quan,`,
  ]);
  doc.moveDown(0.3);
  doc.font('bold').fontSize(12).text('QUYẾT ĐỊNH:', { align: 'center' });
  doc.moveDown(0.3);
  const cert = d.certificate;
  const article1 = d.aid
    ? `Điều 1. Phê duyệt ${subjectOf(d)}${d.aid.owner ? `; chủ khoản viện trợ: ${d.aid.owner}` : ''}.`
    : `Điều 1. ${act.charAt(0).toUpperCase() + act.slice(1)} ${subjectOf(d)}${
        cert
          ? `, số ${cert.number}${cert.validUntil && d.act !== 'TERMINATE' ? `, có hiệu lực đến hết ngày ${officialDate(cert.validUntil)}` : ''}`
          : ''
      }.`;
  paragraphs(doc, [
    article1,
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    `Điều 3. ${d.aid?.owner ?? d.organisation.name}, ${d.aid ? d.organisation.name + ' và ' : ''}các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.`,
  ]);
  drawOfficialClosing(doc, frame);
  return pdfBytes(doc);
}

/** The written refusal: what was asked, by whom, and why it is refused. */
export type RefusalContent = {
  organisation: NamedOrganisation;
  dossierCode: string;
  /** What was applied for, in words ("cấp Giấy đăng ký hoạt động", "phê duyệt khoản viện trợ …"). */
  request: string;
  reason: string;
};

/** The refusal (Thông báo) in the frame `frame`, stating the reasons as Decree 58 Art. 11.3 and 15.3 require. */
export async function renderRefusalPdf(frame: OfficialFrame, r: RefusalContent): Promise<Buffer> {
  const doc = newOfficialPdf(`Thông báo ${frame.number ?? ''}`);
  drawOfficialHeader(doc, frame);
  drawOfficialTitle(doc, 'Thông báo', `Về việc không ${r.request}`);
  paragraphs(doc, [
    `${frame.issuer.plainName} đã nhận và xem xét hồ sơ số ${r.dossierCode} của ${organisationLine(r.organisation)} (${r.organisation.country}) đề nghị ${r.request}.`,
    `Đề nghị này không được chấp thuận. Lý do: ${r.reason}`,
    'Tổ chức có thể nộp hồ sơ mới khi khắc phục được các lý do nêu trên.',
  ]);
  drawOfficialClosing(doc, frame);
  return pdfBytes(doc);
}
