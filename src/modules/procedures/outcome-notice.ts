/**
 * The outcome as the decision notice states it (issue 13 §2: not "a decision was made"): issued, extended,
 * amended, re-issued or approved with the certificate's number and validity and the decision's number, or refused
 * with the written refusal's number and the reason — in both languages, stored with the notice (`outcomeVi`,
 * `outcomeEn`) so the inbox and the e-mails read it in the reader's language.
 * @module
 */
import { formatDate } from '@common/format/date';
import en from '@common/i18n/en/registry.json';
import vi from '@common/i18n/vi/registry.json';

/** What the notice needs to know of the decision and of its documents. */
export type OutcomeFacts = {
  procedureCode: string;
  approved: boolean;
  decisionNumber: string;
  decisionDate: string;
  reason: string | null;
  certificate: { type: string; number: string; validUntil: string | null } | null;
  /** Whether the documents were produced and stored with the dossier. */
  withDocuments: boolean;
};

const VERB = {
  vi: { NEW: 'được cấp', EXTEND: 'được gia hạn', AMEND: 'được sửa đổi, bổ sung', REISSUE: 'được cấp lại' },
  en: { NEW: 'issued', EXTEND: 'extended', AMEND: 'amended', REISSUE: 're-issued' },
} as const;

const verbOf = (code: string): keyof (typeof VERB)['vi'] =>
  code.startsWith('EXTEND') ? 'EXTEND' : code === 'AMEND' ? 'AMEND' : code === 'REISSUE' ? 'REISSUE' : 'NEW';

/** The notice's outcome sentence in Vietnamese and English. */
export function outcomeSentences(f: OutcomeFacts): { outcomeVi: string; outcomeEn: string } {
  const date = formatDate(f.decisionDate);
  if (!f.approved) {
    return {
      outcomeVi: `không được chấp thuận (văn bản số ${f.decisionNumber} ngày ${date}). Lý do: ${f.reason ?? ''}${
        f.withDocuments ? ' Văn bản trả lời có trong mục Tài liệu của hồ sơ.' : ''
      }`,
      outcomeEn: `refused (letter No. ${f.decisionNumber} of ${date}). Reason: ${f.reason ?? ''}${
        f.withDocuments ? " The written refusal is among the dossier's documents." : ''
      }`,
    };
  }
  const c = f.certificate;
  if (c && f.procedureCode !== 'SELF_TERMINATION') {
    const verb = verbOf(f.procedureCode);
    const typeVi = (vi.certificateTypes as Record<string, string>)[c.type] ?? c.type;
    const typeEn = (en.certificateTypes as Record<string, string>)[c.type] ?? c.type;
    const until = c.validUntil ? formatDate(c.validUntil) : null;
    return {
      outcomeVi: `${VERB.vi[verb]} ${typeVi} số ${c.number}${until ? `, có hiệu lực đến ${until}` : ''} (Quyết định số ${f.decisionNumber} ngày ${date}).${
        f.withDocuments ? ' Giấy đăng ký và quyết định có trong mục Tài liệu của hồ sơ.' : ''
      }`,
      outcomeEn: `approved: ${typeEn} No. ${c.number} ${VERB.en[verb]}${until ? `, valid until ${until}` : ''} (Decision No. ${f.decisionNumber} of ${date}).${
        f.withDocuments ? " The certificate and the decision are among the dossier's documents." : ''
      }`,
    };
  }
  const aid = f.procedureCode === 'AID_APPROVAL';
  return {
    outcomeVi: `${aid ? 'khoản viện trợ được phê duyệt' : 'được chấp thuận'} (Quyết định số ${f.decisionNumber} ngày ${date}).${
      f.withDocuments ? ' Quyết định có trong mục Tài liệu của hồ sơ.' : ''
    }`,
    outcomeEn: `${aid ? 'the aid is approved' : 'approved'} (Decision No. ${f.decisionNumber} of ${date}).${
      f.withDocuments ? " The decision is among the dossier's documents." : ''
    }`,
  };
}
