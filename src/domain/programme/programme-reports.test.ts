import { describe, expect, it } from 'vitest';
import {
  availableProgrammeReportActions,
  isProgrammeReportOverdue,
  nextProgrammeReportStatus,
  programmeInForce,
  programmeReportDueDate,
  reviewKind,
} from './programme-reports';
import { measureIndicator, priorityFigures } from './priority-figures';
import type { ProgrammePriority } from './programme-content';

describe('yearly Programme report workflow', () => {
  it('lets the reporter save and submit, and only central return a submitted report', () => {
    expect(nextProgrammeReportStatus('NOT_STARTED', 'save', 'reporter')).toBe('DRAFT');
    expect(nextProgrammeReportStatus('NOT_STARTED', 'submit', 'reporter')).toBe('SUBMITTED');
    expect(nextProgrammeReportStatus('DRAFT', 'submit', 'reporter')).toBe('SUBMITTED');
    expect(nextProgrammeReportStatus('SUBMITTED', 'return', 'central')).toBe('RETURNED');
    expect(nextProgrammeReportStatus('RETURNED', 'submit', 'reporter')).toBe('SUBMITTED');
    expect(() => nextProgrammeReportStatus('SUBMITTED', 'return', 'reporter')).toThrow(
      expect.objectContaining({ code: 'transition_role_not_allowed' }),
    );
    expect(() => nextProgrammeReportStatus('DRAFT', 'save', 'central')).toThrow(
      expect.objectContaining({ code: 'transition_role_not_allowed' }),
    );
  });

  it('keeps a submitted report read-only and a returned one marked returned while it is edited', () => {
    expect(() => nextProgrammeReportStatus('SUBMITTED', 'save', 'reporter')).toThrow(
      expect.objectContaining({ code: 'transition_not_allowed' }),
    );
    expect(() => nextProgrammeReportStatus('SUBMITTED', 'submit', 'reporter')).toThrow(
      expect.objectContaining({ code: 'transition_not_allowed' }),
    );
    expect(() => nextProgrammeReportStatus('DRAFT', 'return', 'central')).toThrow(
      expect.objectContaining({ code: 'transition_not_allowed' }),
    );
    expect(nextProgrammeReportStatus('RETURNED', 'save', 'reporter')).toBe('RETURNED');
    expect(availableProgrammeReportActions('SUBMITTED', 'reporter')).toEqual([]);
    expect(availableProgrammeReportActions('SUBMITTED', 'central')).toEqual(['return']);
    expect(availableProgrammeReportActions('RETURNED', 'reporter')).toEqual(['save', 'submit']);
  });

  it('is due on 15 January of the following year and overdue after it unless submitted', () => {
    expect(programmeReportDueDate(2025)).toBe('2026-01-15');
    expect(isProgrammeReportOverdue('DRAFT', 2025, '2026-01-15')).toBe(false);
    expect(isProgrammeReportOverdue('NOT_STARTED', 2025, '2026-01-16')).toBe(true);
    expect(isProgrammeReportOverdue('RETURNED', 2025, '2026-03-01')).toBe(true);
    expect(isProgrammeReportOverdue('SUBMITTED', 2025, '2027-01-01')).toBe(false);
  });

  it('picks the programme in force in a year, the later one where two overlap, none outside them', () => {
    const p = (code: string, from: number, to: number) => ({ code, content: { from, to } });
    const list = [p('A', 2019, 2025), p('B', 2025, 2030)];
    expect(programmeInForce(list, 2019)?.code).toBe('A');
    expect(programmeInForce(list, 2025)?.code).toBe('B');
    expect(programmeInForce(list, 2031)).toBeNull();
  });
});

const priority = (code: string, sectorCodes: string[]): ProgrammePriority => ({
  code,
  nameVi: code,
  nameEn: code,
  sectorCodes,
  provisional: false,
});

describe('review kinds', () => {
  it('calls 2019–2022 the mid-term review of 1225, 2019–2025 its final review, and 2023–2024 a period', () => {
    const np = { from: 2019, to: 2025 };
    expect([reviewKind(np, 2019, 2022), reviewKind(np, 2019, 2025), reviewKind(np, 2023, 2024)]).toEqual(['mid_term', 'final', 'period']);
  });
});

describe('aid by priority field', () => {
  const sectors = [
    { code: 'YTE', committedUsd: '100.10', disbursedUsd: '50.05' },
    { code: 'TNMT', committedUsd: '30.00', disbursedUsd: '10.00' },
    { code: 'GDDT', committedUsd: '20.00', disbursedUsd: '5.00' },
    { code: 'KHAC', committedUsd: '7.00', disbursedUsd: '1.00' },
  ];
  const total = { committedUsd: '160.10', disbursedUsd: '66.05' };

  it("sums each priority's sectors and puts the rest (other sectors, no sector) outside, so sectors once plus outside make the total", () => {
    const { priorities, outside } = priorityFigures([priority('HEALTH', ['YTE']), priority('EDU_HR', ['GDDT', 'XDNL'])], sectors, total);
    expect(priorities.map((p) => [p.code, p.committedUsd, p.disbursedUsd, p.shared])).toEqual([
      ['HEALTH', '100.10', '50.05', false],
      ['EDU_HR', '20.00', '5.00', false],
    ]);
    // TNMT and KHAC (37.00 / 11.00) are in no priority; 3.00 committed has no sector at all.
    expect(outside).toEqual({ committedUsd: '40.00', disbursedUsd: '11.00' });
  });

  it('counts a sector two priorities share under both and marks them, without counting it twice outside', () => {
    const { priorities, outside } = priorityFigures(
      [priority('ENV', ['TNMT']), priority('CLIMATE', ['TNMT']), priority('HEALTH', ['YTE'])],
      sectors,
      total,
    );
    expect(priorities.map((p) => [p.code, p.disbursedUsd, p.shared])).toEqual([
      ['ENV', '10.00', true],
      ['CLIMATE', '10.00', true],
      ['HEALTH', '50.05', false],
    ]);
    expect(outside).toEqual({ committedUsd: '30.00', disbursedUsd: '6.00' });
  });
});

describe('indicators measured over a period', () => {
  const m = { years: 4, disbursedUsd: '654321098.76', activeInLastYear: 436 };
  it('gives the mean yearly disbursement and the total in million USD, and the last year regularly active NGOs', () => {
    expect(measureIndicator({ unit: 'million_usd_per_year' }, m)).toEqual({ achieved: '163.58', basis: 'mean_yearly_disbursed' });
    expect(measureIndicator({ unit: 'million_usd' }, m)).toEqual({ achieved: '654.32', basis: 'total_disbursed' });
    expect(measureIndicator({ unit: 'organisations' }, m)).toEqual({ achieved: '436', basis: 'active_last_year' });
  });
  it('says vnaid does not measure projects, percentages or people', () => {
    for (const unit of ['projects', 'percent', 'people'] as const)
      expect(measureIndicator({ unit }, m)).toEqual({ achieved: null, basis: 'not_measured' });
  });
});
