import { describe, expect, it } from 'vitest';
import { PROCEDURE_CATALOGUE, overlappingVersions, overrideProcedure, procedureFor } from './definitions';
import { PROCEDURE_CODES, type ProcedureVersion } from './types';
import { DomainRuleError, type RuleCode } from '../rule-error';

function codeOf(fn: () => unknown): RuleCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (e) {
    if (e instanceof DomainRuleError) return e.code;
    throw e;
  }
}

const stepDays = (v: ProcedureVersion) => Object.fromEntries(v.steps.map((s) => [s.code, s.deadline?.days ?? null]));

describe('procedureFor', () => {
  it('picks Decree 80 up to 07/12/2025 and Decree 313 from 08/12/2025', () => {
    expect(procedureFor('AID_APPROVAL', '2020-09-17').versionId).toBe('AID_APPROVAL@D80-2020');
    expect(procedureFor('AID_APPROVAL', '2025-12-07').legalDocument).toBe('Nghị định 80/2020/NĐ-CP');
    const d313 = procedureFor('AID_APPROVAL', '2025-12-08');
    expect(d313.legalDocument).toBe('Nghị định 313/2025/NĐ-CP');
    expect(d313.provisional).toBe(true);
  });

  it('refuses dates before any version and unknown codes', () => {
    expect(codeOf(() => procedureFor('AID_APPROVAL', '2020-09-16'))).toBe('procedure_not_in_force');
    expect(codeOf(() => procedureFor('NEW_GDKHD', '2022-10-31'))).toBe('procedure_not_in_force');
    expect(codeOf(() => procedureFor('NEW_GDKHD_X', '2023-01-01'))).toBe('procedure_unknown');
    expect(codeOf(() => procedureFor('NEW_GDKHD', '2023-02-29'))).toBe('invalid_date');
  });

  it('has one version in force for every D58 procedure from 01/11/2022, and no overlaps', () => {
    for (const code of PROCEDURE_CODES) expect(procedureFor(code, '2026-01-01').code).toBe(code);
    expect(overlappingVersions(PROCEDURE_CATALOGUE)).toEqual([]);
    expect(
      overlappingVersions([
        ...PROCEDURE_CATALOGUE,
        { ...procedureFor('AMEND', '2023-01-01'), versionId: 'dup', effectiveFrom: '2030-01-01' },
      ]),
    ).toEqual([['AMEND@D58-2022', 'dup']]);
  });
});

describe('D58 procedure data (domain §2.4–2.5)', () => {
  it('sets 30 WD for new and extension, 25 WD for amendment and re-issue, from the complete dossier', () => {
    for (const code of ['NEW_GDKHD', 'NEW_GDKVPDD', 'EXTEND_GDKHD', 'EXTEND_GDKVPDD'] as const) {
      expect(procedureFor(code, '2024-01-01').overallLimit).toEqual({
        days: 30,
        unit: 'WORKING',
        anchor: 'DOSSIER_COMPLETE',
        direction: 'AFTER',
      });
    }
    for (const code of ['AMEND', 'REISSUE'] as const) expect(procedureFor(code, '2024-01-01').overallLimit?.days).toBe(25);
  });

  it('has the step deadlines of the workflow table, fitting inside the overall limit', () => {
    const newHd = procedureFor('NEW_GDKHD', '2024-01-01');
    expect(stepDays(newHd)).toEqual({
      SUBMIT: null,
      S1_CHECK: 2,
      S2_REQUEST_OPINIONS: 2,
      S3_OPINION: 10,
      S4_FORWARD: 2,
      S5_DECIDE: 10,
      S6_DELIVER: 30,
    });
    expect(newHd.steps.find((s) => s.code === 'S3_OPINION')?.role).toBe('CONSULTED_AGENCY');
    expect(newHd.steps.find((s) => s.code === 'S5_DECIDE')?.role).toBe('MOFA');
    expect(stepDays(procedureFor('AMEND', '2024-01-01'))).toMatchObject({ S5_DECIDE: 7, S6_DELIVER: 25 });
    for (const v of PROCEDURE_CATALOGUE.filter((p) => p.overallLimit?.unit === 'WORKING')) {
      // S1 runs before the clock; S2..S5 must fit in the limit.
      const afterClock = v.steps.filter((s) => ['S2_REQUEST_OPINIONS', 'S3_OPINION', 'S4_FORWARD', 'S5_DECIDE'].includes(s.code));
      expect(afterClock.reduce((n, s) => n + (s.deadline?.days ?? 0), 0)).toBeLessThanOrEqual(v.overallLimit?.days ?? 0);
    }
  });

  it('requires extension filing at least 60 calendar days before expiry', () => {
    expect(procedureFor('EXTEND_GDKVPDD', '2024-01-01').steps[0]?.deadline).toEqual({
      days: 60,
      unit: 'CALENDAR',
      anchor: 'CERTIFICATE_EXPIRY',
      direction: 'BEFORE',
    });
  });

  it('lists the dossier documents', () => {
    const codes = (code: string) =>
      procedureFor(code, '2024-01-01')
        .documents.filter((d) => d.required)
        .map((d) => d.code);
    expect(codes('NEW_GDKHD')).toEqual([
      'APPLICATION_03A',
      'CHARTER_COPY',
      'LEGAL_ENTITY_PROOF',
      'PROGRAMME_LIST_3Y',
      'REPRESENTATIVE_APPOINTMENT',
      'REPRESENTATIVE_CV',
      'REPRESENTATIVE_CRIMINAL_RECORD',
      'REPRESENTATIVE_ID_COPY',
    ]);
    expect(codes('NEW_GDKVPDD')).toContain('HEAD_OF_OFFICE_CRIMINAL_RECORD');
    expect(codes('NEW_GDKVPDD')).not.toContain('PAST_ACTIVITIES_3Y'); // "if any"
    expect(codes('EXTEND_GDKHD')).toEqual(['APPLICATION_03A', 'ORIGINAL_CERTIFICATE', 'REPORT_AND_PLAN_3Y']);
    expect(codes('AMEND')).toEqual(['APPLICATION_03B', 'ORIGINAL_CERTIFICATE', 'SUPPORTING_DOCUMENTS']);
    const reissue = procedureFor('REISSUE', '2024-01-01')
      .documents.filter((d) => d.oneOf === 'CERTIFICATE')
      .map((d) => d.code);
    expect(reissue).toEqual(['ORIGINAL_CERTIFICATE', 'CERTIFICATE_COPY']);
    expect(codes('SELF_TERMINATION')).toContain('AUDIT_REPORT');
    expect(procedureFor('AID_APPROVAL', '2024-01-01').copies).toBe(6);
  });

  it('consults the office province only for representative offices', () => {
    const sources = (code: string) =>
      (procedureFor(code, '2024-01-01').consultation?.DEFAULT ?? []).map((e) => (e.kind === 'FIXED' ? e.agency : e.source));
    expect(sources('NEW_GDKHD')).toEqual([
      'MPS',
      'MPI',
      'MOHA',
      'MOF',
      'SBV',
      'LINE_MINISTRIES_OF_SECTORS',
      'PROVINCES_OF_AREAS',
      'AID_APPROVING_AGENCIES',
    ]);
    expect(sources('EXTEND_GDKVPDD')).toContain('OFFICE_PROVINCE');
    expect(sources('NEW_GDKHD')).not.toContain('OFFICE_PROVINCE');
    expect(procedureFor('SELF_TERMINATION', '2024-01-01').consultation).toBeNull();
  });
});

describe('aid approval data', () => {
  it('appraises within 20 calendar days and notifies within 5 days of the decision', () => {
    const d80 = procedureFor('AID_APPROVAL', '2024-01-01');
    expect(d80.overallLimit).toMatchObject({ days: 20, unit: 'CALENDAR' });
    expect(d80.steps.find((s) => s.code === 'A6_NOTIFY')?.deadline).toEqual({
      days: 5,
      unit: 'CALENDAR',
      anchor: 'DECISION',
      direction: 'AFTER',
    });
    expect(d80.consultation?.RELIEF_RECOVERY).toEqual([]);
  });

  it('drops MPI from the D313 lists (its roles went to MOF)', () => {
    const central = (date: string) =>
      (procedureFor('AID_APPROVAL', date).consultation?.CENTRAL ?? []).map((e) => (e.kind === 'FIXED' ? e.agency : e.source));
    expect(central('2025-12-07')).toContain('MPI');
    expect(central('2025-12-08')).not.toContain('MPI');
    expect(central('2025-12-08')).toContain('MOF');
  });
});

describe('overrideProcedure', () => {
  it('edits a provisional version and leaves the catalogue passed in untouched', () => {
    const edited = overrideProcedure(PROCEDURE_CATALOGUE, 'AID_APPROVAL@D313-2025', {
      overallLimitDays: 15,
      stepDeadlineDays: { A4_APPRAISE: 15, A6_NOTIFY: 3 },
      parameters: { unstartedRevocationMonths: 12 },
    });
    const v = procedureFor('AID_APPROVAL', '2026-01-01', edited);
    expect(v.overallLimit?.days).toBe(15);
    expect(v.overallLimit?.unit).toBe('CALENDAR');
    expect(stepDays(v)).toMatchObject({ A4_APPRAISE: 15, A6_NOTIFY: 3 });
    expect(v.parameters).toMatchObject({ unstartedRevocationMonths: 12, ownUnitPmuThresholdUsd: 200_000 });
    expect(procedureFor('AID_APPROVAL', '2026-01-01').overallLimit?.days).toBe(20);
    expect(procedureFor('AID_APPROVAL', '2024-01-01', edited).overallLimit?.days).toBe(20);
  });

  it('refuses editing enacted versions and invalid values', () => {
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, 'AID_APPROVAL@D80-2020', { overallLimitDays: 10 }))).toBe(
      'procedure_not_editable',
    );
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, 'NEW_GDKHD@D58-2022', { overallLimitDays: 40 }))).toBe(
      'procedure_not_editable',
    );
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, 'nope', {}))).toBe('procedure_unknown');
    const d313 = 'AID_APPROVAL@D313-2025';
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, d313, { overallLimitDays: 0 }))).toBe('procedure_override_invalid');
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, d313, { overallLimitDays: 2.5 }))).toBe('procedure_override_invalid');
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, d313, { stepDeadlineDays: { NOPE: 3 } }))).toBe(
      'procedure_override_invalid',
    );
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, d313, { stepDeadlineDays: { A5_DECIDE: 3 } }))).toBe(
      'procedure_override_invalid',
    );
    expect(codeOf(() => overrideProcedure(PROCEDURE_CATALOGUE, d313, { parameters: { x: -1 } }))).toBe('procedure_override_invalid');
  });
});
