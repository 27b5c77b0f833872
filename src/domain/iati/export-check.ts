/**
 * Checks that an activity can be written as a schema-valid, rule-respecting IATI 2.03 activity
 * before any XML is produced. The XSD alone would accept some of these faults (e.g. sector
 * percentages that do not add up), so vnaid checks the IATI rules it relies on here.
 * @module
 */
import { COUNTRY_CODES, CURRENCY_CODES } from './codelists.generated';
import { compareDecimals, isDecimalString, sumDecimals } from './decimal';
import type { IatiActivity, LocalizedText } from './model';
import { isProvinceCode } from './provinces';
import { hasInvalidXmlChar } from './xml-writer';

/** One reason an activity cannot be exported. `path` points into the activity, e.g. `transactions[2].amount`. */
export interface ExportProblem {
  path: string;
  code:
    | 'required'
    | 'invalid_date'
    | 'invalid_decimal'
    | 'invalid_currency'
    | 'invalid_country'
    | 'invalid_province'
    | 'percentage_missing'
    | 'percentage_out_of_range'
    | 'percentages_not_100'
    | 'invalid_xml_char'
    | 'duplicate_identifier';
  message: string;
}

/** Thrown by the serializers when an input cannot be exported; carries every problem found. */
export class IatiExportError extends Error {
  constructor(readonly problems: readonly ExportProblem[]) {
    super(`IATI export refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'IatiExportError';
  }
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CURRENCIES = new Set(CURRENCY_CODES);
const COUNTRIES = new Set(COUNTRY_CODES);

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). Called per date on import, so no Date objects. */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || !DATE.test(s)) return false;
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

const hasText = (t: LocalizedText) => Boolean(t.vi?.trim() || t.en?.trim() || Object.values(t.other ?? {}).some((v) => v.trim()));

/**
 * Lists every problem that would make `a` an invalid or misleading IATI activity.
 * @returns an empty array when the activity can be exported
 */
export function checkActivityForExport(a: IatiActivity): ExportProblem[] {
  const out: ExportProblem[] = [];
  const add = (path: string, code: ExportProblem['code'], message: string) => out.push({ path, code, message });
  const date = (path: string, v: string | undefined) => {
    if (v !== undefined && !isIsoDate(v)) add(path, 'invalid_date', `not a YYYY-MM-DD date: ${v}`);
  };
  const decimal = (path: string, v: string | undefined) => {
    if (v !== undefined && !isDecimalString(v)) add(path, 'invalid_decimal', `not a decimal: ${v}`);
  };
  const percentage = (path: string, v: string | undefined) => {
    decimal(path, v);
    if (v !== undefined && isDecimalString(v) && (compareDecimals(v, '0') < 0 || compareDecimals(v, '100') > 0)) {
      add(path, 'percentage_out_of_range', `percentage must be within 0–100: ${v}`);
    }
  };
  const currency = (path: string, v: string | undefined) => {
    if (v !== undefined && !CURRENCIES.has(v)) add(path, 'invalid_currency', `not an ISO 4217 code: ${v}`);
  };

  if (!a.identifier.trim()) add('identifier', 'required', 'an IATI identifier is required');
  if (!a.reportingOrg.ref.trim()) add('reportingOrg.ref', 'required', 'the reporting organisation identifier is required');
  if (!a.reportingOrg.type.trim()) add('reportingOrg.type', 'required', 'the reporting organisation type is required');
  if (!a.reportingOrg.nameVi && !a.reportingOrg.nameEn) add('reportingOrg', 'required', 'a Vietnamese or English name is required');
  if (!hasText(a.titles)) add('titles', 'required', 'a title is required (IATI 2.03: title/narrative)');
  if (!hasText(a.descriptions)) add('descriptions', 'required', 'a description is required (IATI 2.03: at least one description)');
  if (a.participatingOrgs.length === 0) add('participatingOrgs', 'required', 'at least one participating organisation is required');
  const dates = Object.entries(a.dates).filter(([, v]) => v !== undefined);
  if (dates.length === 0) add('dates', 'required', 'at least one activity date is required');
  for (const [k, v] of dates) date(`dates.${k}`, v);
  currency('defaultCurrency', a.defaultCurrency);
  date('approval.date', a.approval?.date);
  if (a.approval && !a.approval.decisionNumber.trim()) add('approval.decisionNumber', 'required', 'decision number is required');

  a.recipientCountries.forEach((c, i) => {
    if (!COUNTRIES.has(c.code)) add(`recipientCountries[${i}].code`, 'invalid_country', `not an ISO 3166-1 code: ${c.code}`);
    percentage(`recipientCountries[${i}].percentage`, c.percentage);
  });
  a.recipientRegions.forEach((r, i) => percentage(`recipientRegions[${i}].percentage`, r.percentage));
  a.locations.forEach((l, i) => {
    if (!isProvinceCode(l.provinceCode)) add(`locations[${i}].provinceCode`, 'invalid_province', `unknown province code ${l.provinceCode}`);
  });

  // IATI rule: within one sector vocabulary, percentages are given when there are several sectors and add up to 100.
  const byVocabulary = new Map<string, number[]>();
  a.sectors.forEach((s, i) => byVocabulary.set(s.vocabulary, [...(byVocabulary.get(s.vocabulary) ?? []), i]));
  for (const [vocabulary, idx] of byVocabulary) {
    const pcts = idx.map((i) => a.sectors[i]?.percentage);
    idx.forEach((i, k) => percentage(`sectors[${i}].percentage`, pcts[k]));
    if (idx.length > 1 && pcts.some((p) => p === undefined)) {
      add(`sectors(vocabulary ${vocabulary})`, 'percentage_missing', 'every sector needs a percentage when a vocabulary has several');
    } else if (pcts.every((p) => p !== undefined && isDecimalString(p)) && pcts[0] !== undefined) {
      const total = sumDecimals(pcts as string[]);
      if (compareDecimals(total, '100') !== 0) {
        add(`sectors(vocabulary ${vocabulary})`, 'percentages_not_100', `percentages add up to ${total}, not 100`);
      }
    }
  }

  a.transactions.forEach((t, i) => {
    const p = `transactions[${i}]`;
    date(`${p}.date`, t.date);
    date(`${p}.valueDate`, t.valueDate);
    decimal(`${p}.amount`, t.amount);
    if (!t.currency) add(`${p}.currency`, 'required', 'a currency is required');
    else currency(`${p}.currency`, t.currency);
  });

  // Budgets and planned disbursements (issue 16 #4): dates, amounts and currencies as for transactions.
  const periods: [string, readonly { periodStart: string; periodEnd?: string; valueDate?: string; amount: string; currency: string }[]][] =
    [
      ['budgets', a.budgets ?? []],
      ['plannedDisbursements', a.plannedDisbursements ?? []],
    ];
  for (const [name, list] of periods)
    list.forEach((b, i) => {
      const p = `${name}[${i}]`;
      date(`${p}.periodStart`, b.periodStart);
      date(`${p}.periodEnd`, b.periodEnd);
      date(`${p}.valueDate`, b.valueDate);
      decimal(`${p}.amount`, b.amount);
      currency(`${p}.currency`, b.currency);
    });

  for (const [path, s] of strings(a, ''))
    if (hasInvalidXmlChar(s)) add(path, 'invalid_xml_char', 'contains a character XML cannot represent');
  return out;
}

/** Every string inside a value, with its path; used for the XML character check. */
function* strings(v: unknown, path: string): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], `${path}[${i}]`);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) yield* strings(x, path ? `${path}.${k}` : k);
  }
}
