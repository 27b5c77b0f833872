import { describe, expect, it } from 'vitest';
import {
  addMonths,
  agencyReportPeriod,
  aidRulesOn,
  daysOverdue,
  dueState,
  governingReportPeriod,
  isWithinPeriod,
  mayBeRevoked,
  ngoReportPeriod,
  ngoReportYearOf,
  reportingCalendar,
  revocableFrom,
} from './index';

describe('reporting periods', () => {
  it('the FNGO report of year Y covers 15/12/(Y-1) to 14/12/Y and is due on 18/12/Y (D58 Art. 21.5)', () => {
    expect(ngoReportPeriod(2025)).toMatchObject({
      kind: 'NGO_ANNUAL',
      from: '2024-12-15',
      to: '2025-12-14',
      due: '2025-12-18',
      provisional: false,
    });
    expect(agencyReportPeriod(2025)).toMatchObject({ kind: 'AGENCY_MAU04', from: '2024-12-15', to: '2025-12-14', due: '2025-12-18' });
    expect(() => ngoReportPeriod(2025.5)).toThrow(RangeError);
  });

  it("the governing agency reports by 15/01 of the next year on Decree 58's window (15/12 to 14/12), provisionally under D313", () => {
    expect(governingReportPeriod(2024)).toMatchObject({ from: '2023-12-15', to: '2024-12-14', due: '2025-01-15', provisional: false });
    expect(isWithinPeriod(governingReportPeriod(2026), '2025-12-20')).toBe(true);
    expect(isWithinPeriod(governingReportPeriod(2025), '2025-12-20')).toBe(false);
    const after = governingReportPeriod(2025);
    expect(after.due).toBe('2026-01-15');
    expect(after.provisional).toBe(true);
    expect(after.legalBasis).toContain('313/2025');
  });

  it('puts 15–31 December into the next report year', () => {
    expect(ngoReportYearOf('2025-12-14')).toBe(2025);
    expect(ngoReportYearOf('2025-12-15')).toBe(2026);
    expect(ngoReportYearOf('2025-01-01')).toBe(2025);
    expect(isWithinPeriod(ngoReportPeriod(2026), '2025-12-20')).toBe(true);
    expect(isWithinPeriod(ngoReportPeriod(2025), '2025-12-15')).toBe(false);
  });

  it('tells where a report stands on a given day', () => {
    const period = ngoReportPeriod(2025);
    expect(dueState(period, '2025-03-01', false)).toBe('NOT_YET_OPEN');
    expect(dueState(period, '2025-11-20', false)).toBe('OPEN');
    expect(dueState(period, '2025-12-10', false)).toBe('DUE_SOON');
    expect(dueState(period, '2025-12-19', false)).toBe('OVERDUE');
    expect(dueState(period, '2025-12-19', true)).toBe('DONE');
    expect(daysOverdue(period.due, '2025-12-28')).toBe(10);
    expect(daysOverdue(period.due, '2025-12-01')).toBe(0);
  });

  it('gives each audience its own calendar, ordered by due date', () => {
    expect(reportingCalendar(2025, 'ngo').map((e) => [e.kind, e.duty])).toEqual([['NGO_ANNUAL', 'SUBMIT']]);
    const province = reportingCalendar(2025, 'province');
    expect(province.map((e) => e.kind)).toEqual(['AGENCY_MAU04', 'NGO_ANNUAL', 'GOVERNING_ANNUAL']);
    expect(province.find((e) => e.kind === 'NGO_ANNUAL')?.duty).toBe('RECEIVE');
    const central = reportingCalendar(2025, 'central');
    expect(central.find((e) => e.kind === 'CENTRAL_SUMMARY')?.due).toBe('2025-12-25');
    expect(reportingCalendar(2025, 'reviewer')).toEqual([]);
  });
});

describe('lapse of approved aid', () => {
  it('adds calendar months, clamping to the end of a shorter month like PostgreSQL', () => {
    expect(addMonths('2024-01-15', 6)).toBe('2024-07-15');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('never lapses an approved item: six months after approval without a start or a disbursement it may be revoked', () => {
    const item = { status: 'APPROVED', approvalDate: '2025-01-10', actualStart: null, disbursed: false };
    expect(revocableFrom('2025-01-10')).toBe('2025-07-11');
    expect(revocableFrom('2024-08-31')).toBe('2025-03-01');
    expect(mayBeRevoked(item, '2025-07-10')).toBe(false);
    expect(mayBeRevoked(item, '2025-07-11')).toBe(true);
    expect(mayBeRevoked({ ...item, actualStart: '2025-03-01' }, '2026-01-01')).toBe(false);
    expect(mayBeRevoked({ ...item, disbursed: true }, '2026-01-01')).toBe(false);
    expect(mayBeRevoked({ ...item, status: 'IMPLEMENTING' }, '2026-01-01')).toBe(false);
    expect(mayBeRevoked({ ...item, status: 'REVOKED' }, '2026-01-01')).toBe(false);
    expect(mayBeRevoked({ ...item, approvalDate: null }, '2026-01-01')).toBe(false);
  });

  it('keeps the rule as a dated parameter: D80 until 07/12/2025, D313 (provisional) from 08/12/2025', () => {
    expect(aidRulesOn('2025-12-07')).toMatchObject({ lapseMonths: 6, provisional: false });
    expect(aidRulesOn('2025-12-08')).toMatchObject({ lapseMonths: 6, provisional: true });
    expect(aidRulesOn('2015-01-01').legalBasis).toContain('80/2020');
  });
});
