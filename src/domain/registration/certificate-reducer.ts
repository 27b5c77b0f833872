/**
 * Folding decisions into certificate state, without checking any rule.
 *
 * Writes go through `applyEvent` (lifecycle.ts), which validates and then calls {@link reduceEvent}.
 * Reads (`certificateAsOf`) only fold: the stored history was validated when written, and a read
 * must not fail because a legacy record (Decree 12/2012, migrated data) breaks a rule that did not
 * exist when the decision was taken.
 */
import {
  SUSPENSION_REMEDY_WORKING_DAYS,
  VERSIONING_EVENTS,
  type CertificateChanges,
  type CertificateContent,
  type CertificateEvent,
  type CertificateState,
  type RecordedStatus,
} from './certificate-events';
import { assertIsoDate, type AddWorkingDays } from './iso-date';
import { DomainRuleError } from '../rule-error';

/** Merges a decision's changes into the previous content. */
export function mergeContent(previous: CertificateContent, changes: CertificateChanges | undefined): CertificateContent {
  if (!changes) return previous;
  const attributes: Record<string, string> = { ...previous.attributes };
  for (const [key, value] of Object.entries(changes.attributes ?? {})) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  return {
    validFrom: previous.validFrom,
    validUntil: changes.validUntil ?? previous.validUntil,
    provinces: changes.provinces ? [...changes.provinces] : previous.provinces,
    sectors: changes.sectors ? [...changes.sectors] : previous.sectors,
    officeProvince: changes.officeProvince === undefined ? previous.officeProvince : changes.officeProvince,
    attributes,
  };
}

function initialContent(event: CertificateEvent): CertificateContent {
  const validUntil = event.changes?.validUntil;
  assertIsoDate(validUntil, 'changes.validUntil');
  return mergeContent(
    {
      validFrom: event.effectiveDate,
      validUntil,
      provinces: [],
      sectors: [],
      officeProvince: null,
      attributes: {},
    },
    event.changes,
  );
}

const TERMINAL_STATUS: Partial<Record<CertificateEvent['kind'], RecordedStatus>> = {
  TERMINATED: 'TERMINATED',
  REVOKED: 'REVOKED',
  SELF_TERMINATED: 'SELF_TERMINATED',
};

/**
 * Applies one decision to the state, trusting it.
 * @param addWorkingDays when given, a suspension gets its remedy deadline (30 WD after receipt)
 * @throws DomainRuleError `certificate_not_issued` when the first decision is not ISSUED
 */
export function reduceEvent(state: CertificateState | null, event: CertificateEvent, addWorkingDays?: AddWorkingDays): CertificateState {
  if (state === null) {
    if (event.kind !== 'ISSUED') {
      throw new DomainRuleError('certificate_not_issued', { kind: event.kind });
    }
    const content = initialContent(event);
    return {
      recordedStatus: 'ACTIVE',
      version: 1,
      content,
      versions: [{ version: 1, kind: 'ISSUED', effectiveDate: event.effectiveDate, decisionNumber: event.decisionNumber, content }],
      suspension: null,
      endedOn: null,
      lastEffectiveDate: event.effectiveDate,
    };
  }

  const next: CertificateState = { ...state, lastEffectiveDate: event.effectiveDate };
  if (VERSIONING_EVENTS.has(event.kind)) {
    const content = mergeContent(state.content, event.changes);
    const version = state.version + 1;
    next.version = version;
    next.content = content;
    next.versions = [
      ...state.versions,
      { version, kind: event.kind, effectiveDate: event.effectiveDate, decisionNumber: event.decisionNumber, content },
    ];
    return next;
  }
  switch (event.kind) {
    case 'SUSPENDED': {
      const received = event.receivedDate ?? event.effectiveDate;
      next.recordedStatus = 'SUSPENDED';
      next.suspension = {
        since: event.effectiveDate,
        ground: event.legalGround,
        decisionNumber: event.decisionNumber,
        receivedDate: received,
        remedyDeadline: addWorkingDays ? addWorkingDays(received, SUSPENSION_REMEDY_WORKING_DAYS) : null,
      };
      return next;
    }
    case 'SUSPENSION_LIFTED':
      next.recordedStatus = 'ACTIVE';
      next.suspension = null;
      return next;
    default: {
      const terminal = TERMINAL_STATUS[event.kind];
      if (terminal) {
        next.recordedStatus = terminal;
        next.endedOn = event.effectiveDate;
        next.suspension = null;
      }
      return next;
    }
  }
}

/**
 * Decisions in effective-date order. The sort is stable, so decisions effective the same day keep
 * the order in which they were recorded (e.g. a suspension lifted and an amendment the same day).
 */
export function sortEvents(events: readonly CertificateEvent[]): CertificateEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) =>
      a.event.effectiveDate === b.event.effectiveDate ? a.index - b.index : a.event.effectiveDate < b.event.effectiveDate ? -1 : 1,
    )
    .map(({ event }) => event);
}

/** Folds all decisions (sorted by effective date) without validation; null when there are none. */
export function foldEvents(events: readonly CertificateEvent[], addWorkingDays?: AddWorkingDays): CertificateState | null {
  let state: CertificateState | null = null;
  for (const event of sortEvents(events)) state = reduceEvent(state, event, addWorkingDays);
  return state;
}
