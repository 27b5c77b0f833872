/**
 * The IATI Standard's rules beyond the XSD, for one `iati-activity` element tree (issue 16 #14). Each rule cites
 * the IATI Standard Ruleset (2.03) rule it checks — its type and path as the Ruleset writes them — so a failure
 * names what a publisher would be told by the IATI Validator. vnaid runs it on every document it exports in its
 * test suite; it is pure (the tree comes from the streaming reader's `keepNode` option).
 * @module
 */
import { compareDecimals, isDecimalString, sumDecimals } from './decimal';
import { attr, child, children, type XmlNode } from './xml-node';

/** One broken rule: the Ruleset rule it is, where, and what was found. */
export interface RuleViolation {
  rule: string;
  path: string;
  detail: string;
}

const narrativeText = (n: XmlNode | undefined): boolean => !!n && children(n, 'narrative').some((x) => x.text.trim() !== '');

/**
 * Checks an activity against the Standard Ruleset rules vnaid's documents must meet.
 * @param today the date "NOW" stands for in date_order rules (`YYYY-MM-DD`)
 */
export function checkStandardRules(activity: XmlNode, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  const fail = (rule: string, path: string, detail: string) => out.push({ rule, path, detail });
  const identifier = child(activity, 'iati-identifier')?.text.trim() ?? '';
  const reportingRef = attr(child(activity, 'reporting-org'), 'ref') ?? '';
  const otherB1 = children(activity, 'other-identifier')
    .filter((o) => attr(o, 'type') === 'B1')
    .map((o) => attr(o, 'ref') ?? '');
  if (![reportingRef, ...otherB1].some((prefix) => prefix !== '' && identifier.startsWith(prefix)))
    fail(
      'startswith: iati-identifier starts with reporting-org/@ref',
      'iati-identifier',
      `${identifier} does not start with ${reportingRef}`,
    );

  const date = (type: string) =>
    attr(
      children(activity, 'activity-date').find((d) => attr(d, 'type') === type),
      'iso-date',
    );
  const order = (less: string | undefined, more: string | undefined, rule: string) => {
    if (less && more && less > more) fail(`date_order: ${rule}`, 'activity-date', `${less} is after ${more}`);
  };
  order(date('1'), date('3'), "activity-date[@type='1'] before activity-date[@type='3']");
  order(date('2'), date('4'), "activity-date[@type='2'] before activity-date[@type='4']");
  order(date('2'), today, "activity-date[@type='2'] before NOW");
  order(date('4'), today, "activity-date[@type='4'] before NOW");
  if (!date('1') && !date('2')) fail("atleast_one: activity-date[@type='1' or @type='2']", 'activity-date', 'no start date');

  const transactions = children(activity, 'transaction');
  const txSectors = transactions.some((t) => children(t, 'sector').length > 0);
  const sectors = children(activity, 'sector');
  if (sectors.length > 0 && txSectors) fail('only_one_of: sector, transaction/sector', 'sector', 'sectors at both levels');
  if (sectors.length === 0 && !txSectors) fail('atleast_one: sector, transaction/sector', 'sector', 'no sector');
  for (const vocabulary of new Set(sectors.map((s) => attr(s, 'vocabulary') ?? '1'))) {
    const list = sectors.filter((s) => (attr(s, 'vocabulary') ?? '1') === vocabulary);
    const pcts = list.map((s) => attr(s, 'percentage'));
    if (list.length > 1 || pcts[0] !== undefined) {
      const total = pcts.every((p) => p !== undefined && isDecimalString(p)) ? sumDecimals(pcts as string[]) : 'missing';
      if (total === 'missing' || compareDecimals(total, '100') !== 0)
        fail(`sum: sector[@vocabulary='${vocabulary}']/@percentage = 100`, 'sector', `total ${total}`);
    }
    if ((vocabulary === '98' || vocabulary === '99') && list.some((s) => !narrativeText(s)))
      fail("atleast_one: sector[@vocabulary='98' or '99']/narrative", 'sector', `vocabulary ${vocabulary} without a narrative`);
  }

  const places = [...children(activity, 'recipient-country'), ...children(activity, 'recipient-region')];
  const txPlaces = transactions.some((t) => child(t, 'recipient-country') || child(t, 'recipient-region'));
  if (places.length > 0 && txPlaces)
    fail('only_one_of: recipient-country|recipient-region, transaction/recipient-country|region', 'recipient-country', 'both levels');
  if (places.length > 0) {
    const pcts = places.map((p) => attr(p, 'percentage') ?? (places.length === 1 ? '100' : undefined));
    const total = pcts.every((p) => p !== undefined && isDecimalString(p)) ? sumDecimals(pcts as string[]) : 'missing';
    if (total === 'missing' || compareDecimals(total, '100') !== 0)
      fail('sum: recipient-country/@percentage + recipient-region/@percentage = 100', 'recipient-country', `total ${total}`);
  }

  const defaultCurrency = attr(activity, 'default-currency');
  transactions.forEach((t, i) => {
    const value = child(t, 'value');
    if (!attr(value, 'currency') && !defaultCurrency)
      fail('atleast_one: transaction/value/@currency or @default-currency', `transaction[${i + 1}]`, 'no currency');
    if (!attr(value, 'value-date')) fail('regex_matches: transaction/value/@value-date', `transaction[${i + 1}]`, 'no value-date');
    if (txSectors && children(t, 'sector').length === 0)
      fail('atleast_one: transaction/sector (sectors by transaction)', `transaction[${i + 1}]`, 'no sector');
  });

  for (const element of ['budget', 'planned-disbursement']) {
    children(activity, element).forEach((b, i) => {
      const start = attr(child(b, 'period-start'), 'iso-date');
      const end = attr(child(b, 'period-end'), 'iso-date');
      if (start && end && start > end)
        fail(`date_order: ${element}/period-start before ${element}/period-end`, `${element}[${i + 1}]`, `${start} is after ${end}`);
      if (!attr(child(b, 'value'), 'value-date'))
        fail(`regex_matches: ${element}/value/@value-date`, `${element}[${i + 1}]`, 'no value-date');
      if (!attr(child(b, 'value'), 'currency') && !defaultCurrency)
        fail(`atleast_one: ${element}/value/@currency or @default-currency`, `${element}[${i + 1}]`, 'no currency');
    });
  }

  if (!narrativeText(child(activity, 'title'))) fail('atleast_one: title/narrative', 'title', 'no title text');
  const descriptions = children(activity, 'description');
  if (descriptions.length > 0 && descriptions.some((d) => !narrativeText(d)))
    fail('atleast_one: description/narrative', 'description', 'a description without text');
  if (children(activity, 'activity-status').length !== 1) fail('no_more_than_one: activity-status', 'activity-status', 'not exactly one');
  return out;
}
