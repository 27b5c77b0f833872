import { describe, expect, it } from 'vitest';
import {
  AID_MODALITIES,
  AID_STATUSES,
  DATE_TYPE_TO_IATI,
  dateFieldFromIati,
  IATI_TO_STATUS,
  MODALITY_TO_IATI,
  resolveModality,
  iatiStatusOf,
  resolveStatus,
  ROLE_TO_IATI,
  roleFromIati,
  STATUS_TO_IATI,
  TRANSACTION_TO_IATI,
  transactionKindFromIati,
} from './codes';
import { ACTIVITY_DATE_TYPE, ACTIVITY_STATUS, AID_TYPE, ORGANISATION_ROLE, TRANSACTION_TYPE } from './codelists.generated';
import type { TransactionKind } from './model';

const codesOf = (list: readonly { code: string }[]) => list.map((i) => i.code).sort();

describe('code mappings against the official IATI codelists', () => {
  it('every IATI code used exists in its codelist', () => {
    const statusCodes = new Set(codesOf(ACTIVITY_STATUS));
    for (const s of AID_STATUSES) expect(statusCodes.has(STATUS_TO_IATI[s])).toBe(true);
    const aidTypes = new Set(codesOf(AID_TYPE));
    for (const m of AID_MODALITIES) expect(aidTypes.has(MODALITY_TO_IATI[m].aidType)).toBe(true);
  });

  it('covers each codelist completely where vnaid has a counterpart', () => {
    expect(Object.keys(IATI_TO_STATUS).sort()).toEqual(codesOf(ACTIVITY_STATUS));
    expect(Object.values(ROLE_TO_IATI).sort()).toEqual(codesOf(ORGANISATION_ROLE));
    expect(Object.values(TRANSACTION_TO_IATI).sort()).toEqual(codesOf(TRANSACTION_TYPE));
    expect(Object.values(DATE_TYPE_TO_IATI).sort()).toEqual(codesOf(ACTIVITY_DATE_TYPE));
  });

  it('maps roles, transaction types and date types both ways', () => {
    for (const [role, code] of Object.entries(ROLE_TO_IATI)) expect(roleFromIati(code)).toBe(role);
    for (const [kind, code] of Object.entries(TRANSACTION_TO_IATI)) expect(transactionKindFromIati(code)).toBe(kind as TransactionKind);
    for (const [field, code] of Object.entries(DATE_TYPE_TO_IATI)) expect(dateFieldFromIati(code)).toBe(field);
  });

  it('accepts the 1.x spellings still found in 2.0x files', () => {
    expect(roleFromIati('Funding')).toBe('FUNDING');
    expect(roleFromIati('implementing')).toBe('IMPLEMENTING');
    expect(transactionKindFromIati('C')).toBe('COMMITMENT');
    expect(transactionKindFromIati('D')).toBe('DISBURSEMENT');
    expect(transactionKindFromIati('IF')).toBe('INCOMING_FUNDS');
    expect(dateFieldFromIati('start-actual')).toBe('actualStart');
    expect(roleFromIati('9')).toBeUndefined();
    expect(transactionKindFromIati('99')).toBeUndefined();
  });
});

describe('status resolution', () => {
  it('round-trips every vnaid status through the IATI code plus the extension', () => {
    for (const s of AID_STATUSES) expect(resolveStatus(STATUS_TO_IATI[s], s)).toEqual({ status: s });
  });

  it('reads third-party codes without the extension', () => {
    expect(resolveStatus('1', undefined)).toEqual({ status: 'PIPELINE' });
    expect(resolveStatus('3', undefined)).toEqual({ status: 'COMPLETED' });
    expect(resolveStatus('4', undefined)).toEqual({ status: 'COMPLETED' });
    expect(resolveStatus('6', undefined)).toEqual({ status: 'IMPLEMENTING', note: 'suspended' });
    expect(resolveStatus('xx', undefined)).toEqual({ status: 'PIPELINE', note: 'unknown_code' });
    expect(resolveStatus(undefined, undefined)).toEqual({ status: 'PIPELINE', note: 'unknown_code' });
  });

  it('lets the native IATI code win over a contradicting extension', () => {
    // Someone edited activity-status to 2 after vnaid exported "APPROVED" (code 1).
    expect(resolveStatus('2', 'APPROVED')).toEqual({ status: 'IMPLEMENTING', note: 'extension_conflict' });
  });
});

describe('modality resolution', () => {
  const signals = { humanitarian: false, aidTypes: [] as string[], hasChildren: false };

  it('round-trips every modality through the native fields plus the extension', () => {
    for (const m of AID_MODALITIES) {
      const native = MODALITY_TO_IATI[m];
      expect(resolveModality({ ...signals, humanitarian: native.humanitarian, aidTypes: [native.aidType] }, m)).toEqual({
        modality: m,
        source: 'extension',
      });
    }
  });

  it('infers the modality of third-party activities', () => {
    expect(resolveModality(signals, undefined).modality).toBe('PROJECT');
    expect(resolveModality({ ...signals, aidTypes: ['D02'] }, undefined).modality).toBe('NON_PROJECT');
    expect(resolveModality({ ...signals, aidTypes: ['E01'] }, undefined).modality).toBe('NON_PROJECT');
    expect(resolveModality({ ...signals, hasChildren: true }, undefined).modality).toBe('PROGRAMME');
    expect(resolveModality({ ...signals, humanitarian: true, aidTypes: ['D02'] }, undefined).modality).toBe('RELIEF');
  });

  it('distrusts an extension that contradicts the humanitarian flag', () => {
    expect(resolveModality(signals, 'RELIEF')).toEqual({ modality: 'PROJECT', source: 'extension_conflict' });
    expect(resolveModality({ ...signals, humanitarian: true }, 'PROJECT')).toEqual({ modality: 'RELIEF', source: 'extension_conflict' });
    expect(resolveModality(signals, 'NONSENSE')).toEqual({ modality: 'PROJECT', source: 'inferred' });
  });
});

describe('iatiStatusOf (issue 16 #6)', () => {
  it("publishes a status that agrees with the dates, and the publisher's own unless vnaid ended the item", () => {
    expect(iatiStatusOf('PIPELINE', {})).toBe('1');
    expect(iatiStatusOf('PIPELINE', { actualStart: '2024-02-01' })).toBe('2');
    expect(iatiStatusOf('APPROVED', { actualStart: '2024-02-01', actualEnd: '2025-01-31' })).toBe('3');
    expect(iatiStatusOf('IMPLEMENTING', {})).toBe('2');
    expect(iatiStatusOf('COMPLETED', { actualStart: '2024-02-01' })).toBe('4');
    expect(iatiStatusOf('CANCELLED', { actualStart: '2024-02-01' })).toBe('5');
    expect(iatiStatusOf('PIPELINE', { actualStart: '2024-02-01' }, '3')).toBe('3');
    expect(iatiStatusOf('CANCELLED', {}, '2')).toBe('5');
    expect(iatiStatusOf('PIPELINE', {}, '9')).toBe('1');
  });

  it("reads vnaid's own export back: an extension status with the code that agrees with the dates is no conflict", () => {
    expect(resolveStatus('2', 'PIPELINE', { actualStart: '2024-02-01' })).toEqual({ status: 'PIPELINE' });
    expect(resolveStatus('2', 'PIPELINE', {})).toEqual({ status: 'IMPLEMENTING', note: 'extension_conflict' });
  });
});
