import { describe, expect, it } from 'vitest';
import { AID_ADJUSTMENT_PROCEDURES, aidAdjustmentDueDate, routeAidAdjustment } from './aid-adjustment-procedures';
import { procedureFor } from './definitions';

describe('aid adjustments (D80 Art. 16)', () => {
  it('go back to the original approver, or to MOF when the aid was a PM case or the change makes it one (Art. 7.1)', () => {
    expect(routeAidAdjustment({ originalApproverId: 'MOH', approvedAtPmLevel: false, pmSubjects: [] })).toEqual({
      approverAgencyId: 'MOH',
      pmLevel: false,
    });
    expect(routeAidAdjustment({ originalApproverId: 'MOH', approvedAtPmLevel: true, pmSubjects: [] })).toEqual({
      approverAgencyId: 'MOF',
      pmLevel: true,
    });
    expect(routeAidAdjustment({ originalApproverId: 'UBND:new34:04', approvedAtPmLevel: false, pmSubjects: ['USED_GOODS'] })).toEqual({
      approverAgencyId: 'MOF',
      pmLevel: true,
    });
    expect(routeAidAdjustment({ originalApproverId: null, approvedAtPmLevel: false, pmSubjects: [] })).toBeNull();
  });

  it('fall due 20 calendar days after filing under the version in force that day (D80 until 07/12/2025, D313 after)', () => {
    const d80 = procedureFor('AID_ADJUSTMENT', '2025-12-07');
    const d313 = procedureFor('AID_ADJUSTMENT', '2025-12-08');
    expect([d80.versionId, d313.versionId, d313.provisional]).toEqual(['AID_ADJUSTMENT@D80-2020', 'AID_ADJUSTMENT@D313-2025', true]);
    expect(aidAdjustmentDueDate(d313, '2026-01-20')).toBe('2026-02-09');
    expect(aidAdjustmentDueDate(d80, '2024-02-15')).toBe('2024-03-06');
    expect(AID_ADJUSTMENT_PROCEDURES.every((v) => v.consultation === null)).toBe(true);
  });
});
