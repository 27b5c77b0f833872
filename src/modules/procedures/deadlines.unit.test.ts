import { describe, expect, it } from 'vitest';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import { procedureFor } from '@domain/procedures';
import { overallClock, stepViews, toPauses, type DossierDates } from './deadlines';

const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2025, toYear: 2027 });
const version = procedureFor('NEW_GDKHD', '2026-03-02');
const none: DossierDates = {
  submitted_on: null,
  last_received_on: null,
  accepted_on: null,
  consultation_sent_on: null,
  opinions_complete_on: null,
  forwarded_on: null,
  appraisal_started_on: null,
  decided_on: null,
  delivered_on: null,
  closed_on: null,
};

describe('dossier clocks', () => {
  it('counts 30 working days from acceptance, over the Hùng Kings and 30/4–1/5 holidays of 2026', () => {
    const d = { ...none, submitted_on: '2026-04-01', last_received_on: '2026-04-01', accepted_on: '2026-04-02' };
    const clock = overallClock(d, version, toPauses([]), calendar, '2026-04-02')!;
    // 02/04 + 30 WD, skipping 27/04 (compensatory), 30/04 and 01/05.
    expect(clock.dueDate).toBe(calendar.addWorkingDays('2026-04-02', 30));
    expect(clock.dueDate).toBe('2026-05-19');
    expect(clock).toMatchObject({ state: 'RUNNING', remainingDays: 30, overdueDays: 0, onTime: true });
  });

  it('a supplement before acceptance holds the completeness check only; one during processing stops the statutory clock', () => {
    const before = [{ from_date: '2026-03-03', to_date: null, reason: 'SUPPLEMENT_BEFORE_ACCEPTANCE' }];
    const waiting = stepViews(
      { ...none, submitted_on: '2026-03-02', last_received_on: '2026-03-02' },
      version,
      toPauses(before),
      calendar,
      '2026-03-10',
    );
    expect(waiting.find((s) => s.code === 'S1_CHECK')!.clock).toMatchObject({ state: 'PAUSED', dueDate: null });

    const accepted = { ...none, submitted_on: '2026-03-02', last_received_on: '2026-03-05', accepted_on: '2026-03-05' };
    const closed = [{ from_date: '2026-03-03', to_date: '2026-03-05', reason: 'SUPPLEMENT_BEFORE_ACCEPTANCE' }];
    expect(overallClock(accepted, version, toPauses(closed), calendar, '2026-03-05')).toMatchObject({
      paused: false,
      dueDate: calendar.addWorkingDays('2026-03-05', 30),
    });

    const during = [{ from_date: '2026-03-10', to_date: '2026-03-12', reason: 'SUPPLEMENT' }];
    expect(overallClock(accepted, version, toPauses(during), calendar, '2026-03-20')!.dueDate).toBe(
      calendar.addWorkingDays('2026-03-05', 33),
    );
  });

  it('reports a delivery after the limit as late, by the working days over', () => {
    const accepted = '2026-01-05';
    const d = { ...none, accepted_on: accepted, delivered_on: calendar.addWorkingDays(accepted, 32) };
    expect(overallClock(d, version, toPauses([]), calendar, '2026-06-01')).toMatchObject({ state: 'DONE', onTime: false, overdueDays: 2 });
  });
});
