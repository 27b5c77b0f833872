import { describe, expect, it } from 'vitest';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import {
  bankAccountDue,
  complianceScore,
  dataUpdateDue,
  deriveObligations,
  implementationPlanDue,
  inactivityDue,
  inactivityGaps,
  obligationKey,
  type ObligationFacts,
} from './obligations';

const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2024, toYear: 2027 });
const wd = (date: string, n: number) => calendar.addWorkingDays(date, n);

describe('due dates on the working calendar', () => {
  it('a certificate received on the Friday before Tết 2026: the five days of Tết and the weekends do not count', () => {
    // Fri 06/02/2026. Counted: 9–13/02 (5), then Tết 16–20/02 and two weekends skipped, 23–27/02 (10).
    expect(bankAccountDue('2026-02-06', wd)).toBe('2026-02-27');
    // 45 WD: 9–13/02, 23/02–17/04 (nine full weeks after Tết) → Fri 17/04.
    expect(implementationPlanDue('2026-02-06', wd)).toBe('2026-04-17');
  });

  it('a receipt on a Friday starts counting on the Monday after', () => {
    expect(bankAccountDue('2026-01-30', wd)).toBe('2026-02-13');
  });

  it('the data update runs in calendar days, Tết included', () => {
    expect(dataUpdateDue('2026-02-13')).toBe('2026-02-23');
  });

  it('the inactivity watch falls due 12 months after issue', () => {
    expect(inactivityDue('2025-03-31')).toBe('2026-03-31');
  });
});

const facts = (over: Partial<ObligationFacts> = {}): ObligationFacts => ({
  decisions: [
    {
      eventId: 'e1',
      certificateId: 'c1',
      kind: 'ISSUED',
      decisionDate: '2026-02-06',
      receivedDate: null,
      provinceIds: ['new34:04', 'new34:01'],
    },
  ],
  activeRanges: [{ from: '2026-02-06', to: '2029-02-06' }],
  submittedReports: new Map(),
  dataChanges: [],
  bankNoticeDates: [],
  activity: new Map(),
  records: [],
  ...over,
});

describe('deriveObligations', () => {
  it('derives O1, one O2 per province, O3 and the inactivity watch from an issue, with their legal basis', () => {
    const list = deriveObligations(facts(), '2026-03-02', wd);
    expect(list.map((o) => [o.kind, o.provinceId, o.dueDate, o.status])).toEqual([
      ['BANK_ACCOUNT_NOTICE', null, '2026-02-27', 'LATE'],
      ['IMPLEMENTATION_PLAN', 'new34:01', '2026-04-17', 'DUE'],
      ['IMPLEMENTATION_PLAN', 'new34:04', '2026-04-17', 'DUE'],
      ['ANNUAL_REPORT', null, '2026-12-18', 'DUE'],
      ['INACTIVITY_REVIEW', null, '2027-02-06', 'DUE'],
    ]);
    expect(list[0]!.legalBasis.vi).toContain('10 ngày làm việc');
    expect(list[0]!.legalBasis.en).toContain('Art. 21');
  });

  it('counts from the recorded date of receipt instead of the decision date', () => {
    const list = deriveObligations(facts({ decisions: [{ ...facts().decisions[0]!, receivedDate: '2026-01-30' }] }), '2026-02-01', wd);
    expect(list.find((o) => o.kind === 'BANK_ACCOUNT_NOTICE')!.dueDate).toBe('2026-02-13');
  });

  it('a bank account notified in the registry fulfils O1; a recorded fulfilment or waiver wins over LATE', () => {
    const list = deriveObligations(
      facts({
        bankNoticeDates: ['2026-02-20'],
        records: [
          { key: obligationKey.implementationPlan('e1', 'new34:04'), status: 'DONE', doneOn: '2026-05-04' },
          { key: obligationKey.implementationPlan('e1', 'new34:01'), status: 'WAIVED', doneOn: '2026-05-05' },
        ],
      }),
      '2026-06-01',
      wd,
    );
    const byKey = new Map(list.map((o) => [o.key, o]));
    expect(byKey.get(obligationKey.bankAccount('e1'))).toMatchObject({ status: 'DONE', doneOn: '2026-02-20' });
    expect(byKey.get(obligationKey.implementationPlan('e1', 'new34:04'))).toMatchObject({ status: 'DONE', doneOn: '2026-05-04' });
    expect(byKey.get(obligationKey.implementationPlan('e1', 'new34:01'))).toMatchObject({ status: 'WAIVED' });
  });

  it('an extension and an amendment each start new implementation plans; an office move starts a data update', () => {
    const list = deriveObligations(
      facts({
        decisions: [
          ...facts().decisions,
          {
            eventId: 'e2',
            certificateId: 'c1',
            kind: 'AMENDED',
            decisionDate: '2026-06-01',
            receivedDate: null,
            provinceIds: ['new34:04'],
            officeChanged: true,
          },
          {
            eventId: 'e3',
            certificateId: 'c1',
            kind: 'SUSPENDED',
            decisionDate: '2026-07-01',
            receivedDate: null,
            provinceIds: ['new34:04'],
          },
        ],
      }),
      '2026-07-02',
      wd,
    );
    expect(list.filter((o) => o.key.includes(':e2')).map((o) => [o.kind, o.dueDate])).toEqual([
      ['DATA_UPDATE', '2026-06-11'],
      ['IMPLEMENTATION_PLAN', wd('2026-06-01', 45)],
    ]);
    expect(list.some((o) => o.key.includes(':e3'))).toBe(false);
  });

  it('flags 12 months without disbursement, report or aid item as LATE, with the evidence', () => {
    const none = deriveObligations(facts(), '2027-02-08', wd).find((o) => o.kind === 'INACTIVITY_REVIEW')!;
    expect(none).toMatchObject({ status: 'LATE', evidence: { disbursements: 0, reports: 0, aidItems: 0 } });
    const active = deriveObligations(
      facts({ activity: new Map([['e1', { disbursements: 2, reports: 0, aidItems: 1, firstActivityOn: '2026-09-01' }]]) }),
      '2027-02-08',
      wd,
    ).find((o) => o.kind === 'INACTIVITY_REVIEW')!;
    expect(active).toMatchObject({ status: 'DONE', doneOn: '2026-09-01' });
  });

  it('watches any 12 consecutive months after issue, not only the first (Art. 19.1(b))', () => {
    // Active in the first months (09/2026), then silent: the 12 months from 01/09/2026 are complete on 01/09/2027.
    const quiet = facts({
      activity: new Map([['e1', { disbursements: 1, reports: 0, aidItems: 0, firstActivityOn: '2026-09-01' }]]),
      activityDates: ['2026-09-01', '2026-05-10'],
      activeRanges: [{ from: '2026-02-06', to: '2029-02-06', certificateId: 'c1' }],
    });
    const later = (today: string) =>
      deriveObligations(quiet, today, wd).filter((o) => o.kind === 'INACTIVITY_REVIEW' && o.startsOn !== '2026-02-06');
    expect(later('2027-09-01')).toEqual([]);
    expect(later('2027-09-02').map((o) => [o.startsOn, o.dueDate, o.status])).toEqual([['2026-09-01', '2027-09-01', 'LATE']]);
    expect(later('2027-09-02')[0]!.evidence).toEqual({ disbursements: 0, reports: 0, aidItems: 0, firstActivityOn: null });
    // Once activity resumes the stretch is no ground any more (the gap itself is still found by inactivityGaps).
    const resumed = deriveObligations(facts({ ...quiet, activityDates: ['2026-09-01', '2027-10-15'] }), '2028-01-10', wd).filter(
      (o) => o.kind === 'INACTIVITY_REVIEW' && o.startsOn === '2026-09-01',
    );
    expect(resumed).toEqual([]);
    expect(inactivityGaps('2026-02-06', ['2026-09-01', '2027-10-15'], '2028-01-10')).toEqual([
      { from: '2026-09-01', due: '2027-09-01', resumedOn: '2027-10-15' },
    ]);
    // A certificate no longer in force is not watched.
    const ended = facts({ ...quiet, activeRanges: [{ from: '2026-02-06', to: '2027-06-30', certificateId: 'c1' }] });
    expect(deriveObligations(ended, '2027-09-02', wd).filter((o) => o.key.startsWith('INACTIVITY_REVIEW:e1:'))).toEqual([]);
    expect(inactivityGaps('2026-02-06', ['2026-09-01', '2027-08-31', '2028-03-01'], '2028-06-01')).toEqual([]);
    // Activity before the issue, or after the period in force, does not count.
    expect(inactivityGaps('2026-02-06', ['2025-01-01'], '2028-06-01')).toEqual([]);
    expect(inactivityGaps('2026-02-06', ['2026-03-01', '2028-01-01'], '2027-01-01')).toEqual([]);
  });

  it('links the annual report: submitted → DONE on its date, missing after 18/12 → LATE; a change recorded late is DONE late', () => {
    const list = deriveObligations(
      facts({
        activeRanges: [{ from: '2024-03-01', to: '2027-03-01' }],
        submittedReports: new Map([[2024, '2024-12-10']]),
        dataChanges: [{ id: 'r1', changedOn: '2025-04-01', recordedOn: '2025-04-20' }],
      }),
      '2025-12-19',
      wd,
    );
    expect(list.filter((o) => o.kind === 'ANNUAL_REPORT').map((o) => [o.year, o.status, o.doneOn])).toEqual([
      [2024, 'DONE', '2024-12-10'],
      [2025, 'LATE', null],
      [2026, 'DUE', null], // its period opened on 15/12/2025
    ]);
    const change = list.find((o) => o.kind === 'DATA_UPDATE')!;
    expect(change).toMatchObject({ dueDate: '2025-04-11', status: 'DONE', doneOn: '2025-04-20' });
    expect(complianceScore(list)).toMatchObject({ late: list.filter((o) => o.status === 'LATE').length, doneLate: 1 });
  });

  it('lists nothing that starts after today', () => {
    expect(deriveObligations(facts(), '2026-02-05', wd)).toEqual([]);
  });
});

describe('complianceScore', () => {
  it('takes 10 points per late obligation and 5 per obligation done late, never below 0', () => {
    const late = { status: 'LATE' as const, dueDate: '2026-01-01', doneOn: null };
    const doneLate = { status: 'DONE' as const, dueDate: '2026-01-01', doneOn: '2026-01-02' };
    const onTime = { status: 'DONE' as const, dueDate: '2026-01-01', doneOn: '2026-01-01' };
    expect(complianceScore([late, doneLate, onTime])).toEqual({ score: 85, late: 1, doneLate: 1 });
    expect(complianceScore(Array(11).fill(late)).score).toBe(0);
  });
});
