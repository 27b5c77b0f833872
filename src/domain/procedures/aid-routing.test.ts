import { describe, expect, it } from 'vitest';
import { provincialBodyId, routeAidApproval } from './aid-routing';

describe('routeAidApproval (D80 Art. 7, 9, 10)', () => {
  it('sends a Prime-Minister-level dossier to MOF, keeping the governing agency it names', () => {
    expect(routeAidApproval({ level: 'PM', governingAgencyId: 'MOH' })).toEqual({
      routing: { level: 'PM', handlingAgencyId: 'MOF', governingAgencyId: 'MOH', provinceId: null },
    });
  });

  it('sends a central dossier (and relief given directly to an agency) to the governing agency', () => {
    expect(routeAidApproval({ level: 'CENTRAL', governingAgencyId: 'MOET' })).toMatchObject({ routing: { handlingAgencyId: 'MOET' } });
    expect(routeAidApproval({ level: 'RELIEF_RECOVERY', governingAgencyId: 'VFF' })).toMatchObject({
      routing: { handlingAgencyId: 'VFF' },
    });
    // No level said: the governing agency's (the common case before levels were asked).
    expect(routeAidApproval({ governingAgencyId: 'MOH' })).toMatchObject({ routing: { level: 'CENTRAL', handlingAgencyId: 'MOH' } });
  });

  it("sends a local dossier to the province's Department of Finance, governed by its People's Committee", () => {
    expect(routeAidApproval({ level: 'LOCAL', provinceId: 'new34:04', governingAgencyId: 'MOH' })).toEqual({
      routing: { level: 'LOCAL', handlingAgencyId: 'STC:new34:04', governingAgencyId: 'UBND:new34:04', provinceId: 'new34:04' },
    });
  });

  it('keeps the local lead appraiser a parameter', () => {
    const r = routeAidApproval({ level: 'LOCAL', provinceId: 'new34:92' }, 'PROVINCIAL_PEOPLES_COMMITTEE');
    expect(r).toMatchObject({ routing: { handlingAgencyId: 'UBND:new34:92' } });
  });

  it('names the missing fact instead of guessing', () => {
    expect(routeAidApproval({ level: 'LOCAL' })).toEqual({ issue: expect.objectContaining({ path: 'application.aidProvinceId' }) });
    // A former (63-unit) province is not a current body's territory.
    expect(routeAidApproval({ level: 'LOCAL', provinceId: 'old63:02' })).toHaveProperty('issue');
    expect(routeAidApproval({ level: 'PM' })).toEqual({ issue: expect.objectContaining({ path: 'application.governingAgencyId' }) });
  });

  it('builds provincial body ids in the style of the People’s Committees', () => {
    expect(provincialBodyId('PROVINCIAL_POLICE', 'new34:01')).toBe('CA:new34:01');
    expect(provincialBodyId('PROVINCIAL_FINANCE_DEPT', 'new34:01')).toBe('STC:new34:01');
  });
});
