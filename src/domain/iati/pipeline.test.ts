import { describe, expect, it } from 'vitest';
import { endOfDuration, isPipelineIdentifier, pipelineBudgetPeriod, pipelineIdentifier } from './pipeline';

describe('IATI pipeline activities of the needs catalogue', () => {
  it("builds the identifier from the publisher's prefix and the proposal code, and recognises only such identifiers", () => {
    expect(pipelineIdentifier('VN-COA-014', 'NC-2026-0007')).toBe('VN-COA-014-NC-2026-0007');
    expect(isPipelineIdentifier('VN-COA-014-NC-2026-0007', 'VN-COA-014')).toBe(true);
    // An aid item recorded in vnaid (VT-…), another publisher's NC- code, or a look-alike are not proposals.
    expect(isPipelineIdentifier('VN-COA-014-VT-2026-1A2B3C4D', 'VN-COA-014')).toBe(false);
    expect(isPipelineIdentifier('GB-CHC-1-NC-2026-0007', 'VN-COA-014')).toBe(false);
    expect(isPipelineIdentifier('VN-COA-014-NC-2026-0007-X', 'VN-COA-014')).toBe(false);
    expect(isPipelineIdentifier('VN-COA-0145-NC-2026-0007', 'VN-COA-014')).toBe(false);
  });

  it('ends a duration on the day before the same day of the month it reaches, short months included', () => {
    expect(endOfDuration('2026-03-15', 12)).toBe('2027-03-14');
    expect(endOfDuration('2026-01-01', 6)).toBe('2026-06-30');
    expect(endOfDuration('2026-01-31', 1)).toBe('2026-02-27');
    expect(endOfDuration('2027-12-01', 1)).toBe('2027-12-31');
  });

  it('publishes the budget sought as one budget only when the duration fits one period of at most a year', () => {
    expect(pipelineBudgetPeriod({ publishedOn: '2026-03-15', durationMonths: 12 })).toEqual({ start: '2026-03-15', end: '2027-03-14' });
    expect(pipelineBudgetPeriod({ publishedOn: '2026-03-15', durationMonths: 13 })).toBeUndefined();
    expect(pipelineBudgetPeriod({ publishedOn: '2026-03-15' })).toBeUndefined();
  });
});
