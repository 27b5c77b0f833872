/**
 * IATI `budget` and `planned-disbursement` elements ⇄ the model (issue 16 #4). Pure.
 *
 * Read leniently like transactions: a budget without a valid period, amount or currency is left out with a
 * warning; a missing `@type` is 1 (original) and a missing `@status` is 1 (indicative), as the Standard says.
 * Written in the order of the 2.03 XSD: every `budget`, then every `planned-disbursement`, after
 * `default-aid-type` and before `transaction`; inside each, period-start, period-end, value, then (planned
 * disbursements) provider-org and receiver-org. `value/@value-date` is required: the period start when the
 * publisher gave none.
 * @module
 */
import { isDecimalString } from './decimal';
import { isoDateOf, type MapContext } from './from-xml-parts';
import type { Budget, BudgetKind, BudgetStatus, FlowOrg, PlannedDisbursement } from './model';
import { narrativeEntries, writeTextElement } from './narrative';
import { warning } from './problems';
import { attr, child, readNarratives, type XmlNode } from './xml-node';
import type { XmlWriter } from './xml-writer';

/** IATI BudgetType code ⇄ model. */
export const BUDGET_KIND_TO_IATI: Readonly<Record<BudgetKind, string>> = { ORIGINAL: '1', REVISED: '2' };
/** IATI BudgetStatus code ⇄ model. */
export const BUDGET_STATUS_TO_IATI: Readonly<Record<BudgetStatus, string>> = { INDICATIVE: '1', COMMITTED: '2' };

const kindOf = (code: string | undefined): BudgetKind | undefined =>
  code === undefined || code === '1' ? 'ORIGINAL' : code === '2' ? 'REVISED' : undefined;
const statusOf = (code: string | undefined): BudgetStatus | undefined =>
  code === undefined || code === '1' ? 'INDICATIVE' : code === '2' ? 'COMMITTED' : undefined;

/** The period, amount, currency and value date every budget-like element has; a reason string when unusable. */
function readMoney(
  n: XmlNode,
  fallbackCurrency: string | undefined,
  needsEnd: boolean,
): { periodStart: string; periodEnd?: string; amount: string; currency: string; valueDate?: string } | string {
  const rawStart = attr(child(n, 'period-start'), 'iso-date');
  const rawEnd = attr(child(n, 'period-end'), 'iso-date');
  const periodStart = isoDateOf(rawStart);
  const periodEnd = isoDateOf(rawEnd);
  const value = child(n, 'value');
  const amount = value?.text.trim() ?? '';
  const currency = (attr(value, 'currency') ?? fallbackCurrency)?.toUpperCase();
  if (!periodStart) return `period-start "${rawStart ?? ''}"`;
  if (needsEnd && !periodEnd) return `period-end "${rawEnd ?? ''}"`;
  if (periodEnd && periodEnd < periodStart) return `period ${periodStart} – ${periodEnd}`;
  if (!isDecimalString(amount)) return `value "${amount}"`;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return `currency "${currency ?? ''}"`;
  const out: { periodStart: string; periodEnd?: string; amount: string; currency: string; valueDate?: string } = {
    periodStart,
    amount,
    currency,
  };
  if (periodEnd) out.periodEnd = periodEnd;
  const valueDate = isoDateOf(attr(value, 'value-date'));
  if (valueDate && valueDate !== periodStart) out.valueDate = valueDate;
  return out;
}

/**
 * Reads `budget` elements. Currency: `value/@currency`, else `fallbackCurrency` (activity, then document default).
 * @returns the usable budgets; each unusable one is a `budget_invalid` warning naming what is wrong
 */
export function readBudgets(nodes: readonly XmlNode[], fallbackCurrency: string | undefined, ctx: MapContext): Budget[] {
  const out: Budget[] = [];
  nodes.forEach((n, i) => {
    const type = kindOf(attr(n, 'type'));
    const status = statusOf(attr(n, 'status'));
    const money = readMoney(n, fallbackCurrency, true);
    const problem = !type
      ? `type "${attr(n, 'type')}"`
      : !status
        ? `status "${attr(n, 'status')}"`
        : typeof money === 'string'
          ? money
          : '';
    if (problem || typeof money === 'string' || !type || !status)
      return void ctx.warnings.push(warning('budget_invalid', { index: i + 1, detail: problem }));
    const b: Budget = {
      type,
      status,
      periodStart: money.periodStart,
      periodEnd: money.periodEnd!,
      amount: money.amount,
      currency: money.currency,
    };
    if (money.valueDate) b.valueDate = money.valueDate;
    out.push(b);
  });
  return out;
}

function readFlowOrg(n: XmlNode | undefined, idAttr: string, lang: string | undefined): FlowOrg | undefined {
  if (!n) return undefined;
  const org: FlowOrg = {};
  const ref = attr(n, 'ref');
  const type = attr(n, 'type');
  const activityId = attr(n, idAttr);
  const name = readNarratives(n, lang);
  if (ref) org.ref = ref;
  if (type) org.type = type;
  if (activityId) org.activityId = activityId;
  if (name) org.name = name;
  return Object.keys(org).length ? org : undefined;
}

/** Reads `planned-disbursement` elements (see {@link readBudgets}); provider and receiver kept as published. */
export function readPlannedDisbursements(
  nodes: readonly XmlNode[],
  fallbackCurrency: string | undefined,
  ctx: MapContext,
): PlannedDisbursement[] {
  const out: PlannedDisbursement[] = [];
  nodes.forEach((n, i) => {
    const rawType = attr(n, 'type');
    const type = rawType === undefined ? undefined : kindOf(rawType);
    const money = readMoney(n, fallbackCurrency, false);
    const problem = rawType !== undefined && !type ? `type "${rawType}"` : typeof money === 'string' ? money : '';
    if (problem || typeof money === 'string')
      return void ctx.warnings.push(warning('planned_disbursement_invalid', { index: i + 1, detail: problem }));
    const p: PlannedDisbursement = { periodStart: money.periodStart, amount: money.amount, currency: money.currency };
    if (type) p.type = type;
    if (money.periodEnd) p.periodEnd = money.periodEnd;
    if (money.valueDate) p.valueDate = money.valueDate;
    const provider = readFlowOrg(child(n, 'provider-org'), 'provider-activity-id', ctx.lang);
    const receiver = readFlowOrg(child(n, 'receiver-org'), 'receiver-activity-id', ctx.lang);
    if (provider) p.provider = provider;
    if (receiver) p.receiver = receiver;
    out.push(p);
  });
  return out;
}

function writeFlowOrg(w: XmlWriter, element: string, idAttr: string, org: FlowOrg | undefined): void {
  if (!org) return;
  const attrs: [string, string | undefined][] = [
    ['ref', org.ref],
    [idAttr, org.activityId],
    ['type', org.type],
  ];
  if (org.name && narrativeEntries(org.name).length > 0) writeTextElement(w, element, org.name, attrs);
  else w.empty(element, attrs);
}

/** Writes the activity's budgets, then its planned disbursements (see the module comment for the order). */
export function writeBudgets(w: XmlWriter, budgets: readonly Budget[], planned: readonly PlannedDisbursement[]): void {
  for (const b of budgets) {
    w.open('budget', [
      ['type', BUDGET_KIND_TO_IATI[b.type]],
      ['status', BUDGET_STATUS_TO_IATI[b.status]],
    ]);
    w.empty('period-start', [['iso-date', b.periodStart]]);
    w.empty('period-end', [['iso-date', b.periodEnd]]);
    w.leaf(
      'value',
      [
        ['currency', b.currency],
        ['value-date', b.valueDate ?? b.periodStart],
      ],
      b.amount,
    );
    w.close('budget');
  }
  for (const p of planned) {
    w.open('planned-disbursement', [['type', p.type ? BUDGET_KIND_TO_IATI[p.type] : undefined]]);
    w.empty('period-start', [['iso-date', p.periodStart]]);
    if (p.periodEnd) w.empty('period-end', [['iso-date', p.periodEnd]]);
    w.leaf(
      'value',
      [
        ['currency', p.currency],
        ['value-date', p.valueDate ?? p.periodStart],
      ],
      p.amount,
    );
    writeFlowOrg(w, 'provider-org', 'provider-activity-id', p.provider);
    writeFlowOrg(w, 'receiver-org', 'receiver-activity-id', p.receiver);
    w.close('planned-disbursement');
  }
}
