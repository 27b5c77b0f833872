/**
 * The frame of a report a State body files (Decree 58 Art. 22–24: the national report to the Prime Minister, a
 * province's or ministry's annual report to the Ministry of Foreign Affairs, the programme's reviews): issuing body
 * from the agency register, symbol BC-<body>, a draft number the office fills in when it signs, and the signature
 * block of the head of that body (name left for the signer).
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { DocLang } from './format';
import { resolveIssuer, type OfficialFrame, type Signer } from './frame';

const SIGNERS: Record<'province' | 'central', Record<DocLang, Signer>> = {
  province: {
    vi: { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: null },
    en: { authority: "ON BEHALF OF THE PEOPLE'S COMMITTEE", position: 'CHAIRPERSON', name: null },
  },
  central: {
    vi: { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', name: null },
    en: { authority: 'FOR THE MINISTER', position: 'DEPUTY MINISTER', name: null },
  },
};

const RECIPIENTS = {
  national: { vi: ['Thủ tướng Chính phủ', 'Bộ Công an'], en: ['The Prime Minister', 'Ministry of Public Security'] },
  body: {
    vi: ['Bộ Ngoại giao (Ủy ban công tác về các tổ chức phi chính phủ nước ngoài)', 'Bộ Công an'],
    en: ['Ministry of Foreign Affairs (Committee for Foreign NGO Affairs)', 'Ministry of Public Security'],
  },
} as const;

/**
 * The frame of an annual or review report by `agencyId` (null: the national report of the Ministry of Foreign
 * Affairs) dated `date` (a Vietnam date).
 */
export async function stateReportFrame(db: Kysely<Database>, agencyId: string | null, lang: DocLang, date: string): Promise<OfficialFrame> {
  const { issuer, sign } = await resolveIssuer(db, agencyId, lang);
  return {
    lang,
    issuer,
    number: null,
    symbol: `BC-${sign}`,
    date,
    recipients: [...RECIPIENTS[agencyId ? 'body' : 'national'][lang]],
    signer: SIGNERS[sign === 'UBND' ? 'province' : 'central'][lang],
  };
}
