/**
 * Writes an IATI 2.03 `iati-organisations` document for one organisation: identifier, name (vi/en),
 * reporting org, and optional total budgets and expenditure. Element order follows the schema
 * sequence of `iati-organisation` (organisation-identifier, name, reporting-org, total-budget, …,
 * total-expenditure).
 * @module
 */
import { CURRENCY_CODES } from './codelists.generated';
import { isDecimalString } from './decimal';
import { IatiExportError, isIsoDate, type ExportProblem } from './export-check';
import type { IatiOrganisation, PeriodAmount } from './model';
import { narrativeEntries, orgName, writeNarratives, writeTextElement } from './narrative';
import { XmlWriter } from './xml-writer';

/** Options of {@link serializeOrganisation}. */
export interface SerializeOrganisationOptions {
  /** Written as `generated-datetime`; defaults to the current time. */
  generatedAt?: Date | string;
}

/** IATI BudgetStatus codes. */
const BUDGET_STATUS = { INDICATIVE: '1', COMMITTED: '2' } as const;
const CURRENCIES = new Set(CURRENCY_CODES);

/**
 * Serializes one organisation to an IATI 2.03 organisation document.
 * @throws IatiExportError when a required field is empty or a date, amount or currency is invalid
 */
export function serializeOrganisation(org: IatiOrganisation, opts: SerializeOrganisationOptions = {}): string {
  const problems = checkOrganisation(org);
  if (problems.length > 0) throw new IatiExportError(problems);
  const generated = opts.generatedAt ?? new Date();
  const w = new XmlWriter();
  w.open('iati-organisations', [
    ['version', '2.03'],
    ['generated-datetime', typeof generated === 'string' ? generated : generated.toISOString().replace(/\.\d{3}Z$/, 'Z')],
  ]);
  w.open('iati-organisation', [
    ['last-updated-datetime', org.lastUpdated],
    ['xml:lang', org.name.vi !== undefined ? 'vi' : 'en'],
    ['default-currency', org.defaultCurrency],
  ]);
  w.leaf('organisation-identifier', [], org.identifier);
  writeTextElement(w, 'name', org.name);
  w.open('reporting-org', [
    ['ref', org.reportingOrg.ref],
    ['type', org.reportingOrg.type],
    ['secondary-reporter', org.reportingOrg.secondaryReporter === undefined ? undefined : org.reportingOrg.secondaryReporter ? '1' : '0'],
  ]);
  writeNarratives(w, orgName(org.reportingOrg));
  w.close('reporting-org');
  for (const b of org.totalBudgets ?? []) {
    writePeriod(w, 'total-budget', b, [['status', b.status ? BUDGET_STATUS[b.status] : undefined]]);
  }
  for (const e of org.totalExpenditures ?? []) writePeriod(w, 'total-expenditure', e, []);
  w.close('iati-organisation');
  w.close('iati-organisations');
  return w.toString();
}

function writePeriod(w: XmlWriter, name: string, p: PeriodAmount, attrs: [string, string | undefined][]): void {
  w.open(name, attrs);
  w.empty('period-start', [['iso-date', p.periodStart]]);
  w.empty('period-end', [['iso-date', p.periodEnd]]);
  w.leaf(
    'value',
    [
      ['currency', p.currency],
      ['value-date', p.valueDate ?? p.periodStart],
    ],
    p.amount,
  );
  w.close(name);
}

function checkOrganisation(org: IatiOrganisation): ExportProblem[] {
  const out: ExportProblem[] = [];
  if (!org.identifier.trim()) out.push({ path: 'identifier', code: 'required', message: 'an organisation identifier is required' });
  if (narrativeEntries(org.name).length === 0) out.push({ path: 'name', code: 'required', message: 'a name is required' });
  if (!org.reportingOrg.ref.trim() || !org.reportingOrg.type.trim()) {
    out.push({ path: 'reportingOrg', code: 'required', message: 'reporting org ref and type are required' });
  }
  if (narrativeEntries(orgName(org.reportingOrg)).length === 0) {
    out.push({ path: 'reportingOrg', code: 'required', message: 'a reporting org name is required' });
  }
  if (org.defaultCurrency !== undefined && !CURRENCIES.has(org.defaultCurrency)) {
    out.push({ path: 'defaultCurrency', code: 'invalid_currency', message: `not an ISO 4217 code: ${org.defaultCurrency}` });
  }
  const periods: [string, PeriodAmount][] = [
    ...(org.totalBudgets ?? []).map((b, i): [string, PeriodAmount] => [`totalBudgets[${i}]`, b]),
    ...(org.totalExpenditures ?? []).map((e, i): [string, PeriodAmount] => [`totalExpenditures[${i}]`, e]),
  ];
  for (const [path, p] of periods) {
    for (const [k, v] of [
      ['periodStart', p.periodStart],
      ['periodEnd', p.periodEnd],
      ['valueDate', p.valueDate],
    ] as const) {
      if (v !== undefined && !isIsoDate(v)) out.push({ path: `${path}.${k}`, code: 'invalid_date', message: `not a date: ${v}` });
    }
    if (!isDecimalString(p.amount)) out.push({ path: `${path}.amount`, code: 'invalid_decimal', message: `not a decimal: ${p.amount}` });
    const currency = p.currency ?? org.defaultCurrency;
    if (!currency) out.push({ path: `${path}.currency`, code: 'required', message: 'a currency (or a default currency) is required' });
    else if (!CURRENCIES.has(currency))
      out.push({ path: `${path}.currency`, code: 'invalid_currency', message: `not an ISO 4217 code: ${currency}` });
  }
  return out;
}
