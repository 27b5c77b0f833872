import { describe, expect, it } from 'vitest';
import { DEFAULT_IATI_ORG_ID, iatiOrgIdFrom } from './iati-publisher';

describe('the reporting organisation identifier setting (VNAID_IATI_ORG_ID)', () => {
  it('defaults to the documented, unconfirmed MOFA identifier', () => {
    expect(iatiOrgIdFrom({})).toBe(DEFAULT_IATI_ORG_ID);
    expect(iatiOrgIdFrom({ VNAID_IATI_ORG_ID: '  ' })).toBe('VN-COA-014');
  });

  it('takes a configured IATI organisation identifier', () => {
    expect(iatiOrgIdFrom({ VNAID_IATI_ORG_ID: 'VN-COA-1049' })).toBe('VN-COA-1049');
    expect(iatiOrgIdFrom({ VNAID_IATI_ORG_ID: 'XM-DAC-41114' })).toBe('XM-DAC-41114');
  });

  it('refuses a value that is not one, naming the variable', () => {
    for (const bad of ['MOFA', 'vn-coa-014', 'VN-COA-01/4', 'VN-COA-'])
      expect(() => iatiOrgIdFrom({ VNAID_IATI_ORG_ID: bad })).toThrow(/VNAID_IATI_ORG_ID/);
  });
});
