import { describe, expect, it } from 'vitest';
import { closureProblem, isActionOverdue, plannedPeriodProblem, provincesWithin, visitDatesProblem } from './inspections';

describe('follow-up actions', () => {
  it('is overdue only when still open after its due day (Vietnam date)', () => {
    expect(isActionOverdue({ status: 'OPEN', dueDate: '2026-04-10' }, '2026-04-10')).toBe(false);
    expect(isActionOverdue({ status: 'OPEN', dueDate: '2026-04-10' }, '2026-04-11')).toBe(true);
    expect(isActionOverdue({ status: 'DONE', dueDate: '2026-04-10' }, '2026-05-01')).toBe(false);
    expect(isActionOverdue({ status: 'OPEN', dueDate: '2025-12-31' }, '2026-01-01')).toBe(true);
  });
});

describe('plan and visit dates', () => {
  it("a planned period starts in the plan's year and does not end before it starts", () => {
    expect(plannedPeriodProblem(2026, '2026-12-28', '2027-01-05')).toBeNull();
    expect(plannedPeriodProblem(2026, '2026-05-04', '2026-05-03')).toBe('ends_before_start');
    expect(plannedPeriodProblem(2026, '2025-12-30', '2026-01-02')).toBe('outside_year');
  });
  it('a visit does not end before it starts; an open end is allowed', () => {
    expect(visitDatesProblem('2026-03-10', null)).toBeNull();
    expect(visitDatesProblem('2026-03-10', '2026-03-10')).toBeNull();
    expect(visitDatesProblem('2026-03-10', '2026-03-09')).toBe('ends_before_start');
  });
});

describe('closure', () => {
  const visit = { startsOn: '2026-03-10' };
  it('closes on a day between the start and today once every action is done', () => {
    expect(closureProblem(visit, '2026-04-20', '2026-12-08', [{ status: 'DONE' }])).toBeNull();
    expect(closureProblem(visit, '2026-03-10', '2026-03-10', [])).toBeNull();
  });
  it('refuses a future day, a day before the start, and open actions', () => {
    expect(closureProblem(visit, '2026-12-09', '2026-12-08', [])).toBe('in_future');
    expect(closureProblem(visit, '2026-03-09', '2026-12-08', [])).toBe('before_start');
    expect(closureProblem(visit, '2026-04-20', '2026-12-08', [{ status: 'DONE' }, { status: 'OPEN' }])).toBe('actions_open');
  });
});

describe('a province officer names only its own province', () => {
  const rollUp = new Map([
    ['new34:29', 'new34:29'],
    ['old63:74', 'new34:29'],
    ['old63:79', 'new34:29'],
    ['new34:01', 'new34:01'],
  ]);
  it('accepts its current unit and the former units rolled up to it, refuses any other', () => {
    expect(provincesWithin('new34:29', ['new34:29', 'old63:74'], rollUp)).toBe(true);
    expect(provincesWithin('new34:29', ['new34:29', 'new34:01'], rollUp)).toBe(false);
  });
});
