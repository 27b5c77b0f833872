import { describe, expect, it } from 'vitest';
import { availableNeedActions, isNeedEditable, nextNeedStatus, statusAfterFunding } from './needs-workflow';

describe('needs catalogue workflow', () => {
  it('lets the proposer submit and only central publish, ask for changes or decline', () => {
    expect(nextNeedStatus('DRAFT', 'submit', 'proposer')).toBe('SUBMITTED');
    expect(nextNeedStatus('CHANGES_REQUESTED', 'submit', 'proposer')).toBe('SUBMITTED');
    expect(nextNeedStatus('SUBMITTED', 'publish', 'central')).toBe('PUBLISHED');
    expect(nextNeedStatus('SUBMITTED', 'request_changes', 'central')).toBe('CHANGES_REQUESTED');
    expect(nextNeedStatus('SUBMITTED', 'decline', 'central')).toBe('DECLINED');
    expect(() => nextNeedStatus('SUBMITTED', 'publish', 'proposer')).toThrow(
      expect.objectContaining({ code: 'transition_role_not_allowed' }),
    );
    expect(() => nextNeedStatus('DRAFT', 'publish', 'central')).toThrow(expect.objectContaining({ code: 'transition_not_allowed' }));
    expect(() => nextNeedStatus('PUBLISHED', 'submit', 'proposer')).toThrow(expect.objectContaining({ code: 'transition_not_allowed' }));
  });

  it('offers the buttons of the state and role, keeps reviewed proposals read-only, funds only published ones', () => {
    expect(availableNeedActions('SUBMITTED', 'central')).toEqual(['publish', 'request_changes', 'decline']);
    expect(availableNeedActions('SUBMITTED', 'proposer')).toEqual([]);
    expect(isNeedEditable('DRAFT')).toBe(true);
    expect(isNeedEditable('PUBLISHED')).toBe(false);
    expect(statusAfterFunding('PUBLISHED')).toBe('FUNDED');
    expect(() => statusAfterFunding('SUBMITTED')).toThrow(expect.objectContaining({ code: 'transition_not_allowed' }));
  });
});
