/**
 * The procedure catalogue and the choice of the version in force on a date.
 *
 * The catalogue is plain data; callers may pass their own (e.g. built from configuration rows with
 * provisional parameters edited by an administrator through {@link overrideProcedure}).
 */
import { AID_ADJUSTMENT_PROCEDURES } from './aid-adjustment-procedures';
import { AID_PROCEDURES } from './aid-procedures';
import { D58_PROCEDURES } from './d58-procedures';
import { SANCTION_PROCEDURES } from './d58-sanctions';
import { PROCEDURE_CODES, type ProcedureCode, type ProcedureVersion } from './types';
import { assertIsoDate, type IsoDate } from '../registration/iso-date';
import { DomainRuleError } from '../rule-error';

/** Every built-in procedure version. */
export const PROCEDURE_CATALOGUE: readonly ProcedureVersion[] = [
  ...D58_PROCEDURES,
  ...AID_PROCEDURES,
  ...AID_ADJUSTMENT_PROCEDURES,
  ...SANCTION_PROCEDURES,
];

/** True when `code` is a known procedure code. */
export function isProcedureCode(code: unknown): code is ProcedureCode {
  return typeof code === 'string' && (PROCEDURE_CODES as readonly string[]).includes(code);
}

/** Whether `version` is in force on `date` (both ends inclusive). */
export function inForce(version: ProcedureVersion, date: IsoDate): boolean {
  return version.effectiveFrom <= date && (version.effectiveTo === null || date <= version.effectiveTo);
}

/**
 * The version of procedure `code` in force on `date` (typically the date the complete dossier was
 * received: the rules of that day govern the whole case).
 * @throws DomainRuleError `procedure_unknown`, `procedure_not_in_force`, `invalid_date`
 */
export function procedureFor(code: string, date: IsoDate, catalogue: readonly ProcedureVersion[] = PROCEDURE_CATALOGUE): ProcedureVersion {
  if (!isProcedureCode(code)) throw new DomainRuleError('procedure_unknown', { code });
  assertIsoDate(date, 'date');
  const found = catalogue.filter((v) => v.code === code && inForce(v, date));
  const [version] = found;
  if (!version) {
    const ranges = catalogue.filter((v) => v.code === code).map((v) => ({ from: v.effectiveFrom, to: v.effectiveTo }));
    throw new DomainRuleError('procedure_not_in_force', { code, date, versions: ranges });
  }
  return version;
}

/**
 * Pairs of versions of the same procedure whose effective ranges overlap (should be empty: two
 * versions in force on one day would make {@link procedureFor} ambiguous).
 */
export function overlappingVersions(catalogue: readonly ProcedureVersion[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  catalogue.forEach((a, i) => {
    for (const b of catalogue.slice(i + 1)) {
      if (a.code !== b.code) continue;
      const aEndsBeforeB = a.effectiveTo !== null && a.effectiveTo < b.effectiveFrom;
      const bEndsBeforeA = b.effectiveTo !== null && b.effectiveTo < a.effectiveFrom;
      if (!aEndsBeforeB && !bEndsBeforeA) pairs.push([a.versionId, b.versionId]);
    }
  });
  return pairs;
}

/** Edits allowed on a provisional version. */
export interface ProcedureOverride {
  /** New overall limit, in the version's existing unit. */
  overallLimitDays?: number;
  /** New step deadlines by step code, in each step's existing unit. */
  stepDeadlineDays?: Readonly<Record<string, number>>;
  /** New or changed numeric parameters. */
  parameters?: Readonly<Record<string, number>>;
}

const validDays = (n: number) => Number.isInteger(n) && n > 0 && n <= 3650;

/**
 * Returns a new catalogue where the provisional version `versionId` carries the edited parameters.
 * Versions taken from enacted, confirmed law (`provisional: false`) cannot be edited: changing them
 * would silently rewrite the law the system applies.
 * @throws DomainRuleError `procedure_unknown` (no such version), `procedure_not_editable`,
 *   `procedure_override_invalid` (non-positive or non-integer days, unknown step, step without deadline)
 */
export function overrideProcedure(
  catalogue: readonly ProcedureVersion[],
  versionId: string,
  override: ProcedureOverride,
): ProcedureVersion[] {
  const target = catalogue.find((v) => v.versionId === versionId);
  if (!target) throw new DomainRuleError('procedure_unknown', { versionId });
  if (!target.provisional) throw new DomainRuleError('procedure_not_editable', { versionId });

  let overallLimit = target.overallLimit;
  if (override.overallLimitDays !== undefined) {
    if (!validDays(override.overallLimitDays) || overallLimit === null) {
      throw new DomainRuleError('procedure_override_invalid', { field: 'overallLimitDays', value: override.overallLimitDays });
    }
    overallLimit = { ...overallLimit, days: override.overallLimitDays };
  }
  const edits = override.stepDeadlineDays ?? {};
  for (const [code, days] of Object.entries(edits)) {
    const step = target.steps.find((s) => s.code === code);
    if (!step || step.deadline === null || !validDays(days)) {
      throw new DomainRuleError('procedure_override_invalid', { field: 'stepDeadlineDays', step: code, value: days });
    }
  }
  for (const [name, value] of Object.entries(override.parameters ?? {})) {
    if (!Number.isFinite(value) || value < 0) {
      throw new DomainRuleError('procedure_override_invalid', { field: 'parameters', parameter: name, value });
    }
  }
  const edited: ProcedureVersion = {
    ...target,
    overallLimit,
    steps: target.steps.map((s) => {
      const days = edits[s.code];
      return days === undefined || s.deadline === null ? s : { ...s, deadline: { ...s.deadline, days } };
    }),
    parameters: { ...target.parameters, ...override.parameters },
  };
  return catalogue.map((v) => (v.versionId === versionId ? edited : v));
}
