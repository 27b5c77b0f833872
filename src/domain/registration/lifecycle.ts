/**
 * Certificate lifecycle: validating a MOFA decision against the certificate's state, then applying it.
 *
 * Reading of D58 Art. 9.2 ("Giấy đăng ký được gia hạn với thời hạn tương ứng với từng loại và không
 * vượt quá thời hạn đăng ký hoạt động … theo pháp luật của nơi thành lập"): the text fixes the
 * length of the extension (the same maximum as the type: 3 or 5 years) and the home-country cap, but
 * not where it starts. "Gia hạn" means prolonging an existing term, and the dossier must be filed at
 * least 60 days before expiry (Art. 12.1, 16.1) so that the decision lands before the old term ends;
 * counting from the decision would make an early filer lose days. We therefore count the new term
 * from the old expiry by default (`extensionBase: 'PREVIOUS_EXPIRY'`). The other reading (count from
 * the extension's effective date) is available as `extensionBase: 'EXTENSION_DATE'`.
 */
import { reduceEvent, sortEvents } from './certificate-reducer';
import {
  INACTIVITY_MONTHS,
  SUSPENSION_GROUNDS,
  SUSPENSION_REMEDY_WORKING_DAYS,
  TERMINAL_EVENTS,
  TERMINATION_GROUNDS,
  type CertificateEvent,
  type CertificateState,
} from './certificate-events';
import { certificateTypeInfo, officeProvincesOn, type CertificateType } from './certificate-types';
import { checkNewCertificate, checkOffice, checkScope, checkValidity, decree58Applies } from './issue-rules';
import { addMonths, isIsoDate, type AddWorkingDays, type IsoDate } from './iso-date';
import { DomainRuleError } from '../rule-error';

export { certificateAsOf, type CertificateSnapshot, type AsOfOptions } from './certificate-as-of';

/** What {@link applyEvent} needs to know beyond the certificate itself. */
export interface LifecycleContext {
  type: CertificateType;
  /** End of the organisation's registration term at home; absent = open-ended. */
  homeTermUntil?: IsoDate | null;
  /** Working-day calendar (the holiday calendar lives in its own module). */
  addWorkingDays: AddWorkingDays;
  /** Start of an extended term; see the module comment. Default 'PREVIOUS_EXPIRY'. */
  extensionBase?: 'PREVIOUS_EXPIRY' | 'EXTENSION_DATE';
  /** Override of the three representative-office cities. */
  allowedOfficeProvinces?: readonly string[];
}

function fail(code: ConstructorParameters<typeof DomainRuleError>[0], details: Record<string, unknown>): never {
  throw new DomainRuleError(code, details);
}

function checkDecision(event: CertificateEvent): void {
  if (!isIsoDate(event.effectiveDate)) fail('invalid_date', { field: 'effectiveDate', value: event.effectiveDate });
  if (!isIsoDate(event.decisionDate)) fail('invalid_date', { field: 'decisionDate', value: event.decisionDate });
  if (event.receivedDate !== undefined && !isIsoDate(event.receivedDate)) {
    fail('invalid_date', { field: 'receivedDate', value: event.receivedDate });
  }
  const v = event.changes?.validUntil;
  if (v !== undefined && !isIsoDate(v)) fail('invalid_date', { field: 'changes.validUntil', value: v });
  // A decision cannot take effect before it is signed; retroactive decisions are not a D58 concept.
  if (!event.decisionNumber?.trim() || event.decisionDate > event.effectiveDate) {
    fail('certificate_decision_invalid', {
      decisionNumber: event.decisionNumber,
      decisionDate: event.decisionDate,
      effectiveDate: event.effectiveDate,
    });
  }
  if (!event.legalGround?.trim()) fail('certificate_legal_ground_required', { kind: event.kind });
}

function checkIssue(event: CertificateEvent, ctx: LifecycleContext): void {
  const c = event.changes ?? {};
  if (c.validUntil === undefined) fail('invalid_date', { field: 'changes.validUntil', value: undefined });
  const [first] = checkNewCertificate({
    type: ctx.type,
    issueDate: event.effectiveDate,
    validUntil: c.validUntil,
    officeProvince: c.officeProvince ?? null,
    provinces: c.provinces ?? [],
    sectors: c.sectors ?? [],
    homeTermUntil: ctx.homeTermUntil ?? null,
    existingCertificates: [], // the one-office rule needs the organisation's other certificates: issue-rules
    ...(ctx.allowedOfficeProvinces ? { allowedOfficeProvinces: ctx.allowedOfficeProvinces } : {}),
  });
  if (first) throw first;
}

/** Content checks common to amendments, supplements, re-issues and extensions. */
function checkChanges(state: CertificateState, event: CertificateEvent, ctx: LifecycleContext): void {
  const c = event.changes ?? {};
  const [scope] = checkScope(c.provinces, c.sectors);
  if (scope) throw scope;
  if (c.officeProvince !== undefined) {
    // D12 project offices and D12-era offices keep the rules they were issued under.
    const d58Office = decree58Applies(state.content.validFrom) || !certificateTypeInfo(ctx.type).hasOffice;
    const allowed = ctx.allowedOfficeProvinces ?? officeProvincesOn(event.effectiveDate);
    const office = d58Office ? checkOffice(ctx.type, c.officeProvince, allowed) : null;
    if (office) throw office;
  }
  if (event.kind !== 'EXTENDED' && c.validUntil !== undefined) {
    if (c.validUntil > state.content.validUntil) {
      fail('certificate_validity_extension_only', { validUntil: c.validUntil, currentValidUntil: state.content.validUntil });
    }
    if (c.validUntil < event.effectiveDate) {
      fail('certificate_validity_before_issue', { effectiveDate: event.effectiveDate, validUntil: c.validUntil });
    }
  }
}

function checkExtension(state: CertificateState, event: CertificateEvent, ctx: LifecycleContext): void {
  const info = certificateTypeInfo(ctx.type);
  if (!info.extensionAllowed) fail('certificate_legacy_no_extension', { type: ctx.type });
  if (state.recordedStatus === 'SUSPENDED') fail('certificate_suspended', { since: state.suspension?.since });
  const validUntil = event.changes?.validUntil;
  if (validUntil === undefined || validUntil <= state.content.validUntil) {
    fail('certificate_extension_not_later', { validUntil, currentValidUntil: state.content.validUntil });
  }
  const base = ctx.extensionBase === 'EXTENSION_DATE' ? event.effectiveDate : state.content.validUntil;
  const [first] = checkValidity(ctx.type, base, validUntil, ctx.homeTermUntil);
  if (first) throw first;
}

function checkTermination(state: CertificateState, event: CertificateEvent, ctx: LifecycleContext): void {
  const ground = event.legalGround;
  const isArt19 = Object.hasOwn(TERMINATION_GROUNDS, ground);
  // Forced termination must cite Art. 19.1; a revocation may also rest on other law (e.g. a
  // certificate obtained with false documents), so REVOKED only gets the fact checks when it cites Art. 19.
  if (event.kind === 'TERMINATED' && !isArt19) {
    fail('certificate_termination_ground_invalid', { legalGround: ground, allowed: Object.keys(TERMINATION_GROUNDS) });
  }
  if (ground === 'D58_ART19_1B') {
    const earliest = addMonths(state.content.validFrom, INACTIVITY_MONTHS);
    if (event.effectiveDate < earliest) {
      fail('certificate_termination_ground_unmet', { legalGround: ground, earliest, effectiveDate: event.effectiveDate });
    }
  }
  if (ground === 'D58_ART19_1C') {
    const s = state.suspension;
    // The state may come from a fold without calendar; recompute the deadline if needed.
    const deadline = s ? (s.remedyDeadline ?? ctx.addWorkingDays(s.receivedDate, SUSPENSION_REMEDY_WORKING_DAYS)) : null;
    if (!s || deadline === null || event.effectiveDate <= deadline) {
      fail('certificate_termination_ground_unmet', {
        legalGround: ground,
        suspended: s !== null,
        remedyDeadline: deadline,
        effectiveDate: event.effectiveDate,
      });
    }
  }
}

/**
 * Validates one decision against the certificate's state and returns the new state.
 *
 * Rules: the first decision is ISSUED (checked like a new certificate, except the one-office rule
 * which needs the organisation's other certificates, see `checkNewCertificate`); decisions come in
 * effective-date order; nothing may follow TERMINATED / REVOKED / SELF_TERMINATED; after expiry only
 * sanctions (SUSPENDED, SUSPENSION_LIFTED, TERMINATED, REVOKED) may be recorded, because Art. 18.1(a)
 * punishes operating on an expired certificate; amendments may not lengthen validity; an extension
 * must lengthen it, within the type's cap and the home-country term, never for GDKVPDA and not while
 * suspended; a suspension cites Art. 18.1 (a)–(c) and gets a 30-WD remedy deadline; a forced
 * termination cites Art. 19.1 (a)–(c) and its facts are checked (12 months after issue for (b);
 * an unlifted suspension whose remedy deadline has passed for (c)).
 *
 * @param state current state (null before issue)
 * @throws DomainRuleError with the code of the broken rule
 */
export function applyEvent(state: CertificateState | null, event: CertificateEvent, ctx: LifecycleContext): CertificateState {
  checkDecision(event);
  if (state === null) {
    if (event.kind !== 'ISSUED') fail('certificate_not_issued', { kind: event.kind });
    checkIssue(event, ctx);
    return reduceEvent(null, event, ctx.addWorkingDays);
  }
  if (event.kind === 'ISSUED') fail('certificate_already_issued', { issuedOn: state.content.validFrom });
  if (state.endedOn !== null) {
    fail('certificate_terminated', { status: state.recordedStatus, endedOn: state.endedOn, kind: event.kind });
  }
  if (event.effectiveDate < state.lastEffectiveDate) {
    fail('certificate_event_out_of_order', { effectiveDate: event.effectiveDate, lastEffectiveDate: state.lastEffectiveDate });
  }
  const expired = event.effectiveDate > state.content.validUntil;
  const sanction =
    event.kind === 'SUSPENDED' || event.kind === 'SUSPENSION_LIFTED' || event.kind === 'TERMINATED' || event.kind === 'REVOKED';
  if (expired && !sanction) {
    fail('certificate_expired', { validUntil: state.content.validUntil, effectiveDate: event.effectiveDate, kind: event.kind });
  }

  switch (event.kind) {
    case 'AMENDED':
    case 'SUPPLEMENTED':
    case 'REISSUED':
      checkChanges(state, event, ctx);
      break;
    case 'EXTENDED':
      checkExtension(state, event, ctx);
      checkChanges(state, event, ctx);
      break;
    case 'SUSPENDED':
      if (state.recordedStatus === 'SUSPENDED') fail('certificate_already_suspended', { since: state.suspension?.since });
      if (!Object.hasOwn(SUSPENSION_GROUNDS, event.legalGround)) {
        fail('certificate_suspension_ground_invalid', { legalGround: event.legalGround, allowed: Object.keys(SUSPENSION_GROUNDS) });
      }
      break;
    case 'SUSPENSION_LIFTED':
      if (state.recordedStatus !== 'SUSPENDED') fail('certificate_not_suspended', { status: state.recordedStatus });
      break;
    default:
      if (TERMINAL_EVENTS.has(event.kind) && event.kind !== 'SELF_TERMINATED') checkTermination(state, event, ctx);
  }
  return reduceEvent(state, event, ctx.addWorkingDays);
}

/**
 * Validates and applies a whole history (e.g. before saving an imported certificate).
 * @returns the final state, or null for an empty history
 * @throws DomainRuleError with `details.eventIndex` added, for the first decision that breaks a rule
 */
export function replayStrict(events: readonly CertificateEvent[], ctx: LifecycleContext): CertificateState | null {
  let state: CertificateState | null = null;
  sortEvents(events).forEach((event) => {
    try {
      state = applyEvent(state, event, ctx);
    } catch (err) {
      if (err instanceof DomainRuleError) {
        throw new DomainRuleError(err.code, { ...err.details, eventIndex: events.indexOf(event) });
      }
      throw err;
    }
  });
  return state;
}
