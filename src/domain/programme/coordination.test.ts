import { describe, expect, it } from 'vitest';
import { decisionDateProblem, doneDateProblem, isAwardOpen, isTaskLate } from './coordination';

describe('follow-up tasks', () => {
  it('are late only while open after their due date (due today is not late; done late is done)', () => {
    expect(isTaskLate({ status: 'OPEN', dueDate: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isTaskLate({ status: 'OPEN', dueDate: '2026-04-01' }, '2026-04-01')).toBe(false);
    expect(isTaskLate({ status: 'DONE', dueDate: '2026-03-31' }, '2026-04-01')).toBe(false);
  });

  it('cannot be done in the future or before the meeting', () => {
    expect(doneDateProblem('2026-04-02', '2025-12-04', '2026-04-01')).toBe('in_future');
    expect(doneDateProblem('2025-12-03', '2025-12-04', '2026-04-01')).toBe('before_meeting');
    expect(doneDateProblem('2025-12-04', '2025-12-04', '2026-04-01')).toBeNull();
  });
});

describe('awards', () => {
  it('are decided once: only a nomination is open', () => {
    expect(isAwardOpen('NOMINATED')).toBe(true);
    expect(isAwardOpen('DECIDED')).toBe(false);
    expect(isAwardOpen('DECLINED')).toBe(false);
  });

  it('take a decision date between the nomination and today', () => {
    expect(decisionDateProblem('2026-01-10', '2026-01-05', '2026-01-09')).toBe('in_future');
    expect(decisionDateProblem('2026-01-04', '2026-01-05', '2026-01-09')).toBe('before_nomination');
    expect(decisionDateProblem('2026-01-05', '2026-01-05', '2026-01-09')).toBeNull();
  });
});
