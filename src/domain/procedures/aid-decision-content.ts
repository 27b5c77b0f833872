/**
 * What an aid approval decision says (Decree 80/2020 Art. 11, carried into Decree 313/2025): the aid's name, the
 * donor, the aid owner, the objectives, the list of goods for aid in goods, the value and its currency, the
 * counterpart funds (amount and source), the financial mechanism (state-budget revenue or not, Art. 3.8), the
 * implementation period and the location. Money travels as decimal strings and is compared as such, never as
 * floating point. Pure rules across fields; the shape is checked by the HTTP schema.
 */
import type { IsoDate } from '../registration/iso-date';

/** One line of the goods list (in-kind aid). */
export interface AidGoodsLine {
  name: string;
  quantity: string;
  unit: string;
  /** Value of the line, in the decision's currency. */
  value?: string | null;
}

/** The content of an approval decision. */
export interface AidDecisionContent {
  aidName: string;
  donor: string;
  aidOwner: string;
  objectives: string;
  /** Aid in goods (in kind): the decision then lists the goods. */
  inKind: boolean;
  goods: AidGoodsLine[];
  value: { amount: string; currency: string };
  counterpart: { amount: string; source: string } | null;
  /** Budget revenue or not (D80 Art. 3.8); `note` for the management modality. */
  financialMechanism: { budgetRevenue: boolean; note?: string | null };
  implementation: { from: IsoDate; to: IsoDate };
  location: { provinceIds: string[]; text?: string | null };
}

/** A problem with one field. */
export type ContentIssue = { path: string; message: string };

/** `a` compared with `b`, two non-negative decimal strings (-1, 0, 1), exact at any length. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const ia = ai.replace(/^0+(?=\d)/, '');
  const ib = bi.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = ia + af.padEnd(width, '0');
  const y = ib + bf.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

const isZero = (amount: string) => compareDecimal(amount, '0') === 0;

/**
 * The cross-field rules of a decision's content: a positive value; the period's end not before its start; counterpart
 * funds with a source and a positive amount; aid in goods (`inKind`) lists its goods, and goods lines add up to no
 * more than the value when they carry values; at least one province.
 * @returns the issues (empty when the content may be recorded), with paths under `body.content`
 */
export function aidDecisionContentIssues(content: AidDecisionContent): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path: `body.content.${path}`, message });
  if (isZero(content.value.amount)) at('value.amount', 'the value must be more than zero');
  if (content.implementation.to < content.implementation.from) at('implementation.to', 'the period ends before it starts');
  if (content.counterpart) {
    if (isZero(content.counterpart.amount)) at('counterpart.amount', 'counterpart funds must be more than zero, or left out');
    if (!content.counterpart.source.trim()) at('counterpart.source', 'say where the counterpart funds come from');
  }
  if (content.inKind && !content.goods.length) at('goods', 'aid in goods lists its goods');
  const valued = content.goods.filter((g) => g.value);
  if (valued.length) {
    const total = sumDecimals(valued.map((g) => g.value!));
    if (compareDecimal(total, content.value.amount) > 0) at('goods', 'the goods are worth more than the aid');
  }
  if (!content.location.provinceIds.length) at('location.provinceIds', 'at least one province');
  return issues;
}

/** Exact sum of non-negative decimal strings. */
export function sumDecimals(amounts: readonly string[]): string {
  const width = Math.max(0, ...amounts.map((a) => (a.split('.')[1] ?? '').length));
  const scaled = amounts.map((a) => {
    const [i = '0', f = ''] = a.split('.');
    return BigInt(i + f.padEnd(width, '0'));
  });
  const total = scaled
    .reduce((s, v) => s + v, 0n)
    .toString()
    .padStart(width + 1, '0');
  return width ? `${total.slice(0, -width)}.${total.slice(-width)}` : total;
}
