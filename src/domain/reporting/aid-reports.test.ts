import { describe, expect, it } from 'vitest';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import {
  addCalendarMonths,
  aidReportReminder,
  aidReportState,
  aidReportsDue,
  completionReportDue,
  periodicReportDue,
  settlementDue,
} from './index';

const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2020, toYear: 2030 });
const item = { status: 'IMPLEMENTING', start: '2024-03-01', end: '2027-06-30', budgetRevenue: false };

describe('aid report clocks (D80 Art. 13.9, 14.4, 15.5, 18, 23.9b)', () => {
  it('the completion report is due six months after the aid ends, moved past Tết to the first working day', () => {
    // 16/08/2025 + 6 months = Monday 16/02/2026, the first official day of Tết (14–22/02 off): due Monday 23/02.
    expect(completionReportDue('2025-08-16', calendar)).toBe('2026-02-23');
    // A plain weekday stays: 10/03/2025 + 6 months = Wednesday 10/09/2025.
    expect(completionReportDue('2025-03-10', calendar)).toBe('2025-09-10');
    // Month ends: 31/08 + 6 months = 28/02 (a Saturday in 2026) → Monday 02/03/2026.
    expect(completionReportDue('2025-08-31', calendar)).toBe('2026-03-02');
    expect(addCalendarMonths('2024-08-31', 6)).toBe('2025-02-28');
  });

  it('periodic reports fall 10 days after the period, moved past a weekend but kept on a working Saturday', () => {
    // 31/12/2025 + 10 days = Saturday 10/01/2026, swapped into a working day (VPCP 12729/VPCP-KGVX).
    expect(periodicReportDue('2025-12-31', calendar)).toBe('2026-01-10');
    // 31/12/2026 + 10 days = Sunday 10/01/2027 → Monday 11/01/2027.
    expect(periodicReportDue('2026-12-31', calendar)).toBe('2027-01-11');
    // 30/06/2024 + 10 days = Wednesday 10/07/2024.
    expect(periodicReportDue('2024-06-30', calendar)).toBe('2024-07-10');
  });

  it('the settlement of non-budget aid is due on 30 June as a plain date, even on a weekend', () => {
    expect(settlementDue(2024)).toBe('2025-06-30');
    expect(settlementDue(2025)).toBe('2026-06-30');
    expect(settlementDue(2029)).toBe('2030-06-30'); // a Sunday: the fixed date does not move
  });

  it('lists the half-year, annual, settlement and completion reports an item owes for a year', () => {
    const year2025 = aidReportsDue(item, 2025, calendar);
    expect(year2025.map((r) => `${r.kind}:${r.periodKey}:${r.due}:${r.filer}`)).toEqual([
      'OWNER_SEMIANNUAL:2025-H1:2025-07-10:OWNER',
      'PMU_SEMIANNUAL:2025-H1:2025-07-10:OWNER',
      'OWNER_ANNUAL:2025:2026-01-10:OWNER',
      'PMU_ANNUAL:2025:2026-01-10:OWNER',
      'SETTLEMENT:2025:2026-06-30:GOVERNING',
    ]);
    const last = aidReportsDue(item, 2027, calendar);
    expect(last.find((r) => r.kind === 'COMPLETION')).toMatchObject({ from: '2024-03-01', to: '2027-06-30', due: '2027-12-30' });
    // Budget-revenue aid has no settlement by the governing agency; ended aid owes nothing for later years.
    expect(aidReportsDue({ ...item, budgetRevenue: true }, 2025, calendar).some((r) => r.kind === 'SETTLEMENT')).toBe(false);
    expect(aidReportsDue(item, 2028, calendar)).toEqual([]);
    // An item starting in July owes no first-half report for that year.
    expect(aidReportsDue({ ...item, start: '2024-07-01' }, 2024, calendar).map((r) => r.kind)).not.toContain('OWNER_SEMIANNUAL');
  });

  it('owes nothing before approval, when cancelled, or for periods that ended before Decree 80 took effect (17/09/2020)', () => {
    expect(aidReportsDue({ ...item, status: 'PIPELINE' }, 2025, calendar)).toEqual([]);
    expect(aidReportsDue({ ...item, status: 'CANCELLED' }, 2025, calendar)).toEqual([]);
    expect(aidReportsDue({ ...item, start: null }, 2025, calendar)).toEqual([]);
    const y2020 = aidReportsDue({ ...item, start: '2019-01-01' }, 2020, calendar);
    expect(y2020.map((r) => r.periodKey)).not.toContain('2020-H1');
    expect(y2020.map((r) => r.periodKey)).toContain('2020');
    expect(() => aidReportsDue(item, 1999, calendar)).toThrow(RangeError);
  });

  it('marks the owner reports provisional (D80 sets no date) and the fixed dates under D313 provisional', () => {
    const y = aidReportsDue(item, 2024, calendar);
    expect(y.find((r) => r.kind === 'OWNER_ANNUAL')?.provisional).toBe(true);
    expect(y.find((r) => r.kind === 'SETTLEMENT')).toMatchObject({ provisional: false, dueRule: 'FIXED_DATE' });
    expect(aidReportsDue(item, 2025, calendar).find((r) => r.kind === 'SETTLEMENT')?.provisional).toBe(true);
  });

  it('states: upcoming while the period runs, due until the due date, late after it, done once filed', () => {
    const r = { to: '2025-06-30', due: '2025-07-10' };
    expect(aidReportState(r, '2025-06-29', false)).toBe('UPCOMING');
    expect(aidReportState(r, '2025-06-30', false)).toBe('DUE');
    expect(aidReportState(r, '2025-07-10', false)).toBe('DUE');
    expect(aidReportState(r, '2025-07-11', false)).toBe('LATE');
    expect(aidReportState(r, '2025-07-11', true)).toBe('DONE');
  });

  it('reminds two working days before the due date and once late, within the overdue window', () => {
    const r = { to: '2025-06-30', due: '2025-07-10' };
    const remindFrom = (today: string) => calendar.addWorkingDays(today, 2);
    expect(aidReportReminder(r, '2025-07-07', remindFrom('2025-07-07'), false)).toBeNull();
    expect(aidReportReminder(r, '2025-07-08', remindFrom('2025-07-08'), false)).toBe('AID_REPORT_DUE_SOON');
    expect(aidReportReminder(r, '2025-07-08', remindFrom('2025-07-08'), true)).toBeNull();
    expect(aidReportReminder(r, '2025-07-11', remindFrom('2025-07-11'), false)).toBe('AID_REPORT_OVERDUE');
    expect(aidReportReminder(r, '2025-09-30', remindFrom('2025-09-30'), false)).toBeNull();
    // Before Tết: a report due Monday 23/02/2026 is reminded on Thursday 12/02 (two working days before: 13/02, 23/02).
    const tet = { to: '2025-08-16', due: '2026-02-23' };
    expect(aidReportReminder(tet, '2026-02-11', remindFrom('2026-02-11'), false)).toBeNull();
    expect(aidReportReminder(tet, '2026-02-12', remindFrom('2026-02-12'), false)).toBe('AID_REPORT_DUE_SOON');
  });
});
