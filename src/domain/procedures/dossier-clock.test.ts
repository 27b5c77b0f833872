import { describe, expect, it } from 'vitest';
import { clockSummary, type DossierHistoryEntry, type WorkingCalendar } from './dossier-clock';
import type { DossierState } from './dossier-machine';
import { procedureFor } from './definitions';
import { addDays, type IsoDate } from '../registration/iso-date';

const isWeekday = (d: IsoDate) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
const calendar: WorkingCalendar = {
  addWorkingDays(date, n) {
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (isWeekday(d)) left -= 1;
    }
    return d;
  },
  workingDaysBetween(from, to) {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWeekday(d)) n += 1;
    return n;
  },
};
const entry = (status: DossierState['status'], clock: DossierState['clock'], at: IsoDate): DossierHistoryEntry => ({
  state: { status, clock },
  at,
});
const limit30 = procedureFor('NEW_GDKHD', '2024-01-01').overallLimit!;

describe('clockSummary', () => {
  const accepted = [
    entry('SUBMITTED', 'NOT_STARTED', '2024-02-26'),
    entry('INCOMPLETE', 'NOT_STARTED', '2024-02-27'),
    entry('SUPPLEMENTED', 'NOT_STARTED', '2024-02-29'),
    entry('ACCEPTED_COMPLETE', 'RUNNING', '2024-03-01'),
  ];

  it('has not started before acceptance: pre-acceptance supplements do not count', () => {
    expect(clockSummary(accepted.slice(0, 3), limit30, '2024-03-01', calendar)).toMatchObject({
      clock: 'NOT_STARTED',
      usedDays: 0,
      dueDate: null,
      remainingDays: null,
    });
  });

  it('runs 30 working days from acceptance (Fri 1 March 2024 → Fri 12 April 2024)', () => {
    expect(clockSummary(accepted, limit30, '2024-03-08', calendar)).toMatchObject({
      clock: 'RUNNING',
      startedOn: '2024-03-01',
      usedDays: 5,
      remainingDays: 25,
      dueDate: '2024-04-12',
      overdue: false,
    });
  });

  it('pauses during a supplement request in consultation and pushes the due date', () => {
    const history = [
      ...accepted,
      entry('CONSULTING', 'RUNNING', '2024-03-04'),
      entry('INCOMPLETE', 'PAUSED', '2024-03-08'), // 5 WD used
      entry('SUPPLEMENTED', 'PAUSED', '2024-03-20'),
      entry('CONSULTING', 'RUNNING', '2024-03-22'), // paused 10 WD
    ];
    expect(clockSummary(history, limit30, '2024-03-15', calendar)).toMatchObject({
      clock: 'PAUSED',
      usedDays: 5,
      remainingDays: 25,
      dueDate: null,
    });
    expect(clockSummary(history, limit30, '2024-03-29', calendar)).toMatchObject({
      clock: 'RUNNING',
      usedDays: 10,
      remainingDays: 20,
      dueDate: '2024-04-26',
    });
  });

  it('reports overdue and stops counting at delivery', () => {
    const late = clockSummary(accepted, limit30, '2024-04-15', calendar);
    expect(late).toMatchObject({ usedDays: 31, remainingDays: -1, overdue: true, dueDate: '2024-04-12' });
    const delivered = [...accepted, entry('DELIVERED', 'STOPPED', '2024-04-10')];
    expect(clockSummary(delivered, limit30, '2024-06-01', calendar)).toMatchObject({
      clock: 'STOPPED',
      usedDays: 28,
      overdue: false,
      dueDate: null,
    });
  });

  it('counts calendar days for a calendar-day limit (aid appraisal, 20 days)', () => {
    const limit20 = procedureFor('AID_APPROVAL', '2024-01-01').overallLimit!;
    expect(clockSummary([entry('ACCEPTED_COMPLETE', 'RUNNING', '2024-03-01')], limit20, '2024-03-11', calendar)).toMatchObject({
      usedDays: 10,
      dueDate: '2024-03-21',
    });
  });
});
