import { describe, expect, it } from 'vitest';
import { retiredOn } from './retired-currencies';

describe('retired currency codes', () => {
  it('refuses a withdrawn code from its changeover day, not before', () => {
    expect(retiredOn('HRK', '2022-12-31')).toBeNull();
    expect(retiredOn('HRK', '2023-01-01')).toEqual({ from: '2023-01-01', successor: 'EUR' });
    expect(retiredOn('VEF', '2019-03-01')?.successor).toBe('VES');
  });
  it('leaves current codes alone', () => {
    expect(retiredOn('USD', '2030-01-01')).toBeNull();
    expect(retiredOn('EUR', '2023-06-01')).toBeNull();
  });
});
