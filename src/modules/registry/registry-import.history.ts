/**
 * The later life of an imported certificate: the extension and the end (forced termination, revocation or
 * self-termination) a legacy list records beside the issue. The row's values become decisions, and the domain's
 * lifecycle (src/domain/registration) checks them against the certificate as issued or as already stored, so an
 * impossible history (an extension after the end, beyond the cap or the home term, of a project office…) is refused
 * for that row with the broken rule.
 */
import {
  applyEvent,
  decree58Applies,
  isIsoDate,
  type AddWorkingDays,
  type CertificateEvent,
  type CertificateState,
  type CertificateType,
} from '@domain/registration';
import { isDomainRuleError } from '@domain/rule-error';
import { ENDING_DECISION_KINDS } from '@common/registry/certificate-decisions';
import type { ImportColumn, ImportRow } from './registry-import.parse';

export const END_KINDS = ENDING_DECISION_KINDS;

/** A later decision and the columns it was read from (where a broken rule is reported). */
export type LaterDecision = { event: CertificateEvent; dateColumn: ImportColumn; valueColumn: ImportColumn; groundColumn: ImportColumn };

type Problem = (column: ImportColumn, key: string) => void;

/** The law a decision of that date was taken under, when the list does not say. */
export const defaultLegalGround = (date: string) => (decree58Applies(date) ? 'Nghị định 58/2022/NĐ-CP' : 'Nghị định 12/2012/NĐ-CP');

/** A required date cell: its value, or a problem (missing or not YYYY-MM-DD). */
function dateCell(v: ImportRow['values'], column: ImportColumn, problem: Problem, fallback?: string): string | null {
  const value = v[column] ?? fallback;
  if (!value) problem(column, 'required');
  else if (!isIsoDate(value)) problem(column, 'date');
  else return value;
  return null;
}

/**
 * The extension and the end a row records (none when their columns are empty), each effective on its decision date
 * (an end on `ended_on`), in date order. Missing or malformed values are reported through `problem` and drop the decision.
 */
export function laterDecisions(v: ImportRow['values'], problem: Problem): LaterDecision[] {
  const decisions: LaterDecision[] = [];
  if (v.extended_until || v.extension_decision_number || v.extension_decision_date) {
    const until = dateCell(v, 'extended_until', problem);
    const date = dateCell(v, 'extension_decision_date', problem);
    if (!v.extension_decision_number) problem('extension_decision_number', 'required');
    if (until && date && v.extension_decision_number)
      decisions.push({
        event: {
          kind: 'EXTENDED',
          effectiveDate: date,
          decisionDate: date,
          decisionNumber: v.extension_decision_number,
          legalGround: defaultLegalGround(date),
          changes: { validUntil: until },
        },
        dateColumn: 'extension_decision_date',
        valueColumn: 'extended_until',
        groundColumn: 'extension_decision_number',
      });
  }
  if (v.end_kind || v.ended_on || v.end_decision_number || v.end_decision_date || v.end_legal_ground) {
    const kind = v.end_kind?.toUpperCase();
    if (!kind) problem('end_kind', 'required');
    else if (!(END_KINDS as readonly string[]).includes(kind)) problem('end_kind', 'endKind');
    const on = dateCell(v, 'ended_on', problem);
    const decided = dateCell(v, 'end_decision_date', problem, v.ended_on);
    if (!v.end_decision_number) problem('end_decision_number', 'required');
    if (kind && (END_KINDS as readonly string[]).includes(kind) && on && decided && v.end_decision_number)
      decisions.push({
        event: {
          kind: kind as (typeof END_KINDS)[number],
          effectiveDate: on,
          decisionDate: decided,
          decisionNumber: v.end_decision_number,
          legalGround: v.end_legal_ground ?? defaultLegalGround(decided),
        },
        dateColumn: 'end_decision_date',
        valueColumn: 'ended_on',
        groundColumn: 'end_legal_ground',
      });
  }
  // In the order they took effect: an end dated before the extension comes first (and refuses it).
  return decisions.sort((a, b) =>
    a.event.effectiveDate < b.event.effectiveDate ? -1 : a.event.effectiveDate > b.event.effectiveDate ? 1 : 0,
  );
}

/** Decisions not already stored (same kind and decision number), so importing a file again changes nothing. */
export const notYetRecorded = (decisions: readonly LaterDecision[], stored: readonly CertificateEvent[]) =>
  decisions.filter((d) => !stored.some((e) => e.kind === d.event.kind && e.decisionNumber === d.event.decisionNumber));

/** Which cell a broken rule points at. */
function columnOf(code: string, d: LaterDecision): ImportColumn {
  if (code === 'certificate_decision_invalid' || code === 'certificate_event_out_of_order') return d.dateColumn;
  if (code.startsWith('certificate_termination_ground') || code === 'certificate_legal_ground_required') return d.groundColumn;
  return d.valueColumn;
}

/**
 * Applies the decisions in order to `state` with the domain lifecycle.
 * @returns the state after them, or the first broken rule with the cell it is about
 */
export function replayLater(
  state: CertificateState,
  decisions: readonly LaterDecision[],
  ctx: { type: CertificateType; homeTermUntil: string | null; addWorkingDays: AddWorkingDays },
): { state: CertificateState } | { code: string; column: ImportColumn } {
  let current = state;
  for (const d of decisions) {
    try {
      current = applyEvent(current, d.event, ctx);
    } catch (error) {
      if (isDomainRuleError(error)) return { code: error.code, column: columnOf(error.code, d) };
      throw error;
    }
  }
  return { state: current };
}
