/**
 * Reporting and lapse parameters with the legal document and the date range they come from (domain.md §9.1).
 * Decree 80/2020 stopped applying on 08/12/2025; Decree 313/2025 replaced it, but its reporting deadlines and its
 * revocation rule were not confirmed in the sources, so the D80 values are carried on for D313 and marked
 * provisional rather than hard-coded as current law.
 * @module
 */
import type { IsoDate } from '@domain/calendar/iso-date';

export type RuleParameters = {
  /** Months after approval without a start before the approver may revoke an aid item (D80 Art. 4.7); nothing lapses by itself. */
  lapseMonths: number;
  /** Month and day (of the year after the data year) the governing agency's annual aid report is due (D80 Art. 13.9). */
  governingReportDue: { month: number; day: number };
  legalBasis: string;
  /** True when the value was not read in the legal text in force and is carried over from its predecessor. */
  provisional: boolean;
};

type Versioned = RuleParameters & { validFrom: IsoDate; validUntil: IsoDate | null };

const AID_RULES: readonly Versioned[] = [
  {
    validFrom: '2020-09-17',
    validUntil: '2025-12-07',
    lapseMonths: 6,
    governingReportDue: { month: 1, day: 15 },
    legalBasis: 'Nghị định 80/2020/NĐ-CP, Điều 4.7 và 13.9',
    provisional: false,
  },
  {
    validFrom: '2025-12-08',
    validUntil: null,
    lapseMonths: 6,
    governingReportDue: { month: 1, day: 15 },
    legalBasis: 'Nghị định 313/2025/NĐ-CP (tham số kế thừa Nghị định 80/2020/NĐ-CP, chưa xác nhận)',
    provisional: true,
  },
];

/**
 * The aid-management parameters in force on a date. Dates before D80 use D80's values (D93 aid kept its own
 * rules, which vnaid does not model).
 */
export function aidRulesOn(date: IsoDate): RuleParameters {
  const found = AID_RULES.find((rule) => rule.validFrom <= date && (rule.validUntil === null || date <= rule.validUntil)) ?? AID_RULES[0]!;
  const { validFrom: _from, validUntil: _until, ...parameters } = found;
  return parameters;
}

/** Decree 58/2022 Art. 21.5, 23, 24: the FNGO report (Mẫu 05) and the ministries' and provinces' reports (Mẫu 04). */
export const D58_REPORTING = {
  periodStart: { month: 12, day: 15 },
  periodEnd: { month: 12, day: 14 },
  due: { month: 12, day: 18 },
  legalBasisNgo: 'Nghị định 58/2022/NĐ-CP, Điều 21 khoản 5 (Mẫu số 05)',
  legalBasisAgency: 'Nghị định 58/2022/NĐ-CP, Điều 23 và 24 (Mẫu số 04)',
  centralDueDay: 25,
  legalBasisCentral: 'Nghị định 58/2022/NĐ-CP, Điều 22 và 25 (Mẫu số 06, 07)',
} as const;
