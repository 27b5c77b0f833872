/**
 * Expanding a procedure's consultation rules (data) into the list of bodies to consult for one case.
 *
 * The result names agencies by role, not by id: the agency registry resolves "line ministry of
 * sector HEALTH" or "People's Committee of new34:92", and routes MPI to its successor MOF (then
 * removes the duplicate with MOF).
 */
import type { ConsultationEntry, ConsultationRules, FixedAgencyCode } from './types';
import { DomainRuleError } from '../rule-error';

/** Facts about the case that decide who is consulted. */
export interface ConsultationFacts {
  /** Variant of the rules: `DEFAULT` for D58, `PM` / `CENTRAL` / `LOCAL` / `RELIEF_RECOVERY` for aid. */
  variant?: string;
  /** Sectors and provinces of the (proposed) certificate. */
  sectors?: readonly string[];
  provinces?: readonly string[];
  officeProvince?: string | null;
  /** Agencies that approve receipt of the FNGO's aid (D58 consultation). */
  aidApprovingAgencies?: readonly string[];
  /** Relevant specialised agencies (aid appraisal). */
  specialisedAgencies?: readonly string[];
  /** Amendment: what the change adds or moves. `officeProvince` set = the office moves there. */
  changed?: { sectors?: readonly string[]; provinces?: readonly string[]; officeProvince?: string | null };
  /** Amendment: the fixed agencies (or 'AID_APPROVING_AGENCIES') COMINGO judges concerned. */
  concerned?: readonly string[];
  /** Aid: whether the donor is a foreign NGO (then VUFO is consulted). */
  donorIsFngo?: boolean;
}

/** One body to consult. */
export type ConsultationTarget =
  | { kind: 'AGENCY'; agency: FixedAgencyCode }
  | { kind: 'LINE_MINISTRY_OF_SECTOR'; sector: string }
  | { kind: 'PROVINCE'; province: string; reason: 'AREA' | 'OFFICE' }
  | { kind: 'AID_APPROVING_AGENCY'; agency: string }
  | { kind: 'SPECIALISED_AGENCY'; agency: string };

function applies(entry: ConsultationEntry, facts: ConsultationFacts): boolean {
  switch (entry.when) {
    case 'ALWAYS':
    case 'IF_CHANGED': // narrowed below to the changed values
      return true;
    case 'IF_CONCERNED':
      return (facts.concerned ?? []).includes(entry.kind === 'FIXED' ? entry.agency : entry.source);
    case 'IF_DONOR_FNGO':
      return facts.donorIsFngo === true;
  }
}

function expand(entry: ConsultationEntry, facts: ConsultationFacts): ConsultationTarget[] {
  if (entry.kind === 'FIXED') return [{ kind: 'AGENCY', agency: entry.agency }];
  const onlyChanged = entry.when === 'IF_CHANGED';
  switch (entry.source) {
    case 'LINE_MINISTRIES_OF_SECTORS':
      return ((onlyChanged ? facts.changed?.sectors : facts.sectors) ?? []).map((sector) => ({ kind: 'LINE_MINISTRY_OF_SECTOR', sector }));
    case 'PROVINCES_OF_AREAS':
      return ((onlyChanged ? facts.changed?.provinces : facts.provinces) ?? []).map((province) => ({
        kind: 'PROVINCE',
        province,
        reason: 'AREA',
      }));
    case 'OFFICE_PROVINCE': {
      const office = onlyChanged ? facts.changed?.officeProvince : facts.officeProvince;
      return office ? [{ kind: 'PROVINCE', province: office, reason: 'OFFICE' }] : [];
    }
    case 'AID_APPROVING_AGENCIES':
      return (facts.aidApprovingAgencies ?? []).map((agency) => ({ kind: 'AID_APPROVING_AGENCY', agency }));
    case 'RELEVANT_SPECIALISED_AGENCIES':
      return (facts.specialisedAgencies ?? []).map((agency) => ({ kind: 'SPECIALISED_AGENCY', agency }));
  }
}

function key(t: ConsultationTarget): string {
  switch (t.kind) {
    case 'AGENCY':
      return `A:${t.agency}`;
    case 'LINE_MINISTRY_OF_SECTOR':
      return `S:${t.sector}`;
    case 'PROVINCE':
      return `P:${t.province}`; // one letter per People's Committee, whatever the reason
    default:
      return `${t.kind}:${t.agency}`;
  }
}

/**
 * The bodies to consult, in rule order, without duplicates.
 * @throws DomainRuleError `procedure_unknown` when the variant does not exist
 */
export function consultationTargets(rules: ConsultationRules, facts: ConsultationFacts): ConsultationTarget[] {
  const variant = facts.variant ?? 'DEFAULT';
  const entries = rules[variant];
  if (!entries) throw new DomainRuleError('procedure_unknown', { variant, variants: Object.keys(rules) });
  const seen = new Set<string>();
  const out: ConsultationTarget[] = [];
  for (const entry of entries) {
    if (!applies(entry, facts)) continue;
    for (const target of expand(entry, facts)) {
      const k = key(target);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(target);
      }
    }
  }
  return out;
}
