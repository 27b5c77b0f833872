/**
 * The frame every document vnaid produces for the State shares (Decree 30/2020 Art. 8 and Appendix I): the issuing
 * body top-left with its number and symbol, the national motto top-right with the place-and-date line, and the
 * recipients ("Nơi nhận") and signature block at the end. Renderers (pdf-layout, xlsx-layout) draw it; this module
 * only says what it contains, and resolves the issuing body from the agency register.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { Db } from '@db/transaction';
import type { DocLang } from './format';
import { placeDateLine } from './format';

/**
 * The issuing body as the header names it, in capitals: its governing body (if any, regular weight) above its own
 * name (bold, one or more lines: "ỦY BAN NHÂN DÂN" / "TỈNH CAO BẰNG"); `place` starts the date line.
 */
export type Issuer = { parent: string | null; name: string[]; place: string; /** As a sentence names it. */ plainName: string };
/** The signature block: the authority line (TM./KT./TL. …, may be absent), the signer's position and name. */
export type Signer = { authority: string | null; position: string; name: string | null };

/** What frames one document: who issues it, its number and symbol, date, and who receives and signs it. */
export type OfficialFrame = {
  lang: DocLang;
  issuer: Issuer;
  /** The number, or null for a draft the office numbers when it signs ("Số:      /BC-UBND"). */
  number: string | null;
  /** The symbol after the number: kind of document and issuing body ("QĐ-BNG", "BC-UBND"); empty: none. */
  symbol: string;
  /** The document's date (`YYYY-MM-DD`, a Vietnam date). */
  date: string;
  recipients: string[];
  signer: Signer;
};

/** The fixed words of the frame, in the document's language. */
export const FRAME_WORDS = {
  vi: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: 'Số',
    recipients: 'Nơi nhận:',
    archive: 'Lưu: VT.',
  },
  en: {
    nation: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    number: 'No.',
    recipients: 'Recipients:',
    archive: 'Archived: Office records.',
  },
} as const;

/** "Số: 123/QĐ-BNG", or for a draft "Số:       /BC-UBND" (the number left for the office to write). */
export function numberLine(frame: OfficialFrame): string {
  const words = FRAME_WORDS[frame.lang];
  const n = frame.number ?? '';
  // A decision number that already carries its symbol ("123/QĐ-BNG") is written as it is.
  // A certificate's own number ("GDKHD-2026-000001") has no symbol (`symbol` empty).
  const text = n.includes('/') || (n && !frame.symbol) ? n : `${n || '      '}/${frame.symbol}`;
  return `${words.number}: ${text}`;
}

/** The place-and-date line of the frame ("Hà Nội, ngày 07 tháng 12 năm 2026"). */
export function dateLine(frame: OfficialFrame): string {
  return placeDateLine(frame.issuer.place, frame.date, frame.lang);
}

/** The recipients as listed: "- X;" each, the archive last ("- Lưu: VT."). */
export function recipientLines(frame: OfficialFrame): string[] {
  return [...frame.recipients.map((r) => `- ${r};`), `- ${FRAME_WORDS[frame.lang].archive}`];
}

const upper = (text: string) => text.toLocaleUpperCase('vi');
const PLACE_CENTRAL = { vi: 'Hà Nội', en: 'Ha Noi' } as const;

/** The short sign of an issuing body in a document's symbol: BNG, UBND, the agency's own short name. */
export function bodySign(agency: { id: string; short_name: string | null; kind: string } | null): string {
  if (!agency) return 'BNG';
  if (agency.kind === 'PROVINCE') return 'UBND';
  return (agency.short_name ?? agency.id).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Resolves the issuing body of a document from the agency register: a province's People's Committee (place: the
 * province; "ỦY BAN NHÂN DÂN / TỈNH CAO BẰNG"), a ministry or central body (place: Hà Nội), or — with no agency —
 * the Ministry of Foreign Affairs, which decides on certificates and reports nationally (Decree 58 Art. 7, 26).
 */
export async function resolveIssuer(
  db: Kysely<Database> | Db,
  agencyId: string | null,
  lang: DocLang,
): Promise<{ issuer: Issuer; sign: string }> {
  const agency = await db
    .selectFrom('agencies as a')
    .leftJoin('provinces as p', 'p.id', 'a.province_id')
    .select(['a.id', 'a.name_vi', 'a.name_en', 'a.short_name', 'a.kind', 'p.name_vi as province_vi', 'p.name_en as province_en'])
    .where('a.id', '=', agencyId ?? 'MOFA')
    .executeTakeFirst();
  if (!agency) {
    const mofa = upper(lang === 'en' ? 'Ministry of Foreign Affairs' : 'Bộ Ngoại giao');
    const plainName = lang === 'en' ? 'Ministry of Foreign Affairs' : 'Bộ Ngoại giao';
    return { issuer: { parent: null, name: [mofa], place: PLACE_CENTRAL[lang], plainName }, sign: 'BNG' };
  }
  const name = lang === 'en' ? agency.name_en : agency.name_vi;
  const province = lang === 'en' ? agency.province_en : agency.province_vi;
  if (agency.kind === 'PROVINCE' && province) {
    // "Ủy ban nhân dân tỉnh Cao Bằng" is written on two lines: the committee, then the province.
    const committee = lang === 'en' ? "PEOPLE'S COMMITTEE" : 'ỦY BAN NHÂN DÂN';
    const unit = name.replace(/^(Ủy ban nhân dân|People's Committee of)\s*/i, '').trim();
    const place = province.replace(/^(Tỉnh|Thành phố|TP\.?)\s+/i, '');
    return { issuer: { parent: null, name: [committee, upper(unit || province)], place, plainName: name }, sign: 'UBND' };
  }
  return { issuer: { parent: null, name: [upper(name)], place: PLACE_CENTRAL[lang], plainName: name }, sign: bodySign(agency) };
}
